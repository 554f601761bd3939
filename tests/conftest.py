"""Fixtures every test module can use: a minimal site tree and a real browser.

Browser tests drive Debian's Chromium through Playwright (never a downloaded
browser) against pytest-django's live server, and check pages with axe-core
from the project's npm packages.
"""

import json
import os
from pathlib import Path

import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import GetHelpPageFactory, HomePageFactory

# Playwright's sync API runs an event loop in the test thread; Django would refuse database
# calls made beside it. The Makefile sets this too, so a bare `pytest` behaves the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(autouse=True)
def _fresh_shell_cache():
    """Values cached across requests (home.shell_cache) must not outlive a test's rolled-back rows."""
    from home.shell_cache import retire_all

    retire_all()


@pytest.fixture
def home_page(db):
    """A site whose root is a HomePage, replacing Wagtail's placeholder page."""
    Locale.objects.get_or_create(language_code="en")  # transactional tests flush the migration's row
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-page")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Jigsaw"}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def get_help_page(home_page):
    return GetHelpPageFactory(parent=home_page)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page_in_browser(browser):
    """A fresh browser tab with no shared cookies; CSP is bypassed only so axe can be injected."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1024, "height": 800})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def leave_the_admin(tab, live_server):
    """Leave the admin, and wait until what its pages sent the live server has finished.

    Wagtail's page editor pings its editing sessions, and sends a "release" beacon as it unloads.
    The live server shares the test's database connection (in-memory SQLite), so such a request
    still running as the test ends leaves that connection inside a transaction for the tests
    after it. Call this before a tab that showed the admin is closed.
    """
    tab.goto(f"{live_server.url}/healthz")  # a page that sends nothing more
    tab.wait_for_load_state("networkidle")


def axe_violations(tab):
    """WCAG 2.2 A and AA violations axe-core finds on the page the tab shows."""
    tab.add_script_tag(path=str(AXE_SCRIPT))
    results = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA_TAGS)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
    ]


@pytest.fixture
def assert_accessible():
    def check(tab):
        violations = axe_violations(tab)
        assert violations == [], json.dumps(violations, indent=2)

    return check
