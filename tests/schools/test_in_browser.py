"""Healthy Schools pages in Chromium: no WCAG 2.2 AA violations, and the staff journey works by keyboard and mouse."""

import pytest

from schools.models import ModuleCompletion
from tests.factories.schools import STAFF_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def schools_site(hub, module, briefing, session_page, school, authority_domain):
    return hub


@pytest.mark.parametrize(
    "path",
    [
        "/schools/",
        "/schools/e-learning/",
        "/schools/e-learning/spotting-the-signs/",
        "/schools/e-learning/spotting-the-signs/lesson-1/",
        "/schools/e-learning/spotting-the-signs/check/",
        "/schools/operation-lantern/",
        "/schools/request-a-session/",
        "/schools/sign-up/",
        "/schools/sign-in/",
        "/schools/password-reset/",
    ],
)
def test_schools_pages_have_no_wcag_22_aa_violations(
    page_in_browser, live_server, schools_site, assert_accessible, path
):
    page_in_browser.goto(live_server.url + path)
    assert_accessible(page_in_browser)


def test_sign_up_errors_are_accessible(page_in_browser, live_server, schools_site, assert_accessible):
    page_in_browser.goto(live_server.url + "/schools/sign-up/")
    page_in_browser.get_by_label("First name").fill("Kim")
    page_in_browser.get_by_label("School").select_option(label="Northfield Primary School (100001)")
    page_in_browser.get_by_label("Work email address").fill("kim@gmail.example.com")
    page_in_browser.get_by_role("button", name="Create account").click()
    page_in_browser.get_by_text("There is a problem").wait_for()
    assert (
        page_in_browser.get_by_text("You cannot sign up with an email address ending @gmail.example.com").count() == 2
    )
    assert_accessible(page_in_browser)


def test_staff_sign_in_take_a_module_and_print_a_certificate(
    page_in_browser, live_server, schools_site, approved_user, assert_accessible
):
    tab = page_in_browser
    tab.goto(live_server.url + "/schools/e-learning/spotting-the-signs/")
    tab.get_by_role("link", name="sign in").click()
    tab.get_by_label("Email address").fill(approved_user.email)
    tab.get_by_label("Password").fill(STAFF_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/schools/e-learning/spotting-the-signs/")
    tab.get_by_role("button", name="Start the module").or_(tab.get_by_role("link", name="Start the module")).click()
    for _ in range(3):
        tab.get_by_role("button", name="Finish this lesson and continue").click()
    tab.wait_for_url("**/check/")
    tab.get_by_label("Tell the designated safeguarding lead the same day").check()
    tab.get_by_label("Going missing from home or school").check()
    tab.get_by_role("button", name="Check my answers").click()
    tab.get_by_text("You passed").wait_for()
    assert_accessible(tab)
    tab.get_by_role("link", name="View and print your certificate").click()
    tab.get_by_text("Certificate of completion").wait_for()
    assert_accessible(tab)
    assert ModuleCompletion.objects.filter(user=approved_user, score=100).exists()
    tab.goto(live_server.url + "/schools/account/")
    assert_accessible(tab)
