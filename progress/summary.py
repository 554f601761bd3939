"""The tracker in one sentence and a few numbers, for the dashboard, the home page and newsletters.

Contract (relied on by the newsletters app's progress summary block):
`current_summary(as_at=None)` returns a `ProgressSummary` with
- `total`: the number of recommendations (the tracker's stated total, or the number on the site if larger),
- `delivered`: how many are delivered or delivered and embedded,
- `headline`: for example "6 of 15 delivered",
- `status_counts`: a list of (status value, label, count) in the fixed order of `DeliveryStatus`,
- `updated`: the date of the latest published update counted (None if there is none),
- `as_at`: the date asked for (None for today), and `url`: the dashboard's path (or "").
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext

from home.shell_cache import get_or_compute
from progress.choices import DELIVERED_STATUSES, DeliveryStatus


@dataclass
class ProgressSummary:
    total: int = 0
    delivered: int = 0
    status_counts: list[tuple[str, str, int]] = field(default_factory=list)
    updated: date | None = None
    as_at: date | None = None
    url: str = ""

    @property
    def headline(self):
        return gettext("%(delivered)s of %(total)s delivered") % {"delivered": self.delivered, "total": self.total}

    @property
    def has_content(self):
        return self.total > 0


def summarise(states, total=None, as_at=None, url=""):
    """Build a summary from RecommendationStates already loaded (no further queries)."""
    return summarise_positions([(state.status, state.last_reviewed) for state in states], total, as_at, url)


def summarise_positions(positions, total=None, as_at=None, url=""):
    """Build a summary from (status, date of the latest update) pairs, one per recommendation."""
    counts = dict.fromkeys(DeliveryStatus.values, 0)
    for status, _updated in positions:
        counts[status] += 1
    dates = [updated for _status, updated in positions if updated]
    return ProgressSummary(
        total=max(total or 0, len(positions)),
        delivered=sum(1 for status, _updated in positions if status in DELIVERED_STATUSES),
        status_counts=[(value, label, counts[value]) for value, label in DeliveryStatus.choices],
        updated=max(dates) if dates else None,
        as_at=as_at,
        url=url,
    )


def current_summary(as_at=None):
    """The summary of the site's tracker as it stood on `as_at` (default: today). Two queries;
    today's is kept with the shell's cached values (home.shell_cache), which any change retires."""
    if as_at is None:
        return get_or_compute("progress-summary", _summary)
    return _summary(as_at)


def _summary(as_at=None):
    from progress.state import get_tracker, latest_positions

    tracker = get_tracker()
    if tracker is None:
        return ProgressSummary(status_counts=[(value, label, 0) for value, label in DeliveryStatus.choices])
    positions = latest_positions(tracker, as_at=as_at)
    return summarise_positions(positions, total=tracker.recommendations_total, as_at=as_at, url=tracker.url or "")
