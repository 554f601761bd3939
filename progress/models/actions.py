"""Priority actions: the refreshed action plan, where one action may serve several recommendations."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from progress.choices import ACTION_TAG_CLASSES, ActionStatus


class PriorityAction(index.Indexed, models.Model):
    """A combined action in the refreshed plan, linked to every recommendation it serves."""

    reference = models.CharField(
        max_length=20, unique=True, help_text="A short code that never changes, like A03. Imports match on it."
    )
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        "home.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="priority_actions",
        verbose_name="owner organisation",
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    is_priority = models.BooleanField("Priority", default=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False)
    recommendations = models.ManyToManyField(
        "progress.RecommendationPage", related_name="actions", help_text="Every recommendation this action serves."
    )

    panels = [
        FieldRowPanel([FieldPanel("reference"), FieldPanel("is_priority")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("owner"),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("status")]),
        FieldPanel("recommendations"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("description"), index.SearchField("reference")]

    class Meta:
        ordering = ["reference"]
        verbose_name = "priority action"
        permissions = [("import_progress", "Can import recommendations and actions from a CSV file")]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    @property
    def status_tag_class(self):
        return ACTION_TAG_CLASSES.get(self.status, "govuk-tag--grey")
