"""What a visitor sees on the home, help, content and search pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SiteSettings
from tests.factories import PartnerOrganisationFactory, StandardPageFactory, SupportServiceFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_key_message_helpline_and_sections(client, home_page, get_help_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert home_page.key_message in html
    assert SiteSettings().helpline_number in html
    assert 'href="/get-help/"' in html


def test_every_public_page_has_exit_this_page_and_skip_links(client, home_page, get_help_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.exit_url = "https://weather.example.com/"
    settings.save()
    for url in ["/", "/get-help/", "/search/", "/no-such-page/"]:
        html = client.get(url).content.decode()
        assert 'data-module="govuk-exit-this-page"' in html, url
        assert html.count('href="https://weather.example.com/"') == 2, url  # button and skip link
        assert 'href="#main-content"' in html


def test_footer_carries_helpline_and_support_links(client, home_page):
    accessibility = StandardPageFactory(parent=home_page, title="Accessibility statement", slug="accessibility")
    privacy = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    settings = SiteSettings.for_site(home_page.get_site())
    settings.accessibility_page, settings.privacy_page = accessibility, privacy
    settings.save()
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert "/accessibility/" in footer and "/privacy/" in footer
    assert "Contact us" in footer
    assert settings.helpline_number in footer


def test_header_names_partnership_and_navigation(client, home_page, get_help_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.partnership_name = "Riverside Safeguarding Partnership"
    settings.save()
    html = client.get("/get-help/").content.decode()
    assert "Riverside Safeguarding Partnership" in html
    nav = html[html.index('id="navigation"') :]
    assert 'href="/get-help/"' in nav and 'aria-current="true"' in nav
    assert 'href="/search/"' in nav


class TestGetHelpDirectory:
    @pytest.fixture
    def services(self, get_help_page):
        return {
            "teen": SupportServiceFactory(name="Teen service", for_young_people=True, min_age=11, max_age=18),
            "parents": SupportServiceFactory(name="Parents line", for_young_people=False, for_parents=True),
            "adults": SupportServiceFactory(
                name="Adult survivors", for_young_people=False, for_survivors=True, min_age=18
            ),
        }

    def names(self, response):
        return re.findall(r'<h3 class="govuk-heading-m" id="service-\d+">([^<]+)</h3>', response.content.decode())

    def test_lists_every_service_with_contact_details(self, client, services):
        response = client.get("/get-help/")
        assert self.names(response) == ["Adult survivors", "Parents line", "Teen service"]
        assert 'href="tel:08000000001"' in response.content.decode()

    def test_filters_by_audience(self, client, services):
        assert self.names(client.get("/get-help/?audience=parents")) == ["Parents line"]

    def test_filters_by_age(self, client, services):
        assert self.names(client.get("/get-help/?age=15")) == ["Parents line", "Teen service"]
        assert self.names(client.get("/get-help/?age=30")) == ["Adult survivors", "Parents line"]

    def test_combines_filters(self, client, services):
        assert self.names(client.get("/get-help/?audience=young-people&age=15")) == ["Teen service"]

    @pytest.mark.parametrize(
        "query", ["audience=aliens", "age=abc", "age=-3", "age=999", "age=1e9", "audience=%00&age=%FF"]
    )
    def test_bad_filters_are_ignored_with_a_message(self, client, services, query):
        response = client.get(f"/get-help/?{query}")
        assert response.status_code == 200
        assert len(self.names(response)) == 3
        assert "govuk-inset-text" in response.content.decode()

    def test_no_match_offers_the_way_back(self, client, services):
        response = client.get("/get-help/?audience=professionals")
        assert self.names(response) == []
        assert "No services match" in response.content.decode()

    def test_shows_the_services_of_the_partner_running_them(self, client, get_help_page):
        partner = PartnerOrganisationFactory(name="Northfield Police")
        SupportServiceFactory(name="Police team", partner=partner)
        assert "Northfield Police" in client.get("/get-help/").content.decode()


class TestALongDirectory:
    """Twenty services a page: quick to load and scan on a phone; the count says how many there are in all."""

    @pytest.fixture
    def directory(self, get_help_page):
        for number in range(1, 26):
            SupportServiceFactory(name=f"Service {number:02d}")

    names = TestGetHelpDirectory.names

    def test_twenty_services_a_page_and_a_link_to_the_rest(self, client, directory):
        response = client.get("/get-help/")
        html = response.content.decode()
        assert self.names(response) == [f"Service {n:02d}" for n in range(1, 21)]
        assert "25 services" in html
        assert 'href="?page=2#services" rel="next"' in html
        assert self.names(client.get("/get-help/?page=2")) == [f"Service {n:02d}" for n in range(21, 26)]

    def test_filters_are_kept_from_page_to_page(self, client, directory):
        html = client.get("/get-help/?audience=young-people").content.decode()
        assert 'href="?audience=young-people&amp;page=2#services"' in html

    @pytest.mark.parametrize("page", ["99", "x", "-1"])
    def test_a_page_that_does_not_exist_shows_the_first_with_a_message(self, client, directory, page):
        response = client.get(f"/get-help/?page={page}")
        assert response.status_code == 200
        assert self.names(response)[0] == "Service 01"
        assert "That page of results does not exist, so the first page is shown." in response.content.decode()


def test_get_help_query_count_does_not_grow_with_services(client, get_help_page):
    SupportServiceFactory.create_batch(10, partner=PartnerOrganisationFactory())
    client.get("/get-help/")  # warm caches (site root, settings)
    with CaptureQueriesContext(connection) as few:
        client.get("/get-help/")
    SupportServiceFactory.create_batch(90, partner=PartnerOrganisationFactory())
    client.get("/get-help/")  # saving services retired the cached values: warm them again
    with CaptureQueriesContext(connection) as many:
        response = client.get("/get-help/")
    assert response.content.decode().count('class="app-service"') == 20  # the first page of 100
    assert len(many) == len(few)
    assert len(many) <= 12


# The home page's latest updates and newsletters are kept with the shell's values (home.shell_cache).
PINNED_QUERY_COUNTS = {"/": 1, "/get-help/": 3, "/about/": 1}


@pytest.mark.parametrize("url", PINNED_QUERY_COUNTS)
def test_public_page_query_counts_are_pinned(client, get_help_page, url):
    """Ten times the demo's services and pages: the count stays where it is pinned."""
    StandardPageFactory(parent=get_help_page.get_parent(), slug="about", title="About")
    SupportServiceFactory.create_batch(100, partner=PartnerOrganisationFactory())
    client.get(url)  # the first request fills per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == PINNED_QUERY_COUNTS[url], [q["sql"][:120] for q in queries]


def test_anonymous_get_sets_no_cookie(client, get_help_page):
    for url in ["/", "/get-help/", "/get-help/?audience=parents", "/search/?q=help", "/missing/"]:
        response = client.get(url)
        assert response.cookies == {}, url


def test_no_request_goes_to_another_host(client, get_help_page):
    html = client.get("/get-help/").content.decode()
    # rel="alternate" links name the page's translations for search engines; browsers do not fetch them.
    sources = re.findall(r'<(?:script|link(?! rel="alternate")|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources, "expected the page's own stylesheet and script"
    assert all(source.startswith("/") and not source.startswith("//") for source in sources), sources


def test_unknown_page_is_branded_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "govuk-exit-this-page" in response.content.decode()


def test_server_error_page_renders_without_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "999" in html


def test_print_stylesheet_is_linked(client, home_page):
    assert 'media="print"' in client.get("/").content.decode()
