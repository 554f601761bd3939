"""One resource: its facts, files (with type and size) and links, and who sees a professional-only one."""

import pytest
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat

from resources.models import ResourceDownload
from tests.factories import ResourceDocumentFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

BODY = [{"type": "text", "value": "<p>Start with the warm-up on slide two.</p>"}]
LINK = {
    "title": "Online safety education programme",
    "url": "https://www.thinkuknow.co.uk/",
    "organisation": "A national child protection agency",
    "description": "Films and games by age group.",
}


@pytest.fixture
def lesson(library, vocabularies):
    return ResourcePageFactory(
        parent=library,
        title="Online friends lesson",
        summary="A lesson about friendships online.",
        body=BODY,
        external_links=[{"type": "link", "value": LINK}],
        key_stages=[vocabularies["key_stages"]["KS2"], vocabularies["key_stages"]["KS3"]],
        topics=[vocabularies["topics"]["online-safety"]],
        formats=[vocabularies["formats"]["lesson-plan"]],
        for_pupils=True,
        quality_note="Checked against a national quality framework.",
        documents=[
            ResourceDocumentFactory(title="Lesson plan"),
            ResourceDocumentFactory(title="Teacher notes", text_file=True),
        ],
        language_codes=["en", "ur"],
    )


@pytest.fixture
def briefing(library, vocabularies, restricted_file):
    return ResourcePageFactory(
        parent=library,
        title="Police briefing for schools",
        summary="What officers see in local exploitation cases.",
        body=[{"type": "text", "value": "<p>Restricted detail: vehicle patterns near Northfield.</p>"}],
        external_links=[{"type": "link", "value": LINK}],
        key_stages=[vocabularies["key_stages"]["KS4"]],
        professional_only=True,
        documents=[restricted_file],
    )


class TestPublicResource:
    def test_shows_summary_body_facts_and_links(self, client, lesson):
        html = client.get("/resources/online-friends-lesson/").content.decode()
        assert '<h1 class="govuk-heading-xl">Online friends lesson</h1>' in html
        assert "A lesson about friendships online." in html
        assert "Start with the warm-up on slide two." in html
        for fact in ["Key stage 2, Key stage 3", "Online safety", "Lesson plan", "Pupils, Teachers and school staff"]:
            assert fact in html, fact
        assert "English, Urdu" in html
        assert "Checked against a national quality framework." in html
        assert "1 September 2026" in html and "1 September 2027" in html
        assert 'href="https://www.thinkuknow.co.uk/" rel="noreferrer"' in html
        assert "From A national child protection agency" in html

    def test_each_file_is_shown_with_type_and_size_through_the_counting_link(self, client, lesson):
        html = client.get("/resources/online-friends-lesson/").content.decode()
        plan, notes = (attachment.document for attachment in lesson.attachments.all())
        assert f'href="/resources/online-friends-lesson/download/{plan.pk}/" rel="nofollow">Lesson plan</a>' in html
        assert f"(PDF, {filesizeformat(plan.file_size)})" in html
        assert f'href="/resources/online-friends-lesson/download/{notes.pk}/" rel="nofollow">Teacher notes</a>' in html
        assert f"(TXT, {filesizeformat(notes.file_size)})" in html
        assert "/documents/" not in html  # no uncounted route to the files

    def test_no_cookie_and_cacheable(self, client, lesson):
        response = client.get("/resources/online-friends-lesson/")
        assert response.cookies == {}
        assert "private" not in response.get("Cache-Control", "")


class TestProfessionalOnly:
    def test_anonymous_visitors_see_that_it_exists_and_how_to_get_access(self, client, briefing, restricted_file):
        response = client.get("/resources/police-briefing-for-schools/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Police briefing for schools" in html
        assert "What officers see in local exploitation cases." in html
        assert "For approved school staff" in html
        assert "How to get access" in html
        assert 'href="/schools/sign-up/"' in html
        assert "vehicle patterns" not in html
        assert "Police briefing slides" not in html
        assert f"/download/{restricted_file.pk}/" not in html
        assert "thinkuknow" not in html
        assert response.cookies == {}
        assert "private" in response["Cache-Control"]

    def test_staff_awaiting_approval_are_told_so_and_see_no_content(self, client, briefing, pending_staff):
        client.force_login(pending_staff)
        html = client.get("/resources/police-briefing-for-schools/").content.decode()
        assert "Your account has not been approved yet" in html
        assert "vehicle patterns" not in html
        assert "Police briefing slides" not in html

    @pytest.mark.parametrize(
        ("status", "message"),
        [
            ("pending-verification", "confirm your email address"),
            ("refused", "your account was not approved"),
            (None, "not a school staff account"),
        ],
    )
    def test_other_signed_in_people_are_told_what_to_do(self, client, briefing, status, message):
        from tests.resources.conftest import make_staff

        if status:
            user = make_staff(status, "someone")
        else:
            user = get_user_model().objects.create_user("subscriber", "s@example.org", "pw")
        client.force_login(user)
        html = client.get("/resources/police-briefing-for-schools/").content.decode()
        assert message in html
        assert "vehicle patterns" not in html

    def test_approved_staff_see_everything(self, client, briefing, approved_staff, restricted_file):
        client.force_login(approved_staff)
        response = client.get("/resources/police-briefing-for-schools/")
        html = response.content.decode()
        assert "vehicle patterns" in html
        assert (
            f'href="/resources/police-briefing-for-schools/download/{restricted_file.pk}/" rel="nofollow">Police briefing slides'
            in html
        )
        assert "How to get access" not in html
        assert "private" in response["Cache-Control"]

    def test_editors_can_check_what_they_publish(self, client, briefing):
        admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        client.force_login(admin)
        assert "vehicle patterns" in client.get("/resources/police-briefing-for-schools/").content.decode()

    def test_access_rule_follows_the_schools_contract(self, client, briefing, monkeypatch):
        """The page asks schools.access who may see professional material; nothing else decides."""
        from schools import access

        monkeypatch.setattr(access, "can_view_professional", lambda user: True)
        assert "vehicle patterns" in client.get("/resources/police-briefing-for-schools/").content.decode()

    @pytest.mark.parametrize("who", ["anonymous", "pending"])
    def test_files_are_refused_to_everyone_but_approved_staff(self, client, briefing, restricted_file, who, request):
        if who == "pending":
            client.force_login(request.getfixturevalue("pending_staff"))
        response = client.get(f"/resources/police-briefing-for-schools/download/{restricted_file.pk}/")
        assert response.status_code == 403
        html = response.content.decode()
        assert "You need an approved account to download this" in html
        assert "%PDF" not in html
        assert ResourceDownload.objects.count() == 0

    def test_approved_staff_can_download(self, client, briefing, restricted_file, approved_staff):
        client.force_login(approved_staff)
        response = client.get(f"/resources/police-briefing-for-schools/download/{restricted_file.pk}/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
        assert "private" in response["Cache-Control"]


def test_search_index_leaves_out_restricted_text(briefing):
    assert briefing.searchable_body() == ""


def test_the_read_only_api_does_not_publish_restricted_content(client, briefing):
    response = client.get("/api/v2/pages/?type=resources.ResourcePage&fields=*")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Police briefing for schools" in text
    assert "vehicle patterns" not in text
    assert client.get("/api/v2/pages/?type=resources.ResourcePage&fields=body").status_code == 400


def test_the_api_has_no_document_or_image_listing(client, briefing):
    """Their titles would name files in private collections and professional-only resources."""
    assert client.get("/api/v2/documents/").status_code == 404
    assert client.get("/api/v2/images/").status_code == 404
