"""The whole editorial flow in the real admin, in Chromium; takes the editor guide's screenshots.

A police communications officer drafts a newsletter and submits it; council
communications approves; the CSE lead signs off; the newsletter is public.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from home.editorial.roles import REVIEWERS, SIGN_OFF, setup_editorial
from tests.conftest import leave_the_admin
from tests.factories import NewsletterIndexPageFactory, PartnerOrganisationFactory, TopicFactory

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every run takes the screenshots; `make screenshots` writes them over the editor guide's copies,
# so an ordinary test run leaves the repository's files alone.
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ("docs/images" if os.environ.get("UPDATE_DOCS_SCREENSHOTS") else "test-results/editor-guide")


@pytest.fixture
def newsroom(home_page, django_user_model, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # SQLite's in-memory test database and background saves collide
    PartnerOrganisationFactory(name="Northfield Police", short_name="Police")
    index = NewsletterIndexPageFactory(parent=home_page)
    TopicFactory(name="Partners", slug="partners")
    setup_editorial()
    people = {}
    for username, group in [
        ("police.drafter", "Police drafters"),
        ("council.reviewer", REVIEWERS),
        ("cse.lead", SIGN_OFF),
    ]:
        first, last = username.split(".")
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=first.title(), last_name=last.title()
        )
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    return index


def sign_in(browser, live_server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"{live_server.url}/admin/")
    return tab


def shot(tab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / name))


def open_action_menu(tab):
    tab.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()


def test_newsletter_from_draft_to_public(browser, live_server, newsroom):
    # 1. A partner drafts a newsletter and submits it.
    tab = sign_in(browser, live_server, "police.drafter")
    tab.goto(f"{live_server.url}/admin/pages/add/newsletters/newsletterpage/{newsroom.id}/")
    tab.fill("#id_title", "Spring update from Northfield Police")
    tab.fill("#id_summary", "What officers have done this term to disrupt exploitation, and how to report concerns.")
    tab.get_by_label("Partners").check()
    tab.locator(
        "[data-streamfield-stream-container] button[title='Insert a block'], button.c-sf-add-button"
    ).first.click()
    tab.get_by_role("option", name="Text").first.click()
    editor = tab.locator(".public-DraftEditor-content").first
    editor.click()
    editor.press_sequentially("Officers visited every secondary school in the borough this term.")
    # Draftail copies the text into the form's hidden input on its own schedule; submit only after it has.
    tab.wait_for_function(
        "() => [...document.querySelectorAll('input[name^=\"body-\"]')].some(i => i.value.includes('secondary school'))"
    )
    shot(tab, "editorial-1-drafter-writes-newsletter.png")
    open_action_menu(tab)
    tab.get_by_role("button", name="Submit to Partnership sign-off").click()
    tab.get_by_text("created and submitted for moderation").first.wait_for()
    shot(tab, "editorial-2-drafter-submitted.png")
    assert not tab.get_by_role("button", name="Publish").count()
    leave_the_admin(tab, live_server)
    tab.context.close()

    # 2. Council communications reviews it from their dashboard and approves.
    tab = sign_in(browser, live_server, "council.reviewer")
    tab.get_by_text("Spring update from Northfield Police").first.wait_for()
    shot(tab, "editorial-3-reviewer-dashboard.png")
    tab.get_by_role("link", name="Spring update from Northfield Police").first.click()
    tab.wait_for_url("**/edit/")
    open_action_menu(tab)
    tab.get_by_role("button", name="Approve", exact=True).wait_for()
    tab.wait_for_timeout(400)
    shot(tab, "editorial-4-reviewer-approves.png")
    tab.get_by_role("button", name="Approve", exact=True).click()
    tab.get_by_text("has been updated").first.wait_for()
    leave_the_admin(tab, live_server)
    tab.context.close()

    # 3. The CSE lead signs off, which publishes it.
    tab = sign_in(browser, live_server, "cse.lead")
    tab.get_by_role("link", name="Spring update from Northfield Police").first.click()
    tab.wait_for_url("**/edit/")
    open_action_menu(tab)
    approve = tab.get_by_role("button", name="Approve and Publish", exact=True)
    approve.wait_for()
    tab.wait_for_timeout(400)  # let the menu finish opening before the screenshot
    shot(tab, "editorial-5-cse-lead-signs-off.png")
    approve.click()
    tab.get_by_text("has been updated").first.wait_for()
    shot(tab, "editorial-6-published.png")
    leave_the_admin(tab, live_server)
    tab.context.close()

    # 4. The public sees it.
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    public = context.new_page()
    response = public.goto(f"{live_server.url}/newsletters/spring-update-from-northfield-police/")
    assert response.status == 200
    public.get_by_role("heading", name="Spring update from Northfield Police").wait_for()
    assert public.get_by_text("Officers visited every secondary school").is_visible()
    shot(public, "editorial-7-public-newsletter.png")
    context.close()
