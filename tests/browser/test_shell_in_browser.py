"""The public shell in a real browser: accessibility, Exit this page, keyboard use."""

import pytest

from home.models import SiteSettings
from tests.factories import FormFieldFactory, FormPageFactory, StandardPageFactory, SupportServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_tree(home_page, get_help_page, live_server):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.exit_url = f"{live_server.url}/healthz"  # a page we can see arrive at, without leaving the machine
    settings.save()
    SupportServiceFactory(name="Teen service", min_age=11, max_age=18, email="teen@example.org")
    standard = StandardPageFactory(
        parent=home_page,
        slug="about",
        title="About the partnership",
        body=[
            {"type": "warning", "value": {"text": "Call 999 in an emergency."}},
            {"type": "details", "value": {"summary": "More", "text": "<p>Hidden detail</p>"}},
        ],
    )
    form = FormPageFactory(parent=home_page, slug="have-your-say", title="Have your say")
    FormFieldFactory(page=form, label="Your idea", field_type="multiline")
    return {"standard": standard, "form": form}


@pytest.mark.parametrize(
    "path",
    ["/", "/get-help/", "/get-help/?audience=nope", "/about/", "/have-your-say/", "/search/?q=help", "/missing/"],
)
def test_public_pages_have_no_wcag_22_aa_violations(page_in_browser, live_server, site_tree, assert_accessible, path):
    page_in_browser.goto(live_server.url + path)
    assert_accessible(page_in_browser)


def test_form_errors_are_accessible(page_in_browser, live_server, site_tree, assert_accessible):
    page_in_browser.goto(live_server.url + "/have-your-say/")
    page_in_browser.get_by_role("button", name="Send").click()
    page_in_browser.get_by_text("There is a problem").wait_for()
    assert_accessible(page_in_browser)


def test_exit_this_page_button_leaves_the_site(page_in_browser, live_server, site_tree):
    page_in_browser.goto(live_server.url + "/get-help/")
    page_in_browser.get_by_role("button", name="Emergency Exit this page").click()
    page_in_browser.wait_for_url("**/healthz")


def test_pressing_shift_three_times_leaves_the_site(page_in_browser, live_server, site_tree):
    page_in_browser.goto(live_server.url + "/get-help/")
    page_in_browser.wait_for_selector("body.govuk-frontend-supported")
    page_in_browser.locator("body").click()
    for _ in range(3):
        page_in_browser.keyboard.press("Shift")
    page_in_browser.wait_for_url("**/healthz")


def test_exit_skip_link_is_the_second_tab_stop(page_in_browser, live_server, site_tree):
    page_in_browser.goto(live_server.url + "/")
    page_in_browser.keyboard.press("Tab")
    assert page_in_browser.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page_in_browser.keyboard.press("Tab")
    assert page_in_browser.evaluate("document.activeElement.textContent.trim()") == "Exit this page"
    page_in_browser.keyboard.press("Enter")
    page_in_browser.wait_for_url("**/healthz")


def test_the_help_directory_works_with_the_keyboard_alone(page_in_browser, live_server, site_tree):
    page_in_browser.goto(live_server.url + "/get-help/")
    page_in_browser.locator("#audience").focus()
    page_in_browser.keyboard.press("Tab")  # to the age field
    page_in_browser.keyboard.type("15")
    page_in_browser.keyboard.press("Enter")
    page_in_browser.wait_for_url("**age=15**")
    assert page_in_browser.get_by_text("One service for age 15").is_visible()


def test_every_link_and_control_can_be_reached_by_tab(page_in_browser, live_server, site_tree):
    page_in_browser.goto(live_server.url + "/get-help/")
    focusable = page_in_browser.evaluate(
        """() => [...document.querySelectorAll('a[href], button:not([hidden]), input, select, textarea')]
              .filter(el => el.offsetParent !== null && el.tabIndex >= 0).length"""
    )
    reached = set()
    for _ in range(focusable + 5):
        page_in_browser.keyboard.press("Tab")
        reached.add(
            page_in_browser.evaluate(
                "(() => { const el = document.activeElement; return el.outerHTML.slice(0, 120) + el.getBoundingClientRect().top; })()"
            )
        )
    assert len(reached) >= focusable


def test_focus_is_visible(page_in_browser, live_server, site_tree):
    page_in_browser.goto(live_server.url + "/")
    page_in_browser.keyboard.press("Tab")
    page_in_browser.keyboard.press("Tab")
    page_in_browser.keyboard.press("Tab")
    outline = page_in_browser.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).boxShadow"
    )
    assert outline != "nonenone"
