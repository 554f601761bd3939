"""The demo in the borough's languages: real wagtail-localize translations of the
help people need most, synchronised trees for everything else, and a second
run that changes nothing."""

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.synctree import create_aliases_for_new_page

from home import demo
from home.demo_translations import CONTENT
from home.models import PartnerOrganisation, SiteText, SupportService
from tests.factories import StandardPageFactory

from .conftest import OTHER_LANGUAGES, prefix

pytestmark = pytest.mark.django_db


def model_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models() if not model._meta.proxy}


@pytest.fixture
def demo_site(db):
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    context = demo.seed()
    context.update(demo.seed_languages(context))
    return context


def test_key_pages_and_snippets_are_translated_through_wagtail_localize(client, demo_site):
    get_help = demo_site["get_help"]
    for code in OTHER_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        for page in [demo_site["home"], get_help, get_help.get_children().get(slug="staying-safe-online")]:
            target = page.get_translation(locale)
            assert target.alias_of_id is None, (code, page)  # a translation, not a copy waiting for one
            assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=locale).exists()
            assert target.title == CONTENT[page.title][code]
        assert SupportService.objects.filter(locale=locale).count() == len(demo.SERVICES)
        assert PartnerOrganisation.objects.filter(locale=locale).count() == len(demo.PARTNERS)
        assert SiteText.objects.filter(locale=locale).exists()


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_translated_demo_pages_read_in_their_language(client, demo_site, code):
    help_page = client.get(f"{prefix(code)}/get-help/").content.decode()
    assert CONTENT["Get help"][code] in help_page
    assert CONTENT["Safe Steps young people's service"][code] in help_page
    assert CONTENT["Partnership helpline"][code] in help_page
    assert CONTENT["Northfield Voluntary Action"][code] in help_page
    staying_safe = client.get(f"{prefix(code)}/get-help/staying-safe-online/").content.decode()
    assert CONTENT["Browse privately"][code] in staying_safe
    home = client.get(f"{prefix(code)}/").content.decode()
    assert CONTENT["Together we protect children and young people from sexual exploitation."][code] in home
    # The rest of the demo exists in every language, marked as not translated yet.
    about = client.get(f"{prefix(code)}/about/")
    assert about.status_code == 200
    assert 'lang="en" dir="ltr"' in about.content.decode()


def test_editors_can_export_and_import_the_translation_as_a_po_file(demo_site):
    """The agency workflow: the PO file of a translation carries every string and its translation."""
    urdu = Locale.objects.get(language_code="ur")
    record = Translation.objects.get(source__object_id=demo_site["get_help"].translation_key, target_locale=urdu)
    po = record.export_po()
    assert po.percent_translated() == 100
    entry = next(entry for entry in po if entry.msgid == "Get help")
    entry.msgstr = "فوری مدد"
    assert record.import_po(po) == []
    record.save_target(publish=True)
    assert demo_site["get_help"].get_translation(urdu).title == "فوری مدد"


def test_seeding_the_languages_again_changes_nothing(demo_site):
    first = model_counts()
    demo.seed_languages(demo_site)
    assert model_counts() == first


def test_a_new_english_page_appears_in_every_language_marked_not_translated(client, demo_site):
    page = StandardPageFactory(parent=demo_site["home"], slug="news", title="News")
    create_aliases_for_new_page(page)  # what wagtail-localize does when an editor adds a page
    for code in OTHER_LANGUAGES:
        copy = Page.objects.get(translation_key=page.translation_key, locale__language_code=code)
        assert copy.alias_of_id == page.pk
        html = client.get(f"/{code}/news/").content.decode()
        assert "govuk-notification-banner" in html
    # Pages made in code are picked up by the next synchronisation.
    later = StandardPageFactory(parent=demo_site["home"], slug="later", title="Later")
    demo.sync_language_trees()
    assert Page.objects.filter(translation_key=later.translation_key).count() == len(settings.LANGUAGES)
