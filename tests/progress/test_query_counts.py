"""Query counts of every public tracker URL are pinned, and do not grow with ten times the updates."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from progress.models import ProgressUpdate, ProgressUpdateEvidence, RecommendationPage
from tests.progress.test_demo import seed_progress

pytestmark = pytest.mark.django_db

# Most of each count is Wagtail's routing, site settings and the page shell; the tracker's
# own data costs a fixed handful of queries (see progress/state.py).
PINNED = {
    "/progress/": 3,
    "/progress/?status=in-progress&lead=council&priority=1&theme=training&sort=-rag": 3,
    "/progress/?as_at=2018-06-30": 3,
    "/progress/?as_at=2019-02-30": 3,
    "/progress/recommendation-2/": 5,
    "/progress/recommendation-13/?as_at=2019-01-01": 5,
    "/progress/changes/?since=2014-01-01": 3,
    "/progress/export.csv": 8,
    "/progress/export.json?as_at=2020-01-01": 10,
    "/progress/actions.csv": 7,
    "/progress/feed/": 3,
}


def add_updates(times):
    """`times` more published updates per demo update (with evidence), written in bulk."""
    stamp = timezone.now()
    new = []
    for page in RecommendationPage.objects.all():
        for n in range(times * page.updates.count()):
            new.append(
                ProgressUpdate(
                    recommendation=page, date=date(2014, 6, 1) + timedelta(days=n * 7), status="in-progress",
                    narrative="<p>More progress.</p>", percentage=n % 100, live=True,
                    first_published_at=stamp, last_published_at=stamp,
                )
            )  # fmt: skip
    ProgressUpdate.objects.bulk_create(new)
    ProgressUpdateEvidence.objects.bulk_create(
        ProgressUpdateEvidence(update=update, title="Minutes", url="https://example.org/m", sort_order=0)
        for update in ProgressUpdate.objects.filter(first_published_at=stamp)
    )


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in {200, 400}, url
    return len(queries), queries


@pytest.fixture
def demo(db):
    return seed_progress()


def test_query_counts_do_not_grow_with_ten_times_the_updates(client, demo):
    for url in PINNED:
        client.get(url)  # the first request fills per-process caches
    few = {url: count(client, url)[0] for url in PINNED}
    before = ProgressUpdate.objects.count()
    add_updates(9)
    assert ProgressUpdate.objects.count() >= 10 * before
    many = {url: count(client, url)[0] for url in PINNED}
    assert many == few
    assert many == PINNED
