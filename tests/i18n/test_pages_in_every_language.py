"""Every public page in every language: lang and dir, the switcher, hreflang,
the "not translated yet" fallback, translated snippets, filters and search."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail_localize.synctree import synchronize_tree

from home.models import SiteSettings, SiteText
from tests.factories import (
    PartnerOrganisationFactory,
    ProgressIndexPageFactory,
    RecommendationPageFactory,
    StandardPageFactory,
    SupportServiceFactory,
)

from .conftest import LANGUAGES, OTHER_LANGUAGES, RTL_LANGUAGES, prefix, translate, translated

pytestmark = pytest.mark.django_db

PAGE_PATHS = [
    "/",  # home page
    "/get-help/",  # help page and services directory
    "/get-help/?audience=parents&age=15",
    "/get-help/staying-safe-online/",  # standard page
    "/about/",
    "/have-your-say/",  # form page
    "/search/",
    "/search/?q=help",
]


def html_of(response):
    return response.content.decode()


def language_links(html):
    """{language: (href, text)} of the language switcher's links."""
    nav = html[html.index('class="govuk-language-navigation') :]
    nav = nav[: nav.index("</nav>")]
    return {
        lang: (href, re.sub(r"<[^>]+>", "", text).strip())
        for href, lang, text in re.findall(r'<a [^>]*href="([^"]*)" lang="([^"]+)"[^>]*>(.*?)</a>', nav, re.S)
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_public_page_type_renders_in_every_language(client, multilingual_site, code):
    direction = "rtl" if code in RTL_LANGUAGES else "ltr"
    for path in PAGE_PATHS:
        response = client.get(prefix(code) + path)
        html = html_of(response)
        assert response.status_code == 200, path
        assert f'<html lang="{code}" dir="{direction}"' in html, path
        assert translated(code, "Exit this page") in html, path
        assert 'data-module="govuk-exit-this-page"' in html, path
        assert "govuk-language-navigation" in html, path
    missing = client.get(prefix(code) + "/no-such-page/")
    assert missing.status_code == 404
    assert translated(code, "Page not found") in html_of(missing)
    assert f'<html lang="{code}" dir="{direction}"' in html_of(missing)


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_interface_text_is_translated_not_english(client, multilingual_site, code):
    html = html_of(client.get(prefix(code) + "/get-help/"))
    for english in ["Skip to main content", "Exit this page", "Support services", "Filter services", "Show services"]:
        assert translated(code, english) != english, english
        assert translated(code, english) in html, english
    assert ">Exit this page<" not in html


def test_the_switcher_keeps_you_on_the_same_page(client, multilingual_site):
    links = language_links(html_of(client.get("/about/")))
    assert set(links) == set(OTHER_LANGUAGES)  # the current language is not a link
    for code in OTHER_LANGUAGES:
        assert links[code][0] == f"/{code}/about/"
    # From a translated page back to English and across to the others, with the query string kept.
    links = language_links(html_of(client.get("/ur/get-help/?age=15")))
    assert links["en"][0] == "/get-help/?age=15"
    assert links["pl"][0] == "/pl/get-help/?age=15"


def test_the_switcher_says_when_the_other_language_has_no_translation(client, multilingual_site):
    html = html_of(client.get("/get-help/"))
    links = language_links(html)
    assert links["ur"][1] == "اردو"  # translated: just the language's own name
    assert 'hreflang="ur" rel="alternate"' in html
    # Not translated into Polish yet: the link says so, in Polish.
    assert links["pl"][0] == "/pl/get-help/"
    assert links["pl"][1] == "Polski (jeszcze nieprzetłumaczone)"


def test_a_page_missing_in_a_language_links_to_that_languages_home_page(client, multilingual_site):
    # Made in code after the trees were synchronised, so no language has a copy yet.
    StandardPageFactory(parent=multilingual_site["home"], slug="new-page", title="New page")
    links = language_links(html_of(client.get("/new-page/")))
    assert links["sk"][0] == "/sk/"
    assert "domovsk" in links["sk"][1]  # "…prejsť na domovskú stránku", in Slovak
    assert client.get("/sk/new-page/").status_code == 404


def test_the_switcher_follows_a_new_translation_at_the_next_request(client, multilingual_site, locales):
    """The switcher's rows are kept with the shell's cached values; publishing a translation retires them."""
    assert language_links(html_of(client.get("/about/")))["pl"][1] == "Polski (jeszcze nieprzetłumaczone)"
    translate(multilingual_site["about"], locales["pl"], title="O partnerstwie")
    assert language_links(html_of(client.get("/about/")))["pl"] == ("/pl/about/", "Polski")


def test_search_and_error_pages_switch_to_the_same_address(client, multilingual_site):
    links = language_links(html_of(client.get("/search/?q=help")))
    assert links["ur"][0] == "/ur/search/?q=help"
    links = language_links(html_of(client.get("/ro/no-such-page/")))
    assert links["en"][0] == "/no-such-page/"


def test_hreflang_alternates_name_real_translations_and_a_default(client, multilingual_site):
    html = html_of(client.get("/pl/get-help/"))
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/get-help/",
        "ur": "http://testserver/ur/get-help/",
        "x-default": "http://testserver/get-help/",
    }  # the Polish copy is not a translation yet, so it is not offered to search engines


@pytest.mark.parametrize("code", RTL_LANGUAGES)
def test_right_to_left_languages_set_dir_and_keep_numbers_left_to_right(client, multilingual_site, code):
    html = html_of(client.get(prefix(code) + "/get-help/"))
    assert f'<html lang="{code}" dir="rtl"' in html
    assert re.search(r'href="tel:[^"]+" dir="ltr"', html)  # "0800 000 0001" must not read backwards


def test_an_untranslated_page_falls_back_clearly(client, multilingual_site):
    html = html_of(client.get("/ur/about/"))
    notice = html[html.index("govuk-notification-banner") :]
    assert translated("ur", "This page has not been translated yet") in notice
    assert "انگریزی" in notice  # "English", in Urdu
    # The English content is marked as English, so screen readers pronounce it properly.
    assert re.search(
        r'<div class="govuk-grid-column-two-thirds" lang="en" dir="ltr">\s*<h1[^>]*>About the partnership', html
    )
    # A translated page has no notice and no language override.
    translated_page = html_of(client.get("/ur/get-help/"))
    assert translated("ur", "This page has not been translated yet") not in translated_page
    assert "مدد حاصل کریں" in translated_page
    # English pages never carry the notice.
    assert "govuk-notification-banner" not in html_of(client.get("/about/"))


def test_navigation_and_breadcrumbs_mark_titles_not_translated_yet(client, multilingual_site):
    html = html_of(client.get("/ur/get-help/staying-safe-online/"))
    nav = html[html.index('id="navigation"') :]
    assert re.search(r'href="/ur/about/"[^>]*lang="en"', nav)
    assert re.search(r'href="/ur/get-help/"[^>]*>(<strong[^>]*>)?مدد حاصل کریں', nav)  # translated: no lang
    crumbs = html[html.index("govuk-breadcrumbs") :]
    assert re.search(r'href="/ur/"[^>]*lang="en"', crumbs)


def test_site_pages_and_text_follow_the_visitors_language(client, multilingual_site, locales):
    site = multilingual_site["home"].get_site()
    site_settings = SiteSettings.for_site(site)
    site_settings.staying_safe_page = multilingual_site["staying_safe"]
    site_settings.save()
    english = SiteText.objects.create(
        site=site,
        partnership_name="Riverside Partnership",
        helpline_name="Helpline",
        helpline_hours="Always open",
        emergency_text="Call 999.",
    )
    translate(english, locales["ur"], partnership_name="ریورسائیڈ شراکت داری", helpline_name="ہیلپ لائن")
    urdu = html_of(client.get("/ur/"))
    assert "ریورسائیڈ شراکت داری" in urdu and "Riverside Partnership" not in urdu
    assert 'href="/ur/get-help/staying-safe-online/"' in urdu[urdu.index("<footer") :]
    assert 'class="govuk-generic-header__homepage-link">ریورسائیڈ' in urdu
    assert 'href="/ur/" class="govuk-generic-header__homepage-link"' in urdu
    # Polish has no site text of its own: the English words, never nothing.
    assert "Riverside Partnership" in html_of(client.get("/pl/"))
    assert 'href="/get-help/staying-safe-online/"' in html_of(client.get("/"))


class TestServicesInTheVisitorsLanguage:
    def names(self, response):
        return re.findall(r'<h3 class="govuk-heading-m" id="service-\d+"[^>]*>([^<]+)</h3>', html_of(response))

    def test_translated_services_replace_the_english_ones(self, client, multilingual_site):
        assert self.names(client.get("/ur/get-help/")) == ["نوجوانوں کی خدمت"]
        assert self.names(client.get("/get-help/")) == ["Teen service"]

    def test_services_not_translated_yet_are_shown_in_english_and_marked(self, client, multilingual_site):
        SupportServiceFactory(name="Adult service", min_age=18, for_young_people=False, for_survivors=True)
        response = client.get("/ur/get-help/")
        assert self.names(response) == ["Adult service", "نوجوانوں کی خدمت"]
        html = html_of(response)
        assert re.search(r'<h3 [^>]*lang="en">Adult service</h3>', html)
        assert translated("ur", "This service's details have not been translated yet.") in html

    def test_filters_work_on_the_visitors_language(self, client, multilingual_site):
        SupportServiceFactory(name="Adult service", min_age=18, for_young_people=False, for_survivors=True)
        assert self.names(client.get("/ur/get-help/?age=15")) == ["نوجوانوں کی خدمت"]
        assert self.names(client.get("/ur/get-help/?audience=survivors")) == ["Adult service"]
        html = html_of(client.get("/ur/get-help/?audience=parents&age=15"))
        assert "والدین اور دیکھ بھال کرنے والوں کے لیے 1 خدمت، عمر 15 سال" in html
        assert "One service for parents and carers for age 15" in html_of(
            client.get("/get-help/?audience=parents&age=15")
        )

    def test_bad_filters_are_explained_in_the_visitors_language(self, client, multilingual_site):
        html = html_of(client.get("/sk/get-help/?audience=aliens&age=old"))
        assert translated("sk", "We do not recognise that group, so services for everyone are shown.") in html
        assert "Zadajte vek ako celé číslo" in html

    def test_translated_partners_are_shown_with_translated_services(self, client, multilingual_site, locales):
        partner = PartnerOrganisationFactory(name="Northfield Police")
        service = SupportServiceFactory(name="Police team", partner=partner)
        translate(partner, locales["ur"], name="نارتھ فیلڈ پولیس")
        translate(service, locales["ur"], name="پولیس ٹیم")
        html = html_of(client.get("/ur/get-help/"))
        assert "نارتھ فیلڈ پولیس" in html and "Northfield Police" not in html

    def test_the_dashboard_names_lead_partners_in_the_visitors_language(self, client, multilingual_site, locales):
        partner = PartnerOrganisationFactory(name="Northfield Police")
        translate(partner, locales["ur"], name="نارتھ فیلڈ پولیس")
        tracker = ProgressIndexPageFactory(parent=multilingual_site["home"])
        RecommendationPageFactory(parent=tracker, lead_partner=partner)
        synchronize_tree(locales["en"], locales["ur"])  # as wagtail-localize does when a page is published
        html = html_of(client.get("/ur/progress/"))
        assert "نارتھ فیلڈ پولیس" in html and "Northfield Police" not in html  # in the table and the filter
        assert '<option value="northfield-police">نارتھ فیلڈ پولیس</option>' in html
        assert (
            "Northfield Police" in html_of(client.get("/progress/")).split('class="govuk-table app-progress-table"')[1]
        )


class TestSearchInEachLanguage:
    def result_links(self, response):
        html = html_of(response)
        return re.findall(r'<li class="app-search-result"[^>]*>\s*<a [^>]*href="([^"]+)"', html)

    def test_english_search_returns_english_pages(self, client, multilingual_site):
        links = self.result_links(client.get("/search/?q=partnership"))
        assert links == ["/about/"]

    def test_search_in_another_language_stays_in_that_language(self, client, multilingual_site):
        # The Urdu copy of an English page (not translated yet) is found by its English words, under /ur/.
        assert self.result_links(client.get("/ur/search/?q=partnership")) == ["/ur/about/"]
        # A translated page is found by its translated words, in its language only.
        assert self.result_links(client.get("/ur/search/?q=مدد")) == ["/ur/get-help/"]
        assert self.result_links(client.get("/search/?q=مدد")) == []
        assert self.result_links(client.get("/pl/search/?q=مدد")) == []

    def test_search_page_text_is_translated(self, client, multilingual_site):
        html = html_of(client.get("/pl/search/?q=zzzz"))
        assert "0 wyników dla „zzzz”" in html
        html = html_of(client.get("/pl/search/?q="))
        assert translated("pl", "Enter a word or phrase to search for.") in html


def test_form_errors_and_thanks_are_in_the_visitors_language(client, multilingual_site):
    response = client.post("/ur/have-your-say/", {})
    html = html_of(response)
    assert translated("ur", "There is a problem") in html
    assert "یہ خانہ پُر کرنا ضروری ہے۔" in html  # "This field is required."
    assert translated("ur", "Send") in html
    form_page = Page.objects.get(url_path__endswith="/have-your-say/", locale__language_code="ur").specific
    answer = {field.clean_name: "More youth workers" for field in form_page.get_form_fields()}
    thanks = html_of(client.post("/ur/have-your-say/", answer))
    assert translated("ur", "We have your response") in thanks


def test_form_questions_belong_to_the_page_language(multilingual_site):
    """Form questions are translatable: each language's copy has its own, in its own locale."""
    for page in Page.objects.filter(url_path__endswith="/have-your-say/").select_related("locale"):
        fields = page.specific.form_fields.all()
        assert fields and all(field.locale_id == page.locale_id for field in fields), page.locale


def test_anonymous_pages_in_other_languages_set_no_cookie(client, multilingual_site):
    for code in OTHER_LANGUAGES:
        for path in ["/", "/get-help/", "/about/", "/search/?q=help", "/missing/"]:
            assert client.get(prefix(code) + path).cookies == {}, prefix(code) + path


URDU_GET_HELP_QUERIES = 4


def test_urdu_get_help_query_count_does_not_grow_with_services(client, multilingual_site, locales):
    """Ten times the demo's services, half of them translated: the count stays where it is pinned."""
    partner = PartnerOrganisationFactory()
    services = SupportServiceFactory.create_batch(10, partner=partner)
    for service in services[:5]:
        translate(service, locales["ur"])
    client.get("/ur/get-help/")  # the first request fills per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get("/ur/get-help/")
    for service in SupportServiceFactory.create_batch(90, partner=partner)[:45]:
        translate(service, locales["ur"])
    client.get("/ur/get-help/")  # saving services retired the cached values: warm them again
    with CaptureQueriesContext(connection) as many:
        response = client.get("/ur/get-help/")
    html = html_of(response)
    assert html.count('class="app-service"') == 20  # the first page
    assert re.search(r'<p class="govuk-body" role="status">[^<]*\b101\b', html)  # of all 101
    assert len(many) == len(few) == URDU_GET_HELP_QUERIES, "\n".join(q["sql"][:150] for q in many.captured_queries)
