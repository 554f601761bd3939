"""home.routing finds the same page, route and arguments as Wagtail's own routing, in fewer queries."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from home import routing
from tests.factories import (
    ELearningIndexPageFactory,
    ELearningModulePageFactory,
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    ProgressIndexPageFactory,
    RecommendationPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    SchoolsHubPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page, get_help_page):
    about = StandardPageFactory(parent=home_page, slug="about")
    StandardPageFactory(parent=about, slug="team")
    draft = StandardPageFactory(parent=about, slug="draft")
    draft.live = False
    draft.save()
    hidden_section = StandardPageFactory(parent=home_page, slug="hidden-section")
    StandardPageFactory(parent=hidden_section, slug="under-hidden")
    hidden_section.live = False
    hidden_section.save()
    progress = ProgressIndexPageFactory(parent=home_page)
    RecommendationPageFactory(parent=progress, slug="recommendation-1")
    StandardPageFactory(parent=home_page, slug="open").create_alias(parent=about, update_slug="open-alias")
    newsletters = NewsletterIndexPageFactory(parent=home_page)
    NewsletterPageFactory(parent=newsletters, slug="spring")
    library = ResourceIndexPageFactory(parent=home_page)
    ResourcePageFactory(parent=library, slug="a-resource")
    schools = SchoolsHubPageFactory(parent=home_page)
    ELearningModulePageFactory(parent=ELearningIndexPageFactory(parent=schools), slug="module", lesson_count=2)
    return home_page


PATHS = [
    "",
    "get-help/",
    "about/",
    "about/team/",
    "about/draft/",  # not live: 404
    "about/nowhere/",  # no such page: 404
    "about/team/deeper/",  # below a page with no routes: 404
    "about/open-alias/",
    "hidden-section/under-hidden/",  # a live page below one that is not
    "progress/",
    "progress/changes/",  # the index's own routes
    "progress/export.csv/",
    "progress/feed/",
    "progress/recommendation-1/",
    "progress/recommendation-9/",
    "newsletters/",
    "newsletters/feed/",
    "newsletters/spring/",
    "resources/",
    "resources/a-resource/",
    "resources/a-resource/download/1/",  # the resource's own route
    "schools/e-learning/module/",
    "schools/e-learning/module/lesson-2/",
    "schools/e-learning/module/check/",
    "schools/e-learning/module/nothing-here/",
]


def describe(result):
    """What a route result says: the page (as its type) and the view and arguments a route gives."""
    if result is None:
        return None
    page, args, kwargs = result
    if len(args) == 3 and callable(args[0]):  # a RoutablePageMixin route: (view, its args, its kwargs)
        args = (args[0].__name__, tuple(args[1]), dict(args[2]))
    return (type(page).__name__, page.pk, page.live, args, kwargs)


@pytest.mark.parametrize("path", PATHS)
def test_routes_like_wagtail(tree, path):
    ours = routing.route_for_request(RequestFactory().get(f"/{path}"), path)
    wagtails = routing._wagtail_route_for_request(RequestFactory().get(f"/{path}"), path)
    assert describe(ours) == describe(wagtails)


def test_a_page_deep_in_the_tree_is_routed_in_two_queries_then_one(tree, django_assert_num_queries):
    Page.route_for_request(RequestFactory().get("/"), "")  # the site, from the cache from here on
    with django_assert_num_queries(2):
        page, _args, _kwargs = Page.route_for_request(RequestFactory().get("/"), "schools/e-learning/module/")
    assert page.slug == "module"
    with django_assert_num_queries(1):  # the pages on the way are kept with the shell's cached values
        page, _args, _kwargs = Page.route_for_request(RequestFactory().get("/"), "schools/e-learning/module/")
    assert page.slug == "module"


def test_kept_routes_follow_a_page_unpublished_renamed_or_moved_at_the_next_request(client, tree):
    team = Page.objects.get(slug="team").specific
    assert client.get("/about/team/").status_code == 200
    team.unpublish()
    assert client.get("/about/team/").status_code == 404
    team.save_revision().publish()
    assert client.get("/about/team/").status_code == 200
    team.slug = "our-team"
    team.save_revision().publish()
    assert client.get("/about/team/").status_code == 404
    assert client.get("/about/our-team/").status_code == 200
    team.move(Page.objects.get(slug="get-help"), pos="last-child")
    assert client.get("/about/our-team/").url == "/get-help/our-team/"  # Wagtail's redirect for a moved page
    assert client.get("/get-help/our-team/").status_code == 200


def test_only_urls_that_are_all_pages_are_kept(client, tree):
    """Made-up addresses and pages' own routes are not kept: what is kept never grows with visitors."""
    from home import shell_cache

    client.get("/about/team/")
    kept = {name for name in shell_cache._process_copies if name.startswith("route-chain:")}
    for n in range(5):
        assert client.get(f"/about/made-up-{n}/").status_code == 404
        assert client.get(f"/progress/feed/?n={n}").status_code == 200
    assert client.get("/progress/changes/").status_code == 200
    assert {name for name in shell_cache._process_copies if name.startswith("route-chain:")} == kept


def test_a_page_restricted_after_a_first_visit_asks_for_sign_in_at_the_next(client, tree):
    assert client.get("/about/team/").status_code == 200
    PageViewRestriction.objects.create(page=Page.objects.get(slug="about"), restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/about/team/").status_code == 302
    assert client.get("/about/open-alias/").status_code == 302
    assert client.get("/get-help/").status_code == 200


def test_a_page_restricted_through_an_alias_still_asks_for_sign_in(client, tree):
    PageViewRestriction.objects.create(page=Page.objects.get(slug="open"), restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/about/open-alias/").status_code == 302  # the alias's source is restricted
