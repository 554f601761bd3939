"""The Healthy Schools hub and the briefings only approved school staff may read."""

from django.db import models
from django.utils.cache import patch_cache_control
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from schools.access import can_view_professional, staff_status_for

INTRO_FEATURES = ["bold", "italic", "link"]


class SchoolsHubPage(Page):
    """The Healthy Schools hub at /schools/: the programme, featured resources, modules, sessions."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True, help_text="What the Healthy Schools programme offers.")
    body = StreamField(BodyBlock(), blank=True, help_text="More about the programme, shown below the introduction.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "featured_resources",
            label="Featured resource",
            heading="Featured resources",
            help_text="Resources to show first on the hub. Leave empty to show the newest resources.",
            max_num=6,
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "schools.ELearningIndexPage",
        "schools.BriefingPage",
        "schools.SessionRequestPage",
    ]
    max_count = 1
    template = "pages/schools_hub_page.html"

    class Meta:
        verbose_name = "Healthy Schools hub"

    def get_context(self, request, *args, **kwargs):
        from schools.hub import hub_context

        context = super().get_context(request, *args, **kwargs)
        context.update(hub_context(self, request))
        return context


class HubFeaturedResource(Orderable):
    """A resource chosen by an editor to show first on the hub."""

    page = ParentalKey(SchoolsHubPage, on_delete=models.CASCADE, related_name="featured_resources")
    resource = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("resource", page_type="resources.ResourcePage")]


class BriefingPage(Page):
    """A briefing for school staff, for example from the police. Only approved staff see its content.

    Everybody else sees the title, the public summary and how to get access. Its
    documents are protected too (see `schools.access.document_is_professional`).
    """

    summary = models.CharField(
        max_length=300,
        help_text="Shown to everyone, including people who are not signed in. Do not include anything sensitive.",
    )
    issued_by = models.ForeignKey(
        "home.PartnerOrganisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_on = models.DateField(null=True, blank=True)
    review_by = models.DateField(null=True, blank=True, help_text="When this briefing should be checked again.")
    body = StreamField(BodyBlock(), blank=True, help_text="Only approved school staff can see this.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("issued_by"), FieldPanel("issued_on"), FieldPanel("review_by")], heading="About this briefing"
        ),
        FieldPanel("body"),
    ]
    # Only what everyone may see is indexed: a search must not reveal what a briefing says.
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["schools.SchoolsHubPage"]
    subpage_types = []
    template = "pages/schools_briefing_page.html"

    class Meta:
        verbose_name = "briefing for school staff"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["can_view"] = can_view_professional(request.user)
        context["staff_status"] = staff_status_for(request.user)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The same URL shows different things to different people: never cache it in shared caches.
        patch_cache_control(response, private=True, no_store=True)
        return response
