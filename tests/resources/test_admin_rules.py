"""Editors cannot put professional-only files where the public can download them, or the reverse."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from resources.collections import PROFESSIONAL_COLLECTION_NAME, professional_collection
from resources.models import ResourcePage
from tests.factories import ResourceDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    return client


def post_resource(client, library, document, professional):
    data = nested_form_data(
        {
            "title": "Briefing",
            "slug": "briefing",
            "summary": "For staff.",
            "body": streamfield([("text", rich_text("Some text"))]),
            "attachments": inline_formset([{"document": document.pk, "title": ""}]),
            "external_links": streamfield([]),
            "languages": inline_formset([]),
            "for_teachers": "on",
            "professional_only": "on" if professional else "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    return client.post(f"/admin/pages/add/resources/resourcepage/{library.pk}/", data)


def test_professional_resource_needs_its_files_in_the_restricted_collection(editor_client, library):
    public_file = ResourceDocumentFactory(title="Public file")
    response = post_resource(editor_client, library, public_file, professional=True)
    assert response.status_code == 200
    assert f"into the &#x27;{PROFESSIONAL_COLLECTION_NAME}&#x27; collection" in response.content.decode()
    assert not ResourcePage.objects.filter(slug="briefing").exists()


def test_public_resource_cannot_use_a_restricted_file(editor_client, library):
    restricted = ResourceDocumentFactory(title="Restricted", collection=professional_collection())
    response = post_resource(editor_client, library, restricted, professional=False)
    assert response.status_code == 200
    assert "so the public could not download it" in response.content.decode()
    assert not ResourcePage.objects.filter(slug="briefing").exists()


def test_restricted_file_on_a_professional_resource_is_accepted(editor_client, library):
    restricted = ResourceDocumentFactory(title="Restricted", collection=professional_collection())
    response = post_resource(editor_client, library, restricted, professional=True)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ResourcePage.objects.get(slug="briefing")
    assert page.professional_only and page.live
    assert [a.document_id for a in page.attachments.all()] == [restricted.pk]
