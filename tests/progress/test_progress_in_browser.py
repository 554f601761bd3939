"""The tracker in a real browser: accessibility, working without JavaScript, and printing."""

import pytest

from tests.factories import ProgressUpdateEvidenceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(history, live_server):
    ProgressUpdateEvidenceFactory(
        update=history["updates"]["r1b"], title="Audit report", url="https://example.org/audit"
    )
    return live_server.url


@pytest.mark.parametrize(
    "path",
    [
        "/progress/",
        "/progress/?status=in-progress&sort=-rag",
        "/progress/?as_at=2016-12-31",
        "/progress/?as_at=2019-02-30",
        "/progress/?status=unknown",
        "/progress/recommendation-1/",
        "/progress/recommendation-2/?as_at=2019-05-10",
        "/progress/changes/?since=2015-01-01",
        "/progress/changes/?since=tomorrow",
    ],
)
def test_tracker_pages_have_no_wcag_22_aa_violations(page_in_browser, site, assert_accessible, path):
    page_in_browser.goto(site + path)
    assert_accessible(page_in_browser)


def test_dashboard_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(site + "/progress/")
        assert tab.get_by_text("1 of 3 delivered").is_visible()
        assert tab.locator("svg[role=img]").is_visible()
        tab.get_by_label("Status", exact=True).select_option("in-progress")
        tab.get_by_role("button", name="Show recommendations").click()
        tab.wait_for_url("**/progress/?status=in-progress**")
        assert tab.locator(".app-progress-table tbody tr").count() == 1
        tab.get_by_role("link", name="Recommendation", exact=True).click()
        tab.wait_for_url("**sort=title**")
        assert tab.locator("th[aria-sort=ascending]").inner_text().startswith("Recommendation")
        tab.get_by_label("See the position on a past date").fill("2016-12-31")
        tab.get_by_role("button", name="Show the position").click()
        tab.get_by_text("This shows the position on 31 December 2016").wait_for()
    finally:
        context.close()


def test_date_error_links_to_the_date_box(page_in_browser, site):
    page_in_browser.goto(site + "/progress/?as_at=2019-02-30")
    page_in_browser.get_by_role("link", name="The date to show the position on must be a real date").click()
    assert page_in_browser.evaluate("document.activeElement.id") == "as_at"


def test_exit_this_page_is_not_covered(page_in_browser, site):
    page_in_browser.goto(site + "/progress/")
    button = page_in_browser.locator(".govuk-exit-this-page__button")
    box = button.bounding_box()
    covered_by = page_in_browser.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.govuk-exit-this-page') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert covered_by


@pytest.mark.parametrize("path", ["/progress/", "/progress/recommendation-1/"])
def test_prints_the_content_without_controls(page_in_browser, site, path):
    page_in_browser.goto(site + path)
    page_in_browser.emulate_media(media="print")
    assert not page_in_browser.locator(".govuk-exit-this-page").is_visible()
    assert not page_in_browser.locator("form").first.is_visible()
    assert page_in_browser.locator("h1").is_visible()
    if path == "/progress/":
        assert page_in_browser.locator(".app-progress-table").is_visible()
        assert page_in_browser.locator("svg[role=img]").is_visible()
    else:
        assert page_in_browser.locator(".app-progress-timeline").is_visible()
        assert page_in_browser.locator(".app-progress-facts").is_visible()
    assert len(page_in_browser.pdf(format="A4")) > 1000
