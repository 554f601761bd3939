"""Right to left in a real browser: axe in Urdu, and the layout mirrored.

Screenshots of the same pages in English and Urdu are saved under
test-results/i18n/ (not committed) for a person to look at; the assertions
check what matters on the boxes themselves: Exit this page at the inline end
in both directions, the header and navigation in mirrored order, forms,
tables and service details reading from the right.
"""

from pathlib import Path

import pytest

from home.models import SiteSettings
from tests.factories import FormFieldFactory, SupportServiceFactory

from .conftest import prefix

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "i18n"
TABLE = {
    "caption": "Referrals by year",
    "table": {
        "columns": [{"type": "text", "heading": "Year"}, {"type": "number", "heading": "Referrals"}],
        "rows": [{"values": ["2025", 120]}, {"values": ["2026", 98]}],
    },
}


@pytest.fixture
def browser_site(multilingual_site, live_server):
    site_settings = SiteSettings.for_site(multilingual_site["home"].get_site())
    site_settings.exit_url = f"{live_server.url}/healthz"  # somewhere we can see arrive, without leaving the machine
    site_settings.staying_safe_page = multilingual_site["staying_safe"]
    site_settings.save()
    FormFieldFactory(
        page=multilingual_site["form"],
        label="Are you a",
        field_type="radio",
        required=False,
        choices="Young person\nParent or carer",
    )
    browser_site_form = multilingual_site["form"]
    browser_site_form.refresh_from_db()
    browser_site_form.save_revision().publish()  # publishing updates every language's copy
    SupportServiceFactory(name="Parents line", for_young_people=False, for_parents=True, email="p@example.org")
    return multilingual_site


def box(tab, selector):
    return tab.locator(selector).first.bounding_box()


def open_page(tab, live_server, code, path):
    tab.goto(live_server.url + prefix(code) + path)
    tab.wait_for_selector("body.govuk-frontend-supported")
    return tab


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/get-help/",
        "/get-help/?audience=nope&age=old",
        "/get-help/staying-safe-online/",
        "/about/",
        "/have-your-say/",
        "/search/?q=مدد",
        "/no-such-page/",
    ],
)
def test_urdu_pages_have_no_wcag_22_aa_violations(page_in_browser, live_server, browser_site, assert_accessible, path):
    open_page(page_in_browser, live_server, "ur", path)
    assert page_in_browser.evaluate("document.documentElement.dir") == "rtl"
    assert_accessible(page_in_browser)


def test_urdu_form_errors_are_accessible(page_in_browser, live_server, browser_site, assert_accessible):
    open_page(page_in_browser, live_server, "ur", "/have-your-say/")
    page_in_browser.get_by_role("button", name="بھیجیں").click()
    page_in_browser.get_by_text("ایک مسئلہ ہے").wait_for()
    assert_accessible(page_in_browser)


@pytest.mark.parametrize("path", ["/get-help/", "/have-your-say/"])
def test_layout_is_mirrored_right_to_left(page_in_browser, live_server, browser_site, path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/") or "home"
    boxes = {}
    for code, direction in [("en", "ltr"), ("ur", "rtl")]:
        tab = open_page(page_in_browser, live_server, code, path)
        tab.screenshot(path=str(SCREENSHOTS / f"{name}-{direction}.png"), full_page=True)
        boxes[direction] = {
            "viewport": tab.viewport_size["width"],
            "main": box(tab, "main"),
            "exit": box(tab, ".govuk-exit-this-page__button"),
            "logo": box(tab, ".govuk-generic-header__homepage-link"),
            "nav": [item.bounding_box() for item in tab.locator(".govuk-service-navigation__item").all()],
            "languages": box(tab, ".govuk-language-navigation"),
            "scroll_width": tab.evaluate("document.documentElement.scrollWidth"),
        }
    for direction, found in boxes.items():
        # Nothing sticks out sideways (a right-to-left page would scroll to show it).
        assert found["scroll_width"] <= found["viewport"], direction
    ltr, rtl = boxes["ltr"], boxes["rtl"]
    # Exit this page sits at the inline end: the right edge in English, the left edge in Urdu.
    assert ltr["exit"]["x"] + ltr["exit"]["width"] == pytest.approx(ltr["main"]["x"] + ltr["main"]["width"], abs=2)
    assert rtl["exit"]["x"] == pytest.approx(rtl["main"]["x"], abs=2)
    # The partnership's name starts the header on the reading side.
    assert ltr["logo"]["x"] < ltr["viewport"] / 2 < rtl["logo"]["x"] + rtl["logo"]["width"]
    assert rtl["logo"]["x"] + rtl["logo"]["width"] > rtl["viewport"] / 2
    # Navigation items run left to right in English and right to left in Urdu.
    ltr_x = [item["x"] for item in ltr["nav"]]
    rtl_x = [item["x"] for item in rtl["nav"]]
    assert ltr_x == sorted(ltr_x) and rtl_x == sorted(rtl_x, reverse=True)
    # The language switcher comes after the navigation in reading order: further along the same
    # line, or on a line below, starting from the reading side.
    for found, after in [(ltr, lambda a, b: a["x"] > b["x"]), (rtl, lambda a, b: a["x"] < b["x"])]:
        languages, last = found["languages"], found["nav"][-1]
        assert languages["y"] > last["y"] + last["height"] / 2 or after(languages, last)


def test_help_directory_reads_from_the_right_in_urdu(page_in_browser, live_server, browser_site):
    tab = open_page(page_in_browser, live_server, "ur", "/get-help/")
    filters, services = box(tab, ".govuk-grid-column-one-third"), box(tab, ".app-service")
    assert filters["x"] > services["x"]  # the first column of the grid is on the right
    key, value = box(tab, ".govuk-summary-list__key"), box(tab, ".govuk-summary-list__value")
    assert key["x"] > value["x"]
    helpline = tab.locator(".app-helpline").first
    assert helpline.evaluate("el => getComputedStyle(el).borderRightWidth") == "10px"
    assert helpline.evaluate("el => getComputedStyle(el).borderLeftWidth") == "0px"
    # Numbers keep their own order inside right-to-left text.
    number = tab.locator(".app-helpline__number")
    assert number.evaluate("el => getComputedStyle(el).direction") == "ltr"


def test_form_controls_sit_on_the_right_in_urdu(page_in_browser, live_server, browser_site):
    positions = {}
    for code in ["en", "ur"]:
        tab = open_page(page_in_browser, live_server, code, "/have-your-say/")
        radio = tab.locator(".govuk-radios__item").first
        circle = radio.locator(".govuk-radios__input").bounding_box()
        label = radio.locator(".govuk-radios__label").bounding_box()
        positions[code] = circle["x"] < label["x"]
    assert positions == {"en": True, "ur": False}


def test_tables_and_inset_text_mirror(page_in_browser, live_server, browser_site):
    staying_safe = browser_site["staying_safe"]
    staying_safe.body = [{"type": "table", "value": TABLE}, {"type": "inset", "value": {"text": "<p>Inset</p>"}}]
    staying_safe.save_revision().publish()
    tab = open_page(page_in_browser, live_server, "ur", "/get-help/staying-safe-online/")
    # An untranslated page's content is English, marked dir="ltr", so it keeps English layout...
    headers = tab.locator(".govuk-table__header").all()
    assert headers[0].bounding_box()["x"] < headers[1].bounding_box()["x"]
    # ...while the same table in a right-to-left context starts on the right.
    tab.evaluate("document.querySelector('[dir=ltr] .govuk-table').closest('[dir=ltr]').removeAttribute('dir')")
    assert headers[0].bounding_box()["x"] > headers[1].bounding_box()["x"]
    assert headers[0].evaluate("el => getComputedStyle(el).textAlign") == "start"
    inset = tab.locator(".govuk-inset-text").first
    assert inset.evaluate("el => getComputedStyle(el).borderRightWidth") == "10px"


def test_language_switcher_and_exit_this_page_work_in_urdu(page_in_browser, live_server, browser_site):
    tab = open_page(page_in_browser, live_server, "en", "/get-help/")
    tab.locator('.govuk-language-navigation a[lang="ur"]').click()
    tab.wait_for_url("**/ur/get-help/")
    assert tab.evaluate("document.documentElement.dir") == "rtl"
    tab.wait_for_selector("body.govuk-frontend-supported")
    tab.get_by_role("button", name="ہنگامی اس صفحے سے نکلیں").click()
    tab.wait_for_url("**/healthz")


def test_shift_three_times_leaves_an_urdu_page(page_in_browser, live_server, browser_site):
    tab = open_page(page_in_browser, live_server, "ur", "/get-help/")
    tab.locator("body").click()
    for _ in range(3):
        tab.keyboard.press("Shift")
    tab.wait_for_url("**/healthz")
