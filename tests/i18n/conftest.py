"""A small site in every configured language: English pages, with the other
languages' trees synchronised from English by wagtail-localize (so every page
exists in every language, as an alias until it is translated)."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from tests.factories import (
    FormFieldFactory,
    FormPageFactory,
    HomePageFactory,
    StandardPageFactory,
    SupportServiceFactory,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OTHER_LANGUAGES = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]
RTL_LANGUAGES = [code for code in LANGUAGES if translation.get_language_info(code)["bidi"]]


def prefix(code):
    """The URL prefix of a language: none for the default one."""
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def translated(code, message):
    with translation.override(code):
        return translation.gettext(message)


def translate(instance, locale, **fields):
    """A real translation (not an alias) made with wagtail-localize, then given the fields passed."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    record, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    record.save_target(publish=True)
    target = instance.get_translation(locale)
    for name, value in fields.items():
        setattr(target, name, value)
    target.save()
    return target


@pytest.fixture
def home_page(db):
    """As tests/conftest.py's, but always under a tree root: a transactional test flushes the one the
    migrations made, and wagtail-localize keeps each language's home page beside the others under it."""
    english, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=english))
    home = HomePageFactory(parent=root, slug="home-page")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Jigsaw"}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def site_tree(home_page, get_help_page):
    """One page of every home page type, in English."""
    about = StandardPageFactory(parent=home_page, slug="about", title="About the partnership", show_in_menus=True)
    staying_safe = StandardPageFactory(
        parent=get_help_page, slug="staying-safe-online", title="Staying safe online", intro="Browse privately."
    )
    form = FormPageFactory(parent=home_page, slug="have-your-say", title="Have your say")
    FormFieldFactory(page=form, label="Your idea", field_type="multiline")
    service = SupportServiceFactory(name="Teen service", min_age=11, max_age=18, for_parents=True)
    return {
        "home": home_page,
        "get_help": get_help_page,
        "about": about,
        "staying_safe": staying_safe,
        "form": form,
        "service": service,
    }


@pytest.fixture
def locales(home_page):
    """Every configured language as a Locale synchronised from English (wagtail-localize copies the tree)."""
    english = Locale.get_default()
    found = {settings.LANGUAGE_CODE: english}
    for code in OTHER_LANGUAGES:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})
        found[code] = locale
    return found


@pytest.fixture
def multilingual_site(site_tree, locales):
    """The English site, every page aliased into every language, and Get help translated into Urdu."""
    urdu = locales["ur"]
    site_tree["ur_get_help"] = translate(
        site_tree["get_help"], urdu, title="مدد حاصل کریں", intro="<p>آپ اکیلے نہیں ہیں۔</p>"
    )
    site_tree["ur_service"] = translate(site_tree["service"], urdu, name="نوجوانوں کی خدمت")
    return site_tree
