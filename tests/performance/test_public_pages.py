"""Every public page in the benchmark: query budgets with more content, page weight, CDN headers.

Every page renders in at most 12 queries with the page cache off (issue 9), the same
with ten times the content (bench/queries.py measures the same pages on the full
demo). What keeps the shell cheap: the site, site settings, site text, locales, the
navigation and the footer's links are cached between requests (home.shell_cache),
breadcrumbs and translations are one query (home.shell_pages), view restrictions one
query (home.view_restrictions),
and listing pages load a child page as its type in one query (home.routing).
"""

import gzip
import os
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from config.page_cache import HIT_HEADER
from tests.factories import NewsletterPageFactory, ResourcePageFactory, SupportServiceFactory
from tests.progress.test_query_counts import add_updates

pytestmark = pytest.mark.django_db

BUDGET = {
    "/": 12,
    "/get-help/": 12,
    "/progress/": 12,
    "/progress/recommendation-1/": 12,
    "/newsletters/": 12,
    "/newsletters/spring-2025/": 12,
    "/resources/": 12,
    "/resources/?key_stage=ks2&topic=online-safety": 12,
    "/resources/my-body-belongs-to-me/": 12,
    "/schools/": 12,
}
MAX_HOME_WEIGHT = 150 * 1024


@pytest.fixture
def demo(db):
    """The demo as seed_demo builds it, in English (languages and editorial setup left out for speed)."""
    import factory.random

    from home import demo as home_demo
    from newsletters import demo as newsletters_demo
    from progress import demo as progress_demo
    from resources import demo as resources_demo
    from schools import demo as schools_demo

    factory.random.reseed_random("jigsaw-demo")
    context = home_demo.seed()
    for app in (progress_demo, newsletters_demo, resources_demo, schools_demo):
        context.update(app.seed(context) or {})
    return context


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(times):
    """More of everything the listed pages show: updates, newsletters, resources, support services."""
    from newsletters.models import NewsletterIndexPage
    from resources.models import ResourceIndexPage

    add_updates(times - 1)
    archive = NewsletterIndexPage.objects.get()
    library = ResourceIndexPage.objects.get(locale__language_code="en")
    for n in range(6 * (times - 1)):
        NewsletterPageFactory(parent=archive, slug=f"more-news-{n}")
    for n in range(2 * (times - 1)):
        ResourcePageFactory(parent=library, slug=f"more-resources-{n}")
    for n in range(5 * (times - 1)):
        SupportServiceFactory(name=f"Another service {n}")


def test_query_budgets_hold_with_more_content(client, demo):
    for url in BUDGET:
        client.get(url)  # the first request fills per-process caches and renditions
    few = {url: count(client, url) for url in BUDGET}
    grow(10)
    for url in BUDGET:
        client.get(url)  # saving pages retired the shell's cached values: the first request fills them again
    many = {url: count(client, url) for url in BUDGET}
    assert many == few, "a page's queries grow with its content: a query in a loop"
    over_budget = {url: queries for url, queries in many.items() if queries > BUDGET[url]}
    assert over_budget == {}


def linked_assets(html):
    stylesheets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    stylesheets += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', html)
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    images = re.findall(r'<img[^>]+src="([^"]+)"', html)
    return stylesheets, scripts, images


def transferred(client, url):
    """Bytes over the wire: gzip for text (whitenoise and the page cache serve it so), images as they are."""
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Encoding") == "gzip" or not response.get("Content-Type", "").startswith(
        ("text/", "application/javascript")
    ):
        return len(body), response
    return len(gzip.compress(body)), response


def test_home_page_weighs_under_150_kb_with_its_css_js_and_images(client, demo, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    html_bytes, response = transferred(client, "/")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    stylesheets, scripts, images = linked_assets(html)
    assert stylesheets and scripts
    total = html_bytes
    for url in stylesheets + scripts:
        total += transferred(client, url.split("?")[0])[0] if url.startswith("/static/") else 0
    for url in images:
        if url.startswith("/media/"):
            path = settings.MEDIA_ROOT / url.removeprefix("/media/")
            total += path.stat().st_size
    assert total < MAX_HOME_WEIGHT, f"home page transfers {total / 1024:.0f} KB"


def test_no_render_blocking_javascript(client, demo):
    html = client.get("/").content.decode()
    for tag in re.findall(r"<script[^>]*\bsrc=[^>]*>", html):
        assert 'type="module"' in tag or " defer" in tag or " async" in tag, tag


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_headers_for_a_cdn(client, demo, page_cache_on):
    for url in BUDGET:
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"], url
        assert "Accept-Encoding" in response["Vary"], url
        assert response["Content-Encoding"] == "gzip", url
        assert not response.cookies, url
    plain = client.get("/")
    assert "Content-Encoding" not in plain and plain[HIT_HEADER] == "miss"  # cached apart from the gzipped copy


def test_a_published_progress_update_shows_everywhere_at_the_next_request(client, demo, page_cache_on):
    from progress.models import RecommendationPage
    from tests.factories import ProgressUpdateFactory

    recommendation = RecommendationPage.objects.live().get(slug="recommendation-1")
    urls = ["/", "/progress/", recommendation.url]
    for url in urls:
        client.get(url)
        assert client.get(url)[HIT_HEADER] == "hit", url
    update = ProgressUpdateFactory(
        recommendation=recommendation, date=timezone.localdate(),
        narrative="<p>The new multi-agency hub opened its doors.</p>", percentage=100, status="delivered",
    )  # fmt: skip
    shows_the_update = {
        "/": f"#update-{update.pk}",  # the home page lists the newest updates
        "/progress/": "Delivered",  # the dashboard's status of recommendation 1
        recommendation.url: "multi-agency hub opened its doors",
    }
    for url, expected in shows_the_update.items():
        response = client.get(url)
        assert response[HIT_HEADER] == "miss", url
        assert expected in response.content.decode(), url


def test_image_blocks_are_responsive_pictures(db):
    import wagtail_factories
    from django.template.loader import render_to_string

    image = wagtail_factories.ImageFactory(width=1600, height=900)
    html = render_to_string("blocks/image.html", {"value": {"image": image, "alt_text": "A classroom", "caption": ""}})
    assert "<picture>" in html and 'type="image/webp"' in html
    assert html.count("w,") >= 2  # a srcset of several widths
    assert 'loading="lazy"' in html and 'width="' in html and 'height="' in html
    assert 'alt="A classroom"' in html and ".jpg" in html  # the JPEG fallback in <img>


def test_the_web_process_keeps_the_garbage_collector_off_its_start_up_objects():
    """config/wsgi.py freezes what start-up made and collects less often (10-20% more pages a second)."""
    import subprocess
    import sys

    check = "import gc, config.wsgi; print(gc.get_threshold()[0], gc.get_freeze_count() > 10000)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    out = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.split() == ["50000", "True"]
