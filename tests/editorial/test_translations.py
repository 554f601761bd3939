"""A translation cannot go live without a reviewer."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home.editorial.roles import setup_editorial
from tests.factories import StandardPageFactory

from .helpers import workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(editorial, users, settings):
    """A live English page in the police section, translated into French by the police drafter."""
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    french = Locale.objects.create(language_code="fr")
    page = StandardPageFactory(parent=editorial["police_section"], slug="open-day", title="Open day")
    from wagtail_localize.operations import translate_object

    translate_object(page, [french], user=users["police"])  # creates French parents too
    setup_editorial()  # the French tree now exists: attach workflows and section permissions
    return page, page.get_translation(french)


def test_a_new_translation_is_a_draft(translated):
    _, french = translated
    assert not french.live


def test_every_locale_root_has_the_review_workflow(translated):
    _, french = translated
    assert french.get_workflow().name == "Communications review"


def test_the_drafter_cannot_publish_from_the_translation_editor(translated, users, client):
    _, french = translated
    client.force_login(users["police"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french.id])).status_code == 200
    response = client.post(reverse("wagtailadmin_pages:edit", args=[french.id]), {"action": "publish"}, follow=True)
    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    french.refresh_from_db()
    assert not french.live


def test_publish_immediately_on_update_is_refused_to_drafters(translated, users, client):
    page, french = translated
    source = TranslationSource.objects.get(object_id=page.translation_key)
    client.force_login(users["police"])
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.id]), {"publish_translations": "on"}, follow=True
    )
    assert "The translations were updated as drafts" in response.content.decode()
    french.refresh_from_db()
    assert not french.live


def test_a_translation_goes_live_after_review(translated, users, client):
    _, french = translated
    client.force_login(users["police"])
    explorer = client.get(reverse("wagtailadmin_explore", args=[french.get_parent().id])).content.decode()
    assert "Submit translation for review" in explorer
    submit_url = reverse("editorial_submit_translation", args=[french.id])
    assert "Communications review" in client.get(submit_url).content.decode()
    client.post(submit_url)
    french = Page.objects.get(pk=french.pk)
    assert french.workflow_in_progress and not french.live

    client.force_login(users["reviewer"])
    workflow_action(client, french, "approve")
    french.refresh_from_db()
    assert french.live
    assert Translation.objects.filter(target_locale=french.locale).exists()


def test_another_partner_cannot_submit_our_translation(translated, users, client):
    _, french = translated
    client.force_login(users["council_drafter"])
    response = client.post(reverse("editorial_submit_translation", args=[french.id]), follow=True)
    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    assert not Page.objects.get(pk=french.pk).workflow_in_progress
