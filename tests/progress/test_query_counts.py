"""Query counts of every public tracker URL are pinned, and do not grow with ten times the updates."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.shell_cache import retire_all
from progress.models import ProgressUpdate, ProgressUpdateEvidence, RecommendationPage
from tests.progress.test_demo import seed_progress

pytestmark = pytest.mark.django_db

# With the shell's values cached (the site, settings, navigation, routes; home.shell_cache) a page
# costs its routing query and the tracker's own data. Today's dashboard, a recommendation's history
# and the summary are kept with those values too, so they cost nothing until a change retires them;
# a past date (?as_at=) is read afresh. COLD is the same request just after a change retired
# everything: the whole shell and the tracker's data, still a fixed number of queries.
PINNED = {
    "/progress/": 1,
    "/progress/?status=in-progress&lead=council&priority=1&theme=training&sort=-rag": 1,
    "/progress/?as_at=2018-06-30": 3,
    "/progress/?as_at=2019-02-30": 1,
    "/progress/recommendation-2/": 1,
    "/progress/recommendation-13/?as_at=2019-01-01": 5,
    "/progress/changes/?since=2014-01-01": 3,
    "/progress/export.csv": 8,
    "/progress/export.json?as_at=2020-01-01": 10,
    "/progress/actions.csv": 7,
    "/progress/feed/": 3,
}
COLD = {"/progress/": 10, "/progress/recommendation-2/": 12}


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


def cold_counts(client):
    counts = {}
    for url in COLD:
        retire_all()
        counts[url] = count(client, url)[0]
    return counts


def test_query_counts_do_not_grow_with_ten_times_the_updates(client, demo):
    for url in PINNED:
        client.get(url)  # the first request fills per-process caches
    few = {url: count(client, url)[0] for url in PINNED}
    cold_few = cold_counts(client)
    before = ProgressUpdate.objects.count()
    add_updates(9)  # written in bulk, which sends no signal: retire the cached values as a save would
    retire_all()
    assert ProgressUpdate.objects.count() >= 10 * before
    for url in PINNED:
        client.get(url)
    many = {url: count(client, url)[0] for url in PINNED}
    assert many == few
    assert many == PINNED
    assert cold_counts(client) == cold_few == COLD
