"""home.routing in another language routes like Wagtail: translated pages, aliases and a home page not live."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from home import routing
from tests.home.test_routing import describe

pytestmark = pytest.mark.django_db

PATHS = ["", "get-help/", "about/", "get-help/staying-safe-online/", "have-your-say/", "nowhere/"]


def both_routes(code, path):
    with translation.override(code):
        ours = routing.route_for_request(RequestFactory().get(f"/{code}/{path}"), path)
        wagtails = routing._wagtail_route_for_request(RequestFactory().get(f"/{code}/{path}"), path)
    return describe(ours), describe(wagtails)


@pytest.mark.parametrize("path", PATHS)
def test_routes_like_wagtail_in_urdu(multilingual_site, path):
    ours, wagtails = both_routes("ur", path)
    assert ours == wagtails
    if path == "get-help/":
        assert ours[1] == multilingual_site["ur_get_help"].pk  # the translation, not the English page


def test_a_home_page_not_live_in_a_language_routes_like_wagtail(multilingual_site):
    urdu_home = multilingual_site["home"].get_translation(multilingual_site["ur_get_help"].locale)
    urdu_home.unpublish()
    for path in PATHS:
        ours, wagtails = both_routes("ur", path)
        assert ours == wagtails, path
