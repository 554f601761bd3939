"""Briefings and professional-only documents: who sees what, including by direct /documents/ URL."""

import pytest
from wagtail.models import Collection

from schools.access import PROFESSIONAL_COLLECTION_NAME, can_view_professional, is_approved_staff, school_for
from tests.factories.resources import ResourceDocumentFactory
from tests.factories.schools import BriefingPageFactory

pytestmark = pytest.mark.django_db

SECRET = "SECRET-OPERATIONAL-DETAIL"


@pytest.fixture
def professional_collection(db):
    return Collection.get_first_root_node().add_child(name=PROFESSIONAL_COLLECTION_NAME)


@pytest.fixture
def lesson_plan(professional_collection):
    return ResourceDocumentFactory(title="Sensitive lesson plan", collection=professional_collection)


@pytest.fixture
def public_leaflet(db):
    return ResourceDocumentFactory(title="Public leaflet")


@pytest.fixture
def briefing_notes(hub):
    notes = ResourceDocumentFactory(title="Briefing notes")
    BriefingPageFactory(
        parent=hub,
        slug="with-notes",
        body=[{"type": "document", "value": {"document": notes.pk, "title": "Notes"}}],
    )
    return notes


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 16)


class TestAccessHelpers:
    def test_only_approved_staff_count(self, approved_user, awaiting_user, unverified_user, refused_user, school):
        assert is_approved_staff(approved_user) and school_for(approved_user) == school
        for user in (awaiting_user, unverified_user, refused_user):
            assert not is_approved_staff(user) and school_for(user) is None

    def test_anonymous_and_plain_users_are_not_staff(self, django_user_model):
        from django.contrib.auth.models import AnonymousUser

        plain = django_user_model.objects.create_user("plain", "plain@example.org", "x" * 16)
        for user in (AnonymousUser(), plain, None):
            assert not is_approved_staff(user) and school_for(user) is None and not can_view_professional(user)

    def test_editors_can_view_professional_material(self, editor):
        assert can_view_professional(editor) and not is_approved_staff(editor)


class TestBriefingPage:
    def test_anonymous_sees_that_it_exists_and_how_to_get_access(self, client, briefing):
        response = client.get("/schools/operation-lantern/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Operation Lantern briefing" in html and briefing.summary in html
        assert SECRET not in html
        assert 'href="/schools/sign-in/?next=/schools/operation-lantern/"' in html
        assert 'href="/schools/sign-up/"' in html
        assert response.cookies == {}
        assert "private" in response["Cache-Control"]

    @pytest.mark.parametrize(
        ("who", "message"),
        [
            ("unverified_user", "Confirm your email address"),
            ("awaiting_user", "is checking your account"),
            ("refused_user", "was not approved"),
        ],
    )
    def test_unapproved_staff_see_why_not(self, client, briefing, request, who, message):
        client.force_login(request.getfixturevalue(who))
        html = client.get("/schools/operation-lantern/").content.decode()
        assert SECRET not in html
        assert message in html

    def test_approved_staff_read_it(self, client, briefing, approved_user):
        client.force_login(approved_user)
        response = client.get("/schools/operation-lantern/")
        assert SECRET in response.content.decode()
        assert "no-store" in response["Cache-Control"]

    def test_editors_read_it(self, client, briefing, editor):
        client.force_login(editor)
        assert SECRET in client.get("/schools/operation-lantern/").content.decode()

    def test_hub_lists_it_as_staff_only(self, client, briefing):
        html = client.get("/schools/").content.decode()
        assert "Operation Lantern briefing" in html and "Staff only" in html
        assert SECRET not in html

    def test_site_search_does_not_reveal_its_content(self, client, briefing):
        from django.core.management import call_command

        call_command("update_index", verbosity=0)
        assert "Operation Lantern" not in client.get("/search/?q=SECRET-OPERATIONAL-DETAIL").content.decode()
        assert "Operation Lantern" in client.get("/search/?q=Lantern").content.decode()

    def test_api_does_not_expose_its_body(self, client, briefing):
        response = client.get(f"/api/v2/pages/{briefing.pk}/")
        assert SECRET not in response.content.decode()


class TestDirectDocumentUrls:
    """Professional-only files are refused by Wagtail's own /documents/<id>/<file> URL too."""

    def test_anonymous_is_sent_to_sign_in_and_gets_no_cookie(self, client, lesson_plan):
        response = client.get(lesson_plan.url)
        assert response.status_code == 302
        assert response["Location"].startswith("/schools/sign-in/?next=/documents/")
        assert response.cookies == {}

    @pytest.mark.parametrize("who", ["unverified_user", "awaiting_user", "refused_user"])
    def test_unapproved_staff_are_refused(self, client, lesson_plan, request, who):
        client.force_login(request.getfixturevalue(who))
        response = client.get(lesson_plan.url)
        assert response.status_code == 403
        assert "for approved school staff only" in response.content.decode()
        assert b"%PDF" not in response.content

    def test_approved_staff_get_the_file(self, client, lesson_plan, approved_user):
        client.force_login(approved_user)
        response = client.get(lesson_plan.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    def test_editors_get_the_file(self, client, lesson_plan, editor):
        client.force_login(editor)
        assert client.get(lesson_plan.url).status_code == 200

    def test_collections_inside_the_professional_one_are_protected(self, client, professional_collection):
        inner = professional_collection.add_child(name="Police lesson plans")
        document = ResourceDocumentFactory(collection=inner)
        assert client.get(document.url).status_code == 302

    def test_files_used_by_a_briefing_are_protected(self, client, briefing_notes, awaiting_user, approved_user):
        assert client.get(briefing_notes.url).status_code == 302
        client.force_login(awaiting_user)
        assert client.get(briefing_notes.url).status_code == 403
        client.force_login(approved_user)
        assert client.get(briefing_notes.url).status_code == 200

    def test_public_files_stay_public(self, client, public_leaflet):
        response = client.get(public_leaflet.url)
        assert response.status_code == 200
        assert response.cookies == {}
