"""What changed since a date: new updates, status moves and target date changes.

One query reads the published history of every recommendation in order, so
each update can be compared with the one before it.
"""

from dataclasses import dataclass
from datetime import date

from progress.choices import STATUS_TAG_CLASSES, DeliveryStatus
from progress.models import ProgressUpdate, RecommendationPage


@dataclass
class Change:
    update: ProgressUpdate
    previous_status: str
    previous_target: date | None
    target: date | None
    url: str

    @property
    def recommendation(self):
        return self.update.recommendation

    @property
    def status_moved(self):
        return self.previous_status != self.update.status

    @property
    def previous_status_label(self):
        return DeliveryStatus(self.previous_status).label

    @property
    def status_tag_class(self):
        return STATUS_TAG_CLASSES[self.update.status]

    @property
    def target_changed(self):
        return self.previous_target != self.target


def changes_since(index, since, base_url=None):
    """Changes dated on or after `since`, newest first."""
    base_url = base_url if base_url is not None else (index.url or "")
    recommendations = RecommendationPage.objects.live().child_of(index)
    history = (
        ProgressUpdate.objects.published()
        .filter(recommendation__in=recommendations)
        .select_related("recommendation", "reported_by")
        .order_by("recommendation_id", "date", "pk")
    )
    entries = []
    previous = {}
    for update in history:
        recommendation = update.recommendation
        status, target = previous.get(
            recommendation.pk, (DeliveryStatus.NOT_STARTED, recommendation.original_target_date)
        )
        new_target = update.target_date or recommendation.original_target_date
        if update.date >= since:
            url = f"{base_url}{recommendation.slug}/#update-{update.pk}"
            entries.append(Change(update, status, target, new_target, url))
        previous[recommendation.pk] = (update.status, new_target)
    entries.sort(key=lambda entry: (entry.update.date, entry.update.pk), reverse=True)
    return entries
