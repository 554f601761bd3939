"""Editors: updates listed per recommendation, drafts and workflows, and no silent edits of the past."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.signals import published

from progress.models import ProgressUpdate
from tests.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_progress_progressupdate:list"
ADD = "wagtailsnippets_progress_progressupdate:add"
EDIT = "wagtailsnippets_progress_progressupdate:edit"


def test_update_is_a_workflow_enabled_snippet():
    for mixin in (WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
        assert issubclass(ProgressUpdate, mixin)


def test_updates_are_listed_per_recommendation(admin_client, history):
    url = reverse(LIST) + f"?recommendation={history['r2'].pk}"
    html = admin_client.get(url).content.decode()
    assert "R02 update of 20 May 2019" in html
    assert "R02 update of 5 May 2019" in html
    assert "R01 update of" not in html


def test_recommendation_edit_page_lists_its_updates(admin_client, history):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[history["r2"].pk])).content.decode()
    assert "Add a progress update" in html
    assert f'href="{reverse(ADD)}?recommendation={history["r2"].pk}"' in html
    assert f'href="{reverse(EDIT, args=[history["updates"]["r2c"].pk])}"' in html
    assert "(correction)" in html


def test_new_update_starts_from_the_latest_published_one(admin_client, history):
    html = admin_client.get(reverse(ADD) + f"?recommendation={history['r1'].pk}").content.decode()
    assert f'name="recommendation" value="{history["r1"].pk}"' in html
    assert 'value="Consultation took longer."' in html or "Consultation took longer.</textarea>" in html
    assert '<option value="delivered" selected>' in html


def form_data(update, **changes):
    data = {
        "recommendation": update.recommendation_id,
        "date": update.date.isoformat(),
        "narrative": '{"blocks":[{"key":"a","type":"unstyled","text":"Partners met.","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "status": update.status,
        "status_reason": update.status_reason,
        "rag": update.rag,
        "rag_rationale": update.rag_rationale,
        "percentage": "" if update.percentage is None else str(update.percentage),
        "target_date": update.target_date.isoformat() if update.target_date else "",
        "target_date_reason": update.target_date_reason,
        "next_review_date": "",
        "reported_by": update.reported_by_id or "",
        "corrects": update.corrects_id or "",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
    }
    if update.is_correction:
        data["is_correction"] = "on"
    data.update(changes)
    return data


def test_editing_a_published_update_in_the_admin_is_refused(admin_client, history):
    update = history["updates"]["r2a"]
    response = admin_client.post(
        reverse(EDIT, args=[update.pk]), form_data(update, status="delivered", narrative=form_data(update)["narrative"])
    )
    assert response.status_code == 200  # the form comes back with errors
    assert "cannot be changed" in response.content.decode()
    update.refresh_from_db()
    assert update.status == "in-progress"
    assert update.latest_revision.as_object().status == "in-progress"


def test_a_draft_is_saved_without_being_public(admin_client, history, client):
    r3 = history["r3"]
    draft = ProgressUpdate(recommendation=r3, date=date(2022, 2, 2), status="in-progress")
    data = form_data(draft)
    response = admin_client.post(reverse(ADD), data)
    assert response.status_code == 302
    created = ProgressUpdate.objects.filter(recommendation=r3, date=date(2022, 2, 2)).get()
    assert not created.live
    assert "2 February 2022" not in client.get("/progress/recommendation-3/").content.decode()


def test_publishing_sends_wagtails_published_signal(history):
    received = []

    def handler(sender, instance, **kwargs):
        received.append(instance)

    published.connect(handler, sender=ProgressUpdate)
    try:
        update = ProgressUpdateFactory(recommendation=history["r3"], date=date(2022, 3, 3))
    finally:
        published.disconnect(handler, sender=ProgressUpdate)
    assert [item.pk for item in received] == [update.pk]


def test_priority_actions_are_editable_snippets(admin_client, history):
    html = admin_client.get(reverse("wagtailsnippets_progress_priorityaction:list")).content.decode()
    assert "Joint plan" in html and "Shared training" in html


def test_recommendation_form_refuses_a_number_or_reference_already_in_the_tracker(history, admin_user):
    from progress.models import RecommendationPage

    form_class = RecommendationPage.get_edit_handler().get_form_class()
    data = {
        "title": "Another",
        "slug": "another",
        "number": "1",
        "reference": "r02",
        "summary": "S",
        "original_wording": "W",
        "theme": "training",
        "response": "accepted",
    }
    form = form_class(data, instance=RecommendationPage(), parent_page=history["tracker"], for_user=admin_user)
    assert not form.is_valid()
    assert form.errors["number"] == ["Recommendation 1 already exists in this tracker."]
    assert form.errors["reference"] == ["Another recommendation already uses the reference r02."]
    form = form_class(
        {**data, "number": "4", "reference": "R04"},
        instance=RecommendationPage(),
        parent_page=history["tracker"],
        for_user=admin_user,
    )
    assert form.is_valid(), form.errors
