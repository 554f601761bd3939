"""A small tracker with hand-computable history, shared by the progress tests."""

from datetime import date

import pytest

from tests.factories import (
    PartnerOrganisationFactory,
    PriorityActionFactory,
    ProgressIndexPageFactory,
    ProgressUpdateFactory,
    RecommendationPageFactory,
)


@pytest.fixture
def tracker(home_page):
    return ProgressIndexPageFactory(parent=home_page, recommendations_total=3)


@pytest.fixture
def partners(db):
    return {
        "council": PartnerOrganisationFactory(name="Northfield Council", short_name="Council"),
        "police": PartnerOrganisationFactory(name="Northfield Police", short_name="Police"),
    }


@pytest.fixture
def history(tracker, partners):
    """Three recommendations with a known history.

    R01 (council, target 2016-03-31): in progress 2015-01-10 (40%), delivered 2017-06-01 (target moved to 2017-06-30).
    R02 (police, priority action): in progress 2016-02-01 (percentage blank), paused 2019-05-05,
        correction of the pause 2019-05-20 (back to in progress, 50%).
    R03 (no lead): no updates; an unpublished draft dated 2020-01-01 says delivered.
    """
    r1 = RecommendationPageFactory(
        parent=tracker,
        number=1,
        title="Assess risk well",
        theme="risk-assessment",
        lead_partner=partners["council"],
        original_target_date=date(2016, 3, 31),
    )
    r2 = RecommendationPageFactory(
        parent=tracker,
        number=2,
        title="Listen to young people",
        theme="voice-of-young-people",
        lead_partner=partners["police"],
    )
    r3 = RecommendationPageFactory(parent=tracker, number=3, title="Train all staff", theme="training")
    updates = {
        "r1a": ProgressUpdateFactory(
            recommendation=r1,
            date=date(2015, 1, 10),
            status="in-progress",
            percentage=40,
            rag="amber",
            rag_rationale="Slow start.",
            reported_by=partners["council"],
        ),
        "r1b": ProgressUpdateFactory(
            recommendation=r1,
            date=date(2017, 6, 1),
            status="delivered",
            percentage=100,
            rag="green",
            rag_rationale="Done.",
            target_date=date(2017, 6, 30),
            target_date_reason="Consultation took longer.",
        ),
        "r2a": ProgressUpdateFactory(recommendation=r2, date=date(2016, 2, 1), status="in-progress"),
        "r2b": ProgressUpdateFactory(
            recommendation=r2,
            date=date(2019, 5, 5),
            status="paused",
            status_reason="Waiting for funding.",
            percentage=30,
        ),
    }
    updates["r2c"] = ProgressUpdateFactory(
        recommendation=r2,
        date=date(2019, 5, 20),
        status="in-progress",
        percentage=50,
        is_correction=True,
        corrects=updates["r2b"],
        narrative="<p>The pause was recorded in error.</p>",
    )
    updates["draft"] = ProgressUpdateFactory(
        recommendation=r3, date=date(2020, 1, 1), status="delivered", publish=False
    )
    action = PriorityActionFactory(reference="A01", title="Joint plan", is_priority=True, recommendations=[r2])
    shared = PriorityActionFactory(reference="A02", title="Shared training", recommendations=[r1, r3])
    return {"r1": r1, "r2": r2, "r3": r3, "updates": updates, "actions": [action, shared], "tracker": tracker}
