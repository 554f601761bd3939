"""The tracker's pages: the dashboard and one page per recommendation."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.routing import ChildRouteMixin
from progress.choices import Response, Theme

from .panels import RecommendationUpdatesPanel

REFERENCE_HELP = "A short code that never changes, like R07. Imports and exports match recommendations on it."


class ProgressIndexPage(RoutablePageMixin, ChildRouteMixin, Page):
    """The dashboard at /progress/ and the home of the exports, the feed and 'what changed'."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    recommendations_total = models.PositiveSmallIntegerField(
        default=15,
        help_text="How many recommendations the inquiry made. Used in the headline, for example '6 of 15 delivered'.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("recommendations_total")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["progress.RecommendationPage"]
    child_page_model = "progress.RecommendationPage"
    child_select_related = ("lead_partner",)
    max_count = 1
    template = "pages/progress_index_page.html"

    def recommendations(self):
        from progress.state import recommendations_under

        return recommendations_under(self)

    # The file-like routes end in "/" here because Wagtail only routes paths that do;
    # progress/urls.py maps /progress/export.csv onto them.
    @path("")
    def dashboard(self, request):
        from progress.views import dashboard

        return dashboard(request, self)

    @path("changes/")
    def changes(self, request):
        from progress.views import changes

        return changes(request, self)

    @path("export.csv/")
    def export_csv(self, request):
        from progress.views import export_csv

        return export_csv(request, self)

    @path("actions.csv/")
    def export_actions_csv(self, request):
        from progress.views import export_actions_csv

        return export_actions_csv(request, self)

    @path("export.json/")
    def export_json(self, request):
        from progress.views import export_json

        return export_json(request, self)

    @path("feed/")
    def feed(self, request):
        from progress.feeds import ProgressUpdatesFeed

        return ProgressUpdatesFeed(self)(request)


class RecommendationPageForm(WagtailAdminPageForm):
    """Checks that need the parent page, which a new page's model does not know yet."""

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        siblings = RecommendationPage.objects.child_of(parent).exclude(pk=self.instance.pk)
        number = cleaned_data.get("number")
        if number is not None and siblings.filter(number=number).exists():
            self.add_error("number", f"Recommendation {number} already exists in this tracker.")
        reference = cleaned_data.get("reference")
        if reference and siblings.filter(reference__iexact=reference).exists():
            self.add_error("reference", f"Another recommendation already uses the reference {reference}.")
        return cleaned_data


class RecommendationPage(Page):
    """One of the inquiry's recommendations. Its current position comes from its latest published update."""

    number = models.PositiveSmallIntegerField(help_text="Its number in the inquiry report, 1 to 15.")
    reference = models.CharField(max_length=20, help_text=REFERENCE_HELP)
    summary = models.TextField("Plain-language summary", help_text="What it means, in a sentence or two.")
    original_wording = models.TextField(
        help_text="The recommendation exactly as the inquiry wrote it. Never rewrite it: correct typing errors only."
    )
    theme = models.CharField(max_length=40, choices=Theme.choices)
    response = models.CharField("Partnership's response", max_length=20, choices=Response.choices)
    response_reason = models.TextField(
        "Reason for the response", blank=True, help_text="Required when it was accepted in part or not accepted."
    )
    lead_partner = models.ForeignKey(
        "home.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_recommendations",
        verbose_name="lead partner organisation",
    )
    is_priority = models.BooleanField("Priority", default=False)
    original_target_date = models.DateField(
        null=True,
        blank=True,
        help_text="The first target date set. It cannot be changed once set: record changes in a progress update.",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("reference")]),
        FieldPanel("summary"),
        FieldPanel("original_wording"),
        FieldPanel("theme"),
        MultiFieldPanel([FieldPanel("response"), FieldPanel("response_reason")], heading="Response"),
        FieldPanel("lead_partner"),
        FieldPanel("is_priority"),
        FieldPanel("original_target_date"),
        HelpPanel(
            content="<p>Status, RAG rating, percentage, the current target date and review dates come from the "
            "latest published progress update, so the headline and the history always agree.</p>",
            heading="Current position",
        ),
        RecommendationUpdatesPanel(heading="Progress updates"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("original_wording"),
        index.SearchField("reference"),
        index.FilterField("number"),
    ]

    base_form_class = RecommendationPageForm
    parent_page_types = ["progress.ProgressIndexPage"]
    subpage_types = []
    template = "pages/progress_recommendation_page.html"

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.reference}: {self.title}" if self.reference else self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.response in {Response.ACCEPTED_IN_PART, Response.NOT_ACCEPTED} and not self.response_reason.strip():
            errors["response_reason"] = "Give the reason the recommendation was not fully accepted."
        if self.pk:
            stored = (
                RecommendationPage.objects.filter(pk=self.pk).values_list("original_target_date", flat=True).first()
            )
            if stored and stored != self.original_target_date:
                errors["original_target_date"] = (
                    f"The original target date ({stored:%-d %B %Y}) cannot be changed. "
                    "Record a new target date in a progress update."
                )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from progress.views import recommendation_context

        context = super().get_context(request, *args, **kwargs)
        context.update(recommendation_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("date_problem"):
            response.status_code = 400
        return response
