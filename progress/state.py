"""Where each recommendation stands, derived from its latest published update.

The headline, the dashboard, the exports and the newsletter summary all come
from here, so they can never disagree with the published history. A fixed
number of queries serves any number of updates: one subquery picks the latest
published update per recommendation, and one more query loads those updates.
"""

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from home.models import PartnerOrganisation
from home.shell_cache import get_or_compute
from progress.choices import (
    DELIVERED_STATUSES,
    RAG_MEANINGS,
    RAG_TAG_CLASSES,
    STATUS_TAG_CLASSES,
    DeliveryStatus,
    Rag,
)
from progress.models import PriorityAction, ProgressIndexPage, ProgressUpdate, RecommendationPage
from progress.models.updates import PUBLIC_FIELDS

NOT_ASSESSED = _("Not yet assessed")


@dataclass
class RecommendationState:
    """A recommendation and the update that sets its position (None before the first update)."""

    recommendation: RecommendationPage
    update: "ProgressUpdate | UpdateRow | None"

    @property
    def status(self):
        return self.update.status if self.update else DeliveryStatus.NOT_STARTED

    @property
    def status_label(self):
        return DeliveryStatus(self.status).label

    @property
    def status_tag_class(self):
        return STATUS_TAG_CLASSES[self.status]

    @property
    def status_reason(self):
        return self.update.status_reason if self.update else ""

    @property
    def is_delivered(self):
        return self.status in DELIVERED_STATUSES

    @property
    def rag(self):
        return self.update.rag if self.update else ""

    @property
    def rag_label(self):
        return Rag(self.rag).label if self.rag else _("Not rated")

    @property
    def rag_meaning(self):
        return RAG_MEANINGS.get(self.rag, "")

    @property
    def rag_tag_class(self):
        return RAG_TAG_CLASSES.get(self.rag, "govuk-tag--grey")

    @property
    def rag_rationale(self):
        return self.update.rag_rationale if self.update else ""

    @property
    def percentage(self):
        """An int, or None when not yet assessed (never treated as 0)."""
        return self.update.percentage if self.update else None

    @property
    def percentage_label(self):
        return NOT_ASSESSED if self.percentage is None else f"{self.percentage}%"

    @property
    def target_date(self):
        if self.update and self.update.target_date:
            return self.update.target_date
        return self.recommendation.original_target_date

    @property
    def target_date_changed(self):
        original = self.recommendation.original_target_date
        return bool(original and self.target_date and self.target_date != original)

    @property
    def target_date_reason(self):
        return self.update.target_date_reason if self.update and self.target_date_changed else ""

    @property
    def last_reviewed(self):
        return self.update.date if self.update else None

    @property
    def next_review(self):
        return self.update.next_review_date if self.update else None

    @property
    def is_priority(self):
        return self.recommendation.is_priority or getattr(self.recommendation, "has_priority_action", False)

    @property
    def lead(self):
        return self.recommendation.lead_partner


def get_tracker():
    """The live progress index page, or None when the site has no tracker yet."""
    return ProgressIndexPage.objects.live().first()


def live_recommendations(index):
    """Live recommendations of a tracker, in number order, each flagged when a priority action covers it."""
    priority_actions = PriorityAction.objects.filter(recommendations=OuterRef("pk"), is_priority=True)
    return (
        RecommendationPage.objects.live()
        .child_of(index)
        .annotate(has_priority_action=Exists(priority_actions))
        .order_by("number")
    )


def recommendations_under(index):
    """Live recommendations of a tracker, in number order, with their lead partner and priority flag."""
    return live_recommendations(index).select_related("lead_partner")


def latest_update(as_at: date | None = None):
    """Each recommendation's latest published update on ``as_at`` (default: today), for a subquery."""
    return ProgressUpdate.objects.published(as_at=as_at).filter(recommendation=OuterRef("pk")).order_by("-date", "-pk")


def states_for(recommendations, as_at: date | None = None):
    """A RecommendationState per recommendation, as the published history stood on `as_at` (default: today)."""
    latest = latest_update(as_at).values("pk")[:1]
    recommendations = list(recommendations.annotate(latest_update_pk=Subquery(latest)))
    update_ids = [r.latest_update_pk for r in recommendations if r.latest_update_pk]
    updates = ProgressUpdate.objects.select_related("reported_by").in_bulk(update_ids) if update_ids else {}
    return [RecommendationState(r, updates.get(r.latest_update_pk)) for r in recommendations]


@dataclass(slots=True)
class RecommendationRow:
    """What the dashboard's table, its filters and the summaries read of a recommendation.

    Building a page object costs about 0.1 ms (a Page subclass has some 40 fields
    and a cluster of relations); a tracker of 150 recommendations took 15 ms
    before any update was read. These rows come from one ``values()`` query.
    """

    pk: int
    number: int
    reference: str
    slug: str
    title: str
    theme: str
    is_priority: bool
    original_target_date: date | None
    has_priority_action: bool
    lead_partner: PartnerOrganisation | None


# RecommendationRow's fields before has_priority_action, in its order: rows are built from tuples.
ROW_FIELDS = ("pk", "number", "reference", "slug", "title", "theme", "is_priority", "original_target_date")
PARTNER_FIELDS = tuple(field.attname for field in PartnerOrganisation._meta.concrete_fields)
# What RecommendationState reads of an update: its public fields but the narrative and the
# bookkeeping of who reported it and what it corrects, which the table and summaries never show.
UPDATE_FIELDS = tuple(
    name for name in PUBLIC_FIELDS if name not in {"narrative", "reported_by_id", "is_correction", "corrects_id"}
)


class UpdateRow(SimpleNamespace):
    """The fields of an update a state reads (UPDATE_FIELDS), without building a model instance:
    a ProgressUpdate is a ClusterableModel, and 150 of them took 8 ms to build."""


def table_states(index, as_at: date | None = None):
    """Like ``states_for(recommendations_under(index))``, as rows instead of pages: two queries."""
    latest = latest_update(as_at).values("pk")[:1]
    columns = (*ROW_FIELDS, "has_priority_action", "latest_update_pk", *(f"lead_partner__{f}" for f in PARTNER_FIELDS))
    values = live_recommendations(index).annotate(latest_update_pk=Subquery(latest)).values_list(*columns)
    row_size = len(ROW_FIELDS)
    partners = {}
    rows = []
    for value in values:
        partner_values = value[row_size + 2 :]
        partner_id = partner_values[0]  # PARTNER_FIELDS starts with "id"
        if partner_id is not None and partner_id not in partners:
            partners[partner_id] = PartnerOrganisation.from_db("default", PARTNER_FIELDS, partner_values)
        row = RecommendationRow(*value[: row_size + 1], lead_partner=partners.get(partner_id))
        rows.append((row, value[row_size + 1]))
    update_ids = [pk for _row, pk in rows if pk]
    updates = {}
    if update_ids:
        for value in ProgressUpdate.objects.filter(pk__in=update_ids).values("pk", *UPDATE_FIELDS):
            updates[value["pk"]] = UpdateRow(**value)
    return [RecommendationState(row, updates.get(pk)) for row, pk in rows]


def current_table_states(index, as_at: date | None = None):
    """``table_states(index, as_at)``; today's are kept with the shell's cached values (home.shell_cache):
    building them is most of the dashboard's time, and saving any update, action, partner or page
    retires them. A past date is read afresh (visitors choose it, so there is no end to them)."""
    if as_at is not None or index.pk is None:
        return table_states(index, as_at)
    return get_or_compute(f"table-states:{index.pk}", lambda: table_states(index))


def latest_positions(index, as_at: date | None = None):
    """(status, date) of each live recommendation's latest published update on ``as_at``, in one query:
    all a summary needs. A recommendation with no update yet is not started."""
    latest = latest_update(as_at)
    rows = (
        RecommendationPage.objects.live()
        .child_of(index)
        .annotate(latest_status=Subquery(latest.values("status")[:1]), latest_date=Subquery(latest.values("date")[:1]))
        .values_list("latest_status", "latest_date")
    )
    return [(status or DeliveryStatus.NOT_STARTED, updated) for status, updated in rows]
