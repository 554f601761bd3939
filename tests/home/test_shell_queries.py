"""The shell's query savings keep Wagtail's rules: view restrictions, public pages, cached settings."""

import re

import pytest
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from home import view_restrictions
from home.page_queries import public
from home.shell_cache import get_or_compute
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def wagtail_restrictions(page):
    return set(view_restrictions._wagtail_get_view_restrictions(page).values_list("pk", flat=True))


def restrictions(page):
    return set(page.get_view_restrictions().values_list("pk", flat=True))


@pytest.fixture
def tree(home_page):
    private = StandardPageFactory(parent=home_page, slug="private")
    inside = StandardPageFactory(parent=private, slug="inside")
    open_section = StandardPageFactory(parent=home_page, slug="open")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    alias = inside.create_alias(parent=open_section, update_slug="inside-alias")
    alias_of_alias = alias.create_alias(parent=open_section, update_slug="alias-of-alias")
    section_alias = private.create_alias(parent=open_section, update_slug="private-alias")
    below_section_alias = StandardPageFactory(parent=section_alias, slug="below")
    pages = [home_page, private, inside, open_section, alias, alias_of_alias, section_alias, below_section_alias]
    return {"pages": [Page.objects.get(pk=page.pk) for page in pages], "restriction": restriction}


def test_view_restrictions_are_wagtails_in_one_query(tree, django_assert_num_queries):
    for page in tree["pages"]:
        expected = wagtail_restrictions(page)
        with django_assert_num_queries(1):
            assert restrictions(page) == expected, page.url_path
    private, inside, section_alias, below = (tree["pages"][i] for i in (1, 2, 6, 7))
    assert restrictions(private) == restrictions(inside) == {tree["restriction"].pk}
    assert restrictions(section_alias) == restrictions(below) == {tree["restriction"].pk}  # the source's
    assert restrictions(tree["pages"][3]) == set()


def test_anonymous_visitors_are_still_sent_to_sign_in(client, tree):
    for url in ["/private/", "/private/inside/", "/open/private-alias/", "/open/private-alias/below/"]:
        response = client.get(url)
        assert response.status_code == 302, url
    assert client.get("/open/").status_code == 200


def test_public_is_wagtails_public_in_one_query(tree, django_assert_num_queries):
    expected = set(Page.objects.public().values_list("pk", flat=True))
    public(Page.objects.all())  # the restricted paths are cached from here on
    with django_assert_num_queries(1):
        assert set(public(Page.objects.all()).values_list("pk", flat=True)) == expected
    PageViewRestriction.objects.all().delete()
    assert set(public(Page.objects.filter(~Q(depth=1))).values_list("pk", flat=True)) == set(
        Page.objects.exclude(depth=1).values_list("pk", flat=True)
    )


def listed(pages):
    return set(public(pages).values_list("slug", flat=True))


def test_a_new_restriction_hides_the_page_from_listings_at_once(tree):
    pages = Page.objects.filter(depth__gt=2)
    assert "open" in listed(pages)
    restriction = PageViewRestriction.objects.create(page=tree["pages"][3], restriction_type=PageViewRestriction.LOGIN)
    assert not {"open", "inside-alias", "alias-of-alias"} & listed(pages)
    restriction.delete()
    assert listed(pages) == {"open", "inside-alias", "alias-of-alias"}


def test_listings_follow_a_restricted_page_when_it_moves(tree, home_page):
    pages = Page.objects.filter(depth__gt=2)
    private, open_section = tree["pages"][1], tree["pages"][3]
    shown = listed(pages)
    assert "open" in shown
    assert not {"private", "inside"} & shown
    private.move(open_section, pos="last-child")  # its path, and so the restricted paths, change
    shown = listed(pages)
    assert "open" in shown
    assert not {"private", "inside"} & shown
    newcomer = StandardPageFactory(parent=home_page, slug="newcomer")
    assert "newcomer" in listed(pages)
    newcomer.move(Page.objects.get(pk=private.pk), pos="last-child")  # into the restricted section
    assert "newcomer" not in listed(pages)


def breadcrumb_titles(response):
    html = response.content.decode()
    nav = html[html.index('class="govuk-breadcrumbs"') :]
    return re.findall(r'class="govuk-breadcrumbs__link" href="[^"]*">([^<]+)<', nav[: nav.index("</nav>")])


def test_breadcrumbs_follow_a_renamed_or_moved_section_at_the_next_request(client, home_page):
    """A page's ancestors are kept with the shell's cached values; publishing or moving a page retires them."""
    section = StandardPageFactory(parent=home_page, slug="section", title="Old section name")
    other = StandardPageFactory(parent=home_page, slug="other", title="Other section")
    leaf = StandardPageFactory(parent=section, slug="leaf", title="Leaf")
    assert breadcrumb_titles(client.get("/section/leaf/"))[-1] == "Old section name"
    section.title = "New section name"
    section.save_revision().publish()
    assert breadcrumb_titles(client.get("/section/leaf/"))[-1] == "New section name"
    leaf.move(other, pos="last-child")
    assert breadcrumb_titles(client.get("/other/leaf/"))[-1] == "Other section"


def test_the_home_pages_ways_in_follow_published_changes_at_the_next_request(client, home_page):
    """The home page's sections are kept with the shell's cached values; publishing a page retires them."""
    section = StandardPageFactory(parent=home_page, slug="about", title="About us", show_in_menus=True)
    section.search_description = "Who we are."
    section.save_revision().publish()
    assert "Who we are." in client.get("/").content.decode()
    section.search_description = "Who we are, and what we do."
    section.save_revision().publish()
    StandardPageFactory(parent=home_page, slug="news", title="Latest news", show_in_menus=True)
    html = client.get("/").content.decode()
    assert "Who we are, and what we do." in html and "Latest news" in html
    section.unpublish()
    assert "About us" not in client.get("/").content.decode()


def test_site_settings_are_cached_until_saved(client, home_page, django_assert_num_queries):
    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.partnership_name = "Northshire Partnership"
    site_settings.save()
    assert "Northshire Partnership" in client.get("/").content.decode()
    site_settings.partnership_name = "Southshire Partnership"
    site_settings.save()
    assert "Southshire Partnership" in client.get("/").content.decode()


def test_cached_values_are_computed_once(db):
    calls = []
    for _ in range(3):
        assert get_or_compute("test-value", lambda: calls.append(1) or "value") == "value"
    assert len(calls) == 1


def test_settings_cached_in_one_process_memory_expire_soon(settings):
    """Without Redis each process has its own copy, which another process's save cannot retire."""
    from django.core.cache import caches

    from home import shell_cache

    del settings.SHELL_CACHE_LOCAL_MEMORY_SECONDS  # the test settings keep values: one process
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert shell_cache.timeout_for(caches["default"]) == shell_cache.LOCAL_MEMORY_SECONDS == 5
    settings.CACHES = {"default": {"BACKEND": "config.redis_cache.RedisCache", "LOCATION": "redis://x"}}
    assert shell_cache.timeout_for(caches["default"]) == shell_cache.SHARED_SECONDS  # old generations go
    assert shell_cache.process_copy_seconds(caches["default"]) is None  # a change anywhere retires them
