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

from progress.choices import DeliveryStatus


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
    counts = dict.fromkeys(DeliveryStatus.values, 0)
    for state in states:
        counts[state.status] += 1
    dates = [state.last_reviewed for state in states if state.last_reviewed]
    return ProgressSummary(
        total=max(total or 0, len(states)),
        delivered=sum(1 for state in states if state.is_delivered),
        status_counts=[(value, label, counts[value]) for value, label in DeliveryStatus.choices],
        updated=max(dates) if dates else None,
        as_at=as_at,
        url=url,
    )


def current_summary(as_at=None):
    """The summary of the site's tracker as it stood on `as_at` (default: today). Five queries at most."""
    from progress.state import get_tracker, recommendations_under, states_for

    tracker = get_tracker()
    if tracker is None:
        return ProgressSummary(status_counts=[(value, label, 0) for value, label in DeliveryStatus.choices])
    states = states_for(recommendations_under(tracker), as_at=as_at)
    return summarise(states, total=tracker.recommendations_total, as_at=as_at, url=tracker.url or "")
