"""The tracker's rules: derived current state, an immutable original target date, an append-only history."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from progress.models import ProgressIndexPage, RecommendationPage
from progress.state import NOT_ASSESSED, states_for
from progress.summary import current_summary
from tests.factories import ProgressUpdateFactory, RecommendationPageFactory

pytestmark = pytest.mark.django_db


def state_of(history, key, as_at=None):
    states = states_for(history["tracker"].recommendations(), as_at=as_at)
    return next(s for s in states if s.recommendation.pk == history[key].pk)


class TestDerivedState:
    def test_current_state_comes_from_the_latest_published_update(self, history):
        r1 = state_of(history, "r1")
        assert r1.update == history["updates"]["r1b"]
        assert (r1.status, r1.rag, r1.percentage) == ("delivered", "green", 100)
        assert r1.target_date == date(2017, 6, 30) and r1.target_date_changed
        assert r1.target_date_reason == "Consultation took longer."
        assert r1.last_reviewed == date(2017, 6, 1)

    def test_a_correction_becomes_the_current_state(self, history):
        r2 = state_of(history, "r2")
        assert r2.update == history["updates"]["r2c"]
        assert (r2.status, r2.percentage) == ("in-progress", 50)

    def test_drafts_never_set_the_state(self, history):
        r3 = state_of(history, "r3")
        assert r3.update is None
        assert r3.status == "not-started"
        assert r3.percentage_label == NOT_ASSESSED

    def test_blank_percentage_is_not_yet_assessed_not_zero(self, history):
        r2 = state_of(history, "r2", as_at=date(2016, 12, 31))
        assert r2.percentage is None and r2.percentage_label == "Not yet assessed"
        zero = ProgressUpdateFactory(recommendation=history["r3"], date=date(2021, 1, 1), percentage=0)
        assert state_of(history, "r3").percentage_label == "0%"
        assert zero.percentage == 0

    def test_state_as_at_a_past_date(self, history):
        assert state_of(history, "r1", as_at=date(2015, 1, 9)).status == "not-started"
        assert state_of(history, "r1", as_at=date(2015, 1, 10)).status == "in-progress"
        assert state_of(history, "r1", as_at=date(2017, 5, 31)).target_date == date(2016, 3, 31)
        assert state_of(history, "r2", as_at=date(2019, 5, 10)).status == "paused"
        assert state_of(history, "r2", as_at=date(2019, 5, 20)).status == "in-progress"

    def test_priority_comes_from_the_flag_or_a_priority_action(self, history):
        states = {s.recommendation.number: s for s in states_for(history["tracker"].recommendations())}
        assert [n for n, s in states.items() if s.is_priority] == [2]
        history["r3"].is_priority = True
        history["r3"].save_revision().publish()
        states = {s.recommendation.number: s for s in states_for(history["tracker"].recommendations())}
        assert [n for n, s in states.items() if s.is_priority] == [2, 3]


class TestSummary:
    def test_current_summary_counts_statuses_in_a_fixed_order(self, history):
        summary = current_summary()
        assert summary.total == 3
        assert summary.headline == "1 of 3 delivered"
        assert summary.status_counts == [
            ("not-started", "Not started", 1),
            ("in-progress", "In progress", 1),
            ("delivered", "Delivered", 1),
            ("embedded", "Delivered and embedded", 0),
            ("paused", "Paused", 0),
        ]
        assert summary.updated == date(2019, 5, 20)
        assert summary.url == "/progress/"

    def test_summary_as_at(self, history):
        summary = current_summary(as_at=date(2016, 12, 31))
        assert summary.headline == "0 of 3 delivered"
        assert summary.updated == date(2016, 2, 1)

    def test_headline_counts_embedded_as_delivered_and_uses_the_stated_total(self, history):
        history["tracker"].recommendations_total = 15
        history["tracker"].save_revision().publish()
        ProgressUpdateFactory(recommendation=history["r3"], date=date(2022, 1, 1), status="embedded")
        assert current_summary().headline == "2 of 15 delivered"

    def test_summary_without_a_tracker(self, db):
        summary = current_summary()
        assert summary.total == 0 and summary.updated is None
        assert [count for _value, _label, count in summary.status_counts] == [0, 0, 0, 0, 0]


class TestOriginalTargetDate:
    def test_cannot_be_changed_once_set(self, history):
        page = RecommendationPage.objects.get(pk=history["r1"].pk)
        page.original_target_date = date(2018, 1, 1)
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "cannot be changed" in str(error.value.message_dict["original_target_date"])

    def test_cannot_be_cleared_once_set(self, history):
        page = RecommendationPage.objects.get(pk=history["r1"].pk)
        page.original_target_date = None
        with pytest.raises(ValidationError):
            page.save_revision()

    def test_can_be_set_when_blank(self, history):
        page = RecommendationPage.objects.get(pk=history["r2"].pk)
        page.original_target_date = date(2018, 1, 1)
        page.full_clean()
        page.save_revision().publish()
        assert RecommendationPage.objects.get(pk=page.pk).original_target_date == date(2018, 1, 1)


def test_partial_acceptance_needs_a_reason(tracker):
    page = RecommendationPageFactory.build(response="accepted-in-part", response_reason="")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "response_reason" in error.value.message_dict


class TestAppendOnlyHistory:
    def test_published_update_cannot_be_edited(self, history):
        update = history["updates"]["r1a"]
        update.percentage = 45
        update.narrative = "<p>Rewritten history.</p>"
        with pytest.raises(ValidationError) as error:
            update.full_clean()
        assert set(error.value.message_dict) == {"percentage", "narrative"}
        assert "add a new update marked as a correction" in error.value.message_dict["percentage"][0]

    def test_published_update_cannot_be_moved_or_redated(self, history):
        update = history["updates"]["r2a"]
        update.recommendation = history["r1"]
        update.date = date(2016, 2, 2)
        with pytest.raises(ValidationError) as error:
            update.full_clean()
        assert set(error.value.message_dict) == {"recommendation", "date"}

    def test_publishing_a_changed_revision_of_a_published_update_is_refused(self, history):
        update = history["updates"]["r1a"]
        update.status = "paused"
        update.status_reason = "Changed after the fact."
        with pytest.raises(ValidationError):
            update.save_revision()

    def test_unpublished_update_stays_refused_once_it_has_been_public(self, history):
        update = history["updates"]["r1a"]
        update.unpublish()
        update.refresh_from_db()
        update.percentage = 99
        with pytest.raises(ValidationError):
            update.full_clean()

    def test_drafts_can_be_edited_freely(self, history):
        draft = history["updates"]["draft"]
        draft.percentage = 80
        draft.full_clean()
        draft.save_revision()

    def test_a_correction_is_a_new_update(self, history):
        wrong = history["updates"]["r1a"]
        correction = ProgressUpdateFactory.build(
            recommendation=history["r1"], date=date(2015, 1, 20), status="in-progress", percentage=35,
            rag="amber", rag_rationale="Slow start.", is_correction=True, corrects=wrong,
        )  # fmt: skip
        correction.full_clean()

    def test_a_correction_must_be_on_the_same_recommendation(self, history):
        correction = ProgressUpdateFactory.build(
            recommendation=history["r2"], date=date(2020, 1, 1), is_correction=True, corrects=history["updates"]["r1a"]
        )
        with pytest.raises(ValidationError) as error:
            correction.full_clean()
        assert "corrects" in error.value.message_dict


class TestUpdateValidation:
    def build(self, history, **fields):
        return ProgressUpdateFactory.build(recommendation=history["r3"], date=date(2020, 1, 1), **fields)

    def test_future_date_refused(self, history):
        update = self.build(history)
        update.date = timezone.localdate() + timedelta(days=1)
        with pytest.raises(ValidationError) as error:
            update.full_clean()
        assert "future" in error.value.message_dict["date"][0]

    def test_paused_needs_a_reason(self, history):
        with pytest.raises(ValidationError) as error:
            self.build(history, status="paused").full_clean()
        assert "status_reason" in error.value.message_dict

    def test_rag_needs_a_rationale(self, history):
        with pytest.raises(ValidationError) as error:
            self.build(history, rag="red").full_clean()
        assert "rag_rationale" in error.value.message_dict

    def test_percentage_at_most_100(self, history):
        with pytest.raises(ValidationError) as error:
            self.build(history, percentage=101).full_clean()
        assert "percentage" in error.value.message_dict


def test_page_rules(tracker):
    assert ProgressIndexPage.max_count == 1
    assert ProgressIndexPage.parent_page_types == ["home.HomePage"]
    assert RecommendationPage.parent_page_types == ["progress.ProgressIndexPage"]
    assert RecommendationPage.subpage_types == []
    assert ProgressIndexPage.can_create_at(tracker.get_parent()) is False  # singleton already exists
    from home.models import HomePage

    assert "progress.ProgressIndexPage" in HomePage.subpage_types
