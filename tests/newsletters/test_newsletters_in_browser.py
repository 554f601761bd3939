"""Newsletter pages in Chromium: zero WCAG 2.2 AA violations (axe), and the sign-up journey by keyboard."""

import re

import pytest
from django.core import mail

from newsletters.tokens import subscriber_token
from tests.factories import SubscriberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(newsletter, topics, live_server):
    subscriber = SubscriberFactory(email="reader@example.org", topics=[topics["schools"]], follows=["R07"])
    return {"token": subscriber_token(subscriber)}


def paths(site):
    token = site["token"]
    return [
        "/newsletters/",
        "/newsletters/?topic=nope&year=1066",
        "/newsletters/spring-2026/",
        "/newsletters/subscribe/",
        "/newsletters/subscribe/check-your-email/",
        f"/newsletters/preferences/{token}/",
        f"/newsletters/preferences/{token}/delete/",
        f"/newsletters/unsubscribe/{token}/",
        "/newsletters/subscribe/confirm/not-a-token/",
    ]


@pytest.mark.parametrize("index", range(9))
def test_newsletter_pages_have_no_wcag_22_aa_violations(page_in_browser, live_server, site, assert_accessible, index):
    page_in_browser.goto(live_server.url + paths(site)[index])
    assert_accessible(page_in_browser)


def test_subscribe_errors_are_accessible(page_in_browser, live_server, site, assert_accessible):
    page_in_browser.goto(live_server.url + "/newsletters/subscribe/")
    page_in_browser.get_by_role("button", name="Subscribe").click()
    page_in_browser.get_by_text("There is a problem").wait_for()
    assert_accessible(page_in_browser)


def test_sign_up_and_confirm_with_the_keyboard(page_in_browser, live_server, site, assert_accessible):
    page_in_browser.goto(live_server.url + "/newsletters/subscribe/")
    page_in_browser.get_by_label("Email address").fill("keyboard@example.org")
    page_in_browser.get_by_label("Public updates").check()
    page_in_browser.get_by_label("Email address").focus()
    page_in_browser.keyboard.press("Enter")
    page_in_browser.get_by_text("We have sent you a link").wait_for()
    link = re.search(r"https://jigsaw\.example\.org(\S+/confirm/\S+/)", mail.outbox[-1].body).group(1)
    page_in_browser.goto(live_server.url + link)
    assert_accessible(page_in_browser)
    page_in_browser.get_by_role("button", name="Confirm subscription").click()
    page_in_browser.get_by_text("You are subscribed").first.wait_for()
    assert_accessible(page_in_browser)
