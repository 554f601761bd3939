"""Progress updates: the dated, append-only public history of each recommendation.

An update goes through Wagtail's drafts, revisions and workflows before it is
public. Once it has been published its public fields can no longer be edited:
a mistake is put right with a new update marked as a correction.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from progress.choices import RAG_MEANINGS, RAG_TAG_CLASSES, STATUS_TAG_CLASSES, DeliveryStatus, Rag

# Fields the public sees; once an update has been published they are frozen.
PUBLIC_FIELDS = [
    "recommendation_id",
    "date",
    "narrative",
    "status",
    "status_reason",
    "rag",
    "rag_rationale",
    "percentage",
    "target_date",
    "target_date_reason",
    "next_review_date",
    "reported_by_id",
    "is_correction",
    "corrects_id",
]


class ProgressUpdateQuerySet(models.QuerySet):
    def published(self, as_at=None):
        """Live updates, optionally only those dated on or before `as_at`."""
        updates = self.filter(live=True)
        if as_at is not None:
            updates = updates.filter(date__lte=as_at)
        return updates


class ProgressUpdate(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A dated entry on one recommendation that records where it stood."""

    recommendation = models.ForeignKey("progress.RecommendationPage", on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(help_text="The date this update describes. It cannot be in the future.")
    narrative = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"], help_text="What happened, in plain English."
    )
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices)
    status_reason = models.TextField(blank=True, help_text="Required when the work is paused.")
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices, blank=True)
    rag_rationale = models.TextField("Reason for the RAG rating", blank=True)
    percentage = models.PositiveSmallIntegerField(
        "Percentage complete",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="Leave blank if it has not been assessed. Blank is shown as 'not yet assessed', not 0%.",
    )
    target_date = models.DateField(
        "Current target date", null=True, blank=True, help_text="Leave blank to keep the original target date."
    )
    target_date_reason = models.TextField(
        "Reason for the target date", blank=True, help_text="Required when the target date differs from the original."
    )
    next_review_date = models.DateField(null=True, blank=True)
    reported_by = models.ForeignKey(
        "home.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_updates",
        verbose_name="reporting organisation",
    )
    is_correction = models.BooleanField(
        "This update corrects an earlier one",
        default=False,
        help_text="Published updates cannot be edited. To put a mistake right, add a new update marked as a correction.",
    )
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="corrections",
        verbose_name="update it corrects",
    )

    objects = ProgressUpdateQuerySet.as_manager()

    panels = [
        FieldPanel("recommendation"),
        FieldPanel("date"),
        FieldPanel("narrative"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_reason")], heading="Delivery status"),
        MultiFieldPanel([FieldPanel("rag"), FieldPanel("rag_rationale")], heading="RAG rating"),
        FieldPanel("percentage"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("target_date"), FieldPanel("next_review_date")]),
                FieldPanel("target_date_reason"),
            ],
            heading="Dates",
        ),
        FieldPanel("reported_by"),
        MultiFieldPanel([FieldPanel("is_correction"), FieldPanel("corrects")], heading="Correction"),
        InlinePanel("evidence", label="Evidence", heading="Evidence: documents and links"),
    ]
    search_fields = [index.SearchField("narrative"), index.FilterField("recommendation_id")]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "progress update"
        indexes = [models.Index(fields=["recommendation", "live", "date"], name="progress_update_latest_idx")]

    def __str__(self):
        recommendation = getattr(self, "recommendation", None)
        label = f"{recommendation.reference} " if recommendation else ""
        return f"{label}update of {self.date:%-d %B %Y}" if self.date else f"{label}update"

    # Display helpers used by the templates and exports.
    @property
    def status_tag_class(self):
        return STATUS_TAG_CLASSES.get(self.status, "govuk-tag--grey")

    @property
    def rag_tag_class(self):
        return RAG_TAG_CLASSES.get(self.rag, "")

    @property
    def rag_meaning(self):
        return RAG_MEANINGS.get(self.rag, "")

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = "The date of an update cannot be in the future."
        if self.status == DeliveryStatus.PAUSED and not self.status_reason.strip():
            errors["status_reason"] = "Say why the work is paused."
        if self.rag and not self.rag_rationale.strip():
            errors["rag_rationale"] = "Give the reason for the RAG rating."
        if self.is_correction and self.corrects_id and self.corrects_id == self.pk:
            errors["corrects"] = "An update cannot correct itself."
        if self.corrects_id and not self.is_correction:
            errors["is_correction"] = "Tick this box when the update corrects an earlier one."
        if self.corrects_id and self.recommendation_id and self.corrects.recommendation_id != self.recommendation_id:
            errors["corrects"] = "Choose an update on the same recommendation."
        errors.update(self.append_only_errors())
        if errors:
            raise ValidationError(errors)

    def append_only_errors(self):
        """Refuse any change to the public fields of an update that has been published."""
        if not self.pk:
            return {}
        stored = (
            ProgressUpdate.objects.filter(pk=self.pk, first_published_at__isnull=False).values(*PUBLIC_FIELDS).first()
        )
        if stored is None:
            return {}
        changed = [name for name in PUBLIC_FIELDS if stored[name] != getattr(self, name)]
        if not changed:
            return {}
        message = (
            "This update has been published, so it cannot be changed. "
            "To put something right, add a new update marked as a correction."
        )
        return {name.removesuffix("_id"): message for name in changed}

    @property
    def has_been_published(self):
        return self.first_published_at is not None


class ProgressUpdateEvidence(Orderable):
    """A document or a link that backs up an update."""

    update = ParentalKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=255, help_text="What it is, for example 'Audit report, March 2021'.")
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.URLField("Link", blank=True)

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "evidence"
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.url):
            raise ValidationError("Choose a document or enter a link (one, not both).")

    @property
    def href(self):
        return self.document.url if self.document_id and self.document else self.url
