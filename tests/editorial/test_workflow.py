"""Submit, review, sign-off, live; send back with a comment; scheduled publishing."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from home.editorial.roles import REVIEW_TASK, SIGN_OFF_TASK, setup_editorial
from tests.factories import ProgressIndexPageFactory, RecommendationPageFactory

from .helpers import add_standard_page, current_task_state, workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation(editorial, users):
    """A draft on the progress tracker, written by a progress editor (Partnership sign-off)."""
    index = ProgressIndexPageFactory(parent=editorial["home"])
    setup_editorial()  # attaches Partnership sign-off to the new index
    page = RecommendationPageFactory(parent=index, live=False, owner=users["progress"])
    page.save_revision(user=users["progress"])
    return Page.objects.get(pk=page.pk).specific


def test_submit_review_sign_off_live(recommendation, users, client_for, client):
    workflow = recommendation.get_workflow()
    assert workflow.name == "Partnership sign-off"
    mail.outbox.clear()
    workflow.start(recommendation, users["progress"])
    assert current_task_state(recommendation).task.name == REVIEW_TASK
    assert any("council.reviewer@example.org" in message.to for message in mail.outbox)

    # The CSE lead cannot skip the council review.
    client_for(users["lead"])
    workflow_action(client, recommendation, "approve")
    assert current_task_state(recommendation).task.name == REVIEW_TASK

    mail.outbox.clear()
    client_for(users["reviewer"])
    workflow_action(client, recommendation, "approve", comment="Reads well.")
    recommendation.refresh_from_db()
    assert not recommendation.live
    assert current_task_state(recommendation).task.name == SIGN_OFF_TASK
    assert any("cse.lead@example.org" in message.to for message in mail.outbox)

    client_for(users["lead"])
    workflow_action(client, recommendation, "approve")
    recommendation.refresh_from_db()
    assert recommendation.live
    assert (
        WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(recommendation.pk)).status
        == "approved"
    )
    client.logout()
    assert client.get(recommendation.url).status_code == 200


def test_a_partner_submits_through_the_admin_and_a_reviewer_approves(editorial, users, client_for, client):
    client_for(users["police"])
    response = add_standard_page(client, editorial["police_section"], "Police open day", "open-day")
    assert response.status_code == 302
    page = Page.objects.get(slug="open-day")
    assert page.current_workflow_state.workflow.name == "Communications review"
    assert not page.live

    client_for(users["reviewer"])
    dashboard = client.get("/admin/").content.decode()
    assert "Police open day" in dashboard  # "Awaiting your review"
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live


def test_rejection_returns_to_the_author_with_the_comment(editorial, users, client_for, client):
    client_for(users["police"])
    add_standard_page(client, editorial["police_section"], "Police open day", "open-day")
    page = Page.objects.get(slug="open-day")
    mail.outbox.clear()
    client_for(users["reviewer"])
    workflow_action(client, page, "reject", comment="Please remove the officer's surname.")
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.filter(object_id=str(page.pk)).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    to_author = [message for message in mail.outbox if "police.drafter@example.org" in message.to]
    assert to_author, [message.to for message in mail.outbox]
    assert "Please remove the officer's surname." in to_author[0].body

    client_for(users["police"])
    edit_page = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Changes requested" in edit_page or "changes requested" in edit_page.lower()
    assert "Resubmit" in edit_page


def test_a_scheduled_page_goes_live_when_due(editorial, users, client_for, client):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    client_for(users["police"])
    add_standard_page(
        client,
        editorial["police_section"],
        "Police open day",
        "open-day",
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
    )
    page = Page.objects.get(slug="open-day")
    client_for(users["reviewer"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None  # approved, waiting for its time

    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live

    later = go_live + datetime.timedelta(minutes=1)
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("run_scheduler", "--once")
    page.refresh_from_db()
    assert page.live
