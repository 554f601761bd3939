"""The demo tracker: 15 recommendations, combined actions and a long, valid history."""

from datetime import date

import pytest

from progress.models import PriorityAction, ProgressUpdate, RecommendationPage
from progress.summary import current_summary

pytestmark = pytest.mark.django_db


def seed_progress():
    """The home demo (which the tracker builds on) and then the tracker, as seed_demo runs them."""
    from home import demo as home_demo
    from progress import demo as progress_demo

    return progress_demo.seed(home_demo.seed())


@pytest.fixture
def seeded(db):
    return seed_progress()


def test_demo_has_fifteen_recommendations_actions_and_fifty_updates(seeded, client):
    assert RecommendationPage.objects.live().count() == 15
    assert list(RecommendationPage.objects.values_list("slug", flat=True)) == [
        f"recommendation-{n}" for n in range(1, 16)
    ]
    assert 7 <= PriorityAction.objects.count() <= 9
    assert any(action.recommendations.count() > 1 for action in PriorityAction.objects.all())
    updates = ProgressUpdate.objects.published()
    assert 45 <= updates.count() <= 60
    dates = sorted(updates.values_list("date", flat=True))
    assert dates[0].year == 2014 and dates[-1].year >= 2025
    assert updates.filter(is_correction=True, corrects__isnull=False).exists()
    assert current_summary().headline == "6 of 15 delivered"
    assert "6 of 15 delivered" in client.get("/progress/").content.decode()


def test_demo_updates_pass_the_editors_validation(seeded):
    for update in ProgressUpdate.objects.all():
        update.full_clean()
    for page in RecommendationPage.objects.all():
        page.full_clean()


def test_demo_shows_a_different_position_in_the_past(seeded, client):
    assert current_summary(as_at=date(2015, 1, 1)).headline == "0 of 15 delivered"
    html = client.get("/progress/?as_at=2016-12-31").content.decode()
    assert "This shows the position on 31 December 2016" in html
    assert "5 of 15 delivered" in html


def test_demo_seed_is_idempotent(seeded):
    counts = (RecommendationPage.objects.count(), PriorityAction.objects.count(), ProgressUpdate.objects.count())
    seed_progress()
    assert (
        RecommendationPage.objects.count(),
        PriorityAction.objects.count(),
        ProgressUpdate.objects.count(),
    ) == counts
