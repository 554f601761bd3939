"""The shell's values kept between requests (home.shell_cache) follow every change at the next request."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home import shell_cache
from home.models import SiteSettings
from tests.factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def navigation(client, url="/search/"):
    html = client.get(url).content.decode()
    start = html.index('id="navigation"')
    return html[start : html.index("</nav>", start)]


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


def test_the_shell_of_a_view_costs_no_query_once_cached(client, get_help_page):
    client.get("/search/")
    assert queries_of(client, "/search/") == []


def test_the_site_is_found_without_a_query_after_the_first_request(client, get_help_page):
    client.get("/get-help/")
    assert not [sql for sql in queries_of(client, "/get-help/") if "wagtailcore_site" in sql]


def test_a_new_site_for_a_host_is_used_at_the_next_request(client, home_page):
    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="other-home", title="Other home")
    StandardPageFactory(parent=other_home, slug="only-there", title="Only on the other site")
    assert client.get("/only-there/", HTTP_HOST="other.localhost").status_code == 404  # the default site
    Site.objects.create(hostname="other.localhost", port=80, root_page=other_home, site_name="Other")
    assert client.get("/only-there/", HTTP_HOST="other.localhost").status_code == 200


def test_navigation_follows_publishing_renaming_and_removing_a_section(client, home_page, get_help_page):
    assert "Get help" in navigation(client)
    section = StandardPageFactory(parent=home_page, slug="news-section", title="Partnership news", show_in_menus=True)
    section.save_revision().publish()
    assert "Partnership news" in navigation(client)

    section.title = "Partnership updates"
    section.save_revision().publish()
    assert "Partnership updates" in navigation(client)

    section.unpublish()
    assert "Partnership updates" not in navigation(client)
    section.save_revision().publish()
    assert "Partnership updates" in navigation(client)

    section.move(get_help_page, pos="last-child")
    assert "Partnership updates" not in navigation(client)
    Page.objects.get(pk=section.pk).move(home_page, pos="last-child")
    assert "Partnership updates" in navigation(client)

    Page.objects.get(pk=section.pk).delete()
    assert "Partnership updates" not in navigation(client)
    assert "Get help" in navigation(client)


def test_a_page_chosen_for_the_footer_is_linked_at_its_new_address(client, home_page):
    privacy = StandardPageFactory(parent=home_page, slug="privacy", title="Privacy notice")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.privacy_page = privacy
    site_settings.save()
    assert 'href="/privacy/"' in client.get("/search/").content.decode()
    privacy.slug = "your-information"
    privacy.save_revision().publish()
    html = client.get("/search/").content.decode()
    assert 'href="/your-information/"' in html and 'href="/privacy/"' not in html


def test_a_request_reads_the_generation_once(client, get_help_page):
    client.get("/get-help/")
    cache = caches["default"]
    real_get = cache.get
    with mock.patch.object(cache, "get", side_effect=real_get) as get:
        client.get("/get-help/")
    generation_reads = [call for call in get.call_args_list if call.args[0] == shell_cache.GENERATION_KEY]
    assert len(generation_reads) == 1


def test_a_change_retired_by_another_process_is_read_again(client, home_page):
    """Another process's save bumps the shared generation; this process's copies are then not used."""
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.partnership_name = "Northshire Partnership"
    site_settings.save()
    assert "Northshire Partnership" in client.get("/search/").content.decode()
    SiteSettings.objects.filter(pk=site_settings.pk).update(partnership_name="Southshire Partnership")  # no signal
    assert "Northshire Partnership" in client.get("/search/").content.decode()  # still cached here
    caches["default"].incr(shell_cache.GENERATION_KEY)  # what the other process's save did
    assert "Southshire Partnership" in client.get("/search/").content.decode()


def test_every_read_is_a_fresh_copy(db):
    first = shell_cache.get_or_compute("test-list", lambda: ["a"])
    first.append("changed by one request")
    assert shell_cache.get_or_compute("test-list", lambda: ["b"]) == ["a"]


def test_a_cleared_cache_never_brings_back_old_copies(db):
    """The generation starts at a random number, so a cleared cache does not reuse one this process holds."""
    shell_cache.get_or_compute("test-value", lambda: "old")
    caches["default"].clear()
    assert shell_cache.get_or_compute("test-value", lambda: "new") == "new"


def test_a_process_keeps_a_bounded_number_of_copies(db, monkeypatch):
    monkeypatch.setattr(shell_cache, "MAX_PROCESS_COPIES", 3)
    for number in range(10):
        shell_cache.get_or_compute(f"test-bounded-{number}", lambda number=number: number)
    assert len(shell_cache._process_copies) <= 3
    assert shell_cache.get_or_compute("test-bounded-9", lambda: "recomputed") == 9  # still in the shared cache


def test_values_cached_while_a_change_was_not_yet_committed_are_retired_at_commit(
    home_page, django_capture_on_commit_callbacks
):
    """Another request can read the new number before the change commits, and cache the old rows under it."""
    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home_page, slug="new-section")  # saving a page retires the values...
        assert shell_cache.get_or_compute("test-rows", lambda: "the rows before the commit") == (
            "the rows before the commit"  # ...which a request before the commit fills again
        )
    assert shell_cache.get_or_compute("test-rows", lambda: "the committed rows") == "the committed rows"
