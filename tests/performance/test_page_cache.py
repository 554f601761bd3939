"""The anonymous full-page cache: what it stores, for whom, and that a change shows on the next request."""

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from config.page_cache import GENERATION_KEY, HIT_HEADER, cache_key
from home.models import HomePage, SiteSettings
from tests.factories import FormFieldFactory, FormPageFactory, StandardPageFactory, SupportServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, home_page):
    SiteSettings.for_site(home_page.get_site())  # created on first use otherwise, which retires the cache
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def fetch(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response, response.content.decode()


def test_second_anonymous_visit_is_served_from_cache_without_queries(client, home_page):
    first, _ = fetch(client, "/")
    assert first[HIT_HEADER] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        second, html = fetch(client, "/")
    assert second[HIT_HEADER] == "hit"
    assert len(queries) == 0
    assert home_page.key_message in html
    assert not second.cookies


def test_query_string_and_locale_prefix_are_part_of_the_key(rf, home_page):
    keys = {
        cache_key(rf.get(url))
        for url in ["/get-help/", "/get-help/?audience=parents", "/get-help/?audience=survivors", "/ur/get-help/"]
    }
    assert len(keys) == 4


def test_a_hit_keeps_the_security_headers_of_the_stored_page(client, home_page):
    first, _ = fetch(client, "/")
    second, _ = fetch(client, "/")
    assert second[HIT_HEADER] == "hit"
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert second[header] == first[header], header


def test_plain_http_never_gets_the_https_copy(rf, client, home_page, settings):
    assert cache_key(rf.get("/", secure=True)) != cache_key(rf.get("/"))
    settings.SECURE_SSL_REDIRECT = True
    fetch(client, "/", secure=True)
    assert fetch(client, "/", secure=True)[0][HIT_HEADER] == "hit"
    insecure, _ = fetch(client, "/")
    assert insecure.status_code == 301  # still sent to https by the security middleware
    assert insecure["Location"].startswith("https://")


def test_static_files_skip_the_page_cache(client):
    response = client.get("/static/no-such-file.css")
    assert HIT_HEADER not in response
    assert not [key for key in cache._cache if "page-cache:GET" in key]


def test_filtered_pages_are_cached_separately(client, get_help_page):
    SupportServiceFactory(name="Parents first", for_young_people=False, for_parents=True)
    SupportServiceFactory(name="Young voices", for_young_people=True)
    fetch(client, "/get-help/?audience=parents")
    _, parents = fetch(client, "/get-help/?audience=parents")
    _, young = fetch(client, "/get-help/?audience=young-people")
    assert "Parents first" in parents and "Young voices" not in parents
    assert "Young voices" in young


def test_signed_in_visitors_are_never_served_or_stored(client, home_page, django_user_model):
    fetch(client, "/")  # an anonymous copy is stored
    user = django_user_model.objects.create_user("editor", password="x")
    client.force_login(user)
    response, _ = fetch(client, "/")
    assert HIT_HEADER not in response
    response, _ = fetch(client, "/")
    assert HIT_HEADER not in response


def test_form_pages_with_a_csrf_token_are_not_stored(client, home_page):
    form = FormPageFactory(parent=home_page, slug="have-your-say", title="Have your say")
    FormFieldFactory(page=form, label="Your idea", clean_name="your_idea", field_type="multiline")
    first, _ = fetch(client, "/have-your-say/")
    assert first.cookies  # the CSRF cookie belongs to this visitor only
    second, _ = fetch(client, "/have-your-say/")
    assert second.get(HIT_HEADER) != "hit"


def test_published_change_is_visible_on_the_next_request(client, home_page):
    fetch(client, "/")
    home_page.key_message = "A brand new key message"
    home_page.save_revision().publish()
    response, html = fetch(client, "/")
    assert response[HIT_HEADER] == "miss"
    assert "A brand new key message" in html


def test_an_evicted_generation_never_brings_back_pages_stored_under_the_old_one(client, home_page):
    """Redis may evict the generation number; the next one starts elsewhere, not where the old one began."""
    fetch(client, "/")
    HomePage.objects.filter(pk=home_page.pk).update(key_message="Changed while the number was gone")  # no signal
    cache.delete(GENERATION_KEY)  # evicted, with the pages stored under it still there
    response, html = fetch(client, "/")
    assert response[HIT_HEADER] == "miss"
    assert "Changed while the number was gone" in html


def test_changed_support_service_shows_on_the_help_page_at_once(client, get_help_page):
    service = SupportServiceFactory(name="Old name for a service")
    fetch(client, "/get-help/")
    service.name = "New name for a service"
    service.save()
    _, html = fetch(client, "/get-help/")
    assert "New name for a service" in html


def test_unpublished_moved_and_deleted_pages_change_at_once(client, home_page):
    about = StandardPageFactory(parent=home_page, slug="about", title="About us")
    strand = StandardPageFactory(parent=home_page, slug="strand", title="A strand of work")
    other = StandardPageFactory(parent=home_page, slug="gone", title="Soon gone")
    for url in ["/about/", "/strand/", "/gone/"]:
        assert fetch(client, url)[0].status_code == 200

    about.unpublish()
    assert fetch(client, "/about/")[0].status_code == 404

    strand.move(other, pos="last-child")
    assert fetch(client, "/strand/")[0].status_code == 301  # Wagtail keeps the old address working
    assert fetch(client, "/gone/strand/")[0].status_code == 200

    other.delete()
    assert fetch(client, "/gone/")[0].status_code == 404


def test_not_found_and_admin_responses_are_not_stored(client, home_page):
    fetch(client, "/no-such-page/")
    assert fetch(client, "/no-such-page/")[0].get(HIT_HEADER) is None
    fetch(client, "/admin/login/")
    assert fetch(client, "/admin/login/")[0].get(HIT_HEADER) is None


def test_download_counters_do_not_empty_the_cache(client, home_page):
    from config.page_cache import shows_publicly
    from resources.models import ResourceDownload

    assert not shows_publicly(ResourceDownload)
    fetch(client, "/")
    assert fetch(client, "/")[0][HIT_HEADER] == "hit"


def test_a_page_stored_before_a_change_committed_is_not_served_after(
    client, home_page, django_capture_on_commit_callbacks
):
    """A request in another process may render the old rows after the change retired the cache but
    before it committed, and store them: the commit retires the cache again."""
    with django_capture_on_commit_callbacks(execute=True):
        home_page.key_message = "The committed key message"
        home_page.save_revision().publish()
        HomePage.objects.filter(pk=home_page.pk).update(key_message="What another request saw")
        fetch(client, "/")  # stored under the new number
        HomePage.objects.filter(pk=home_page.pk).update(key_message="The committed key message")
    response, html = fetch(client, "/")
    assert response[HIT_HEADER] == "miss"
    assert "The committed key message" in html


def test_a_preview_is_neither_served_from_the_cache_nor_stored(client, home_page):
    """A preview is a request Wagtail makes up at the page's own address; without an editor's cookie to
    copy (a preview built in code) only its flag tells it from a visitor's."""
    about = StandardPageFactory(parent=home_page, slug="about", title="Live title")
    address = urlsplit(about.full_url)
    fetch(client, address.path, HTTP_HOST=address.netloc)
    assert fetch(client, address.path, HTTP_HOST=address.netloc)[0][HIT_HEADER] == "hit"

    about.title = "Draft title"  # edited, not saved
    preview = about.make_preview_request()
    assert "Draft title" in preview.content.decode()
    assert HIT_HEADER not in preview and "private" in preview["Cache-Control"]

    live, html = fetch(client, address.path, HTTP_HOST=address.netloc)
    assert live[HIT_HEADER] == "hit"
    assert "Live title" in html and "Draft title" not in html


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_restricted_pages_are_never_stored(client, home_page, restriction_type):
    secret = StandardPageFactory(parent=home_page, slug="partners", title="Partners only", intro="The lantern plan")
    PageViewRestriction.objects.create(page=secret, restriction_type=restriction_type, password="lantern")
    for _ in range(2):
        response, html = fetch(client, "/partners/")
        assert response.get(HIT_HEADER) is None
        assert "The lantern plan" not in html
    assert not [key for key in cache._cache if "/partners/" in key]


def test_a_page_unlocked_with_its_password_is_not_stored_for_the_next_visitor(client, home_page):
    secret = StandardPageFactory(parent=home_page, slug="partners", title="Partners only", intro="The lantern plan")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="lantern"
    )
    unlock = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, secret.pk])
    client.post(unlock, {"password": "lantern", "return_url": "/partners/"})
    _, html = fetch(client, "/partners/")
    assert "The lantern plan" in html

    stranger = Client()
    for _ in range(2):
        response, html = fetch(stranger, "/partners/")
        assert "The lantern plan" not in html
        assert response.get(HIT_HEADER) is None
