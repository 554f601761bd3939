"""The library page and the resource pages under it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.cache import patch_cache_control, patch_vary_headers
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.routing import ChildRouteMixin
from home.templatetags.site_tags import document_description
from resources.access import access_routes, can_view_professional
from resources.blocks import ExternalLinksBlock, ResourceBodyBlock
from resources.choices import AUDIENCE_FIELDS, LANGUAGE_CHOICES, LANGUAGE_NAMES, Audience
from resources.collections import PROFESSIONAL_COLLECTION_NAME, is_professional_collection


def in_locale(snippets, locale_id):
    """The snippets in the page's language where translated, else as they are.

    wagtail-localize copies a page's many-to-many values unchanged into a translation, so a translated
    resource still points at the original key stages and topics: look up their translations (one query,
    and none at all on a page in the original language).
    """
    snippets = list(snippets)
    foreign = [snippet.translation_key for snippet in snippets if snippet.locale_id != locale_id]
    if not foreign:
        return snippets
    model = type(snippets[0])
    translated = {
        item.translation_key: item for item in model.objects.filter(translation_key__in=foreign, locale_id=locale_id)
    }
    return [translated.get(snippet.translation_key, snippet) for snippet in snippets]


class ResourceIndexPage(ChildRouteMixin, Page):
    """The library at /resources/: every resource, with filters, search and counts."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    child_page_model = "resources.ResourcePage"
    max_count = 1
    template = "pages/resources_index_page.html"

    class Meta:
        verbose_name = "resource library"

    def get_context(self, request, *args, **kwargs):
        from resources.library import Library

        context = super().get_context(request, *args, **kwargs)
        context["library"] = Library(self, request)
        return context


class ResourcePageForm(WagtailAdminPageForm):
    """Keeps professional-only files in the restricted collection, and public files out of it."""

    def clean(self):
        cleaned = super().clean()
        professional = cleaned.get("professional_only")
        formset = self.formsets.get("attachments")
        # The page form is cleaned before its formsets; validate the files first so their choices are known.
        if formset is None or not formset.is_bound or not formset.is_valid():
            return cleaned
        for form in formset.forms:
            document = form.cleaned_data.get("document")
            if document is None or form.cleaned_data.get("DELETE"):
                continue
            restricted = is_professional_collection(document.collection)
            if professional and not restricted:
                form.add_error(
                    "document",
                    f"Move this file into the '{PROFESSIONAL_COLLECTION_NAME}' collection first, "
                    "so only approved school staff can download it.",
                )
            elif not professional and restricted:
                form.add_error(
                    "document",
                    f"This file is in the '{PROFESSIONAL_COLLECTION_NAME}' collection, so the public could "
                    "not download it. Tick 'Professional only' or choose a public file.",
                )
        return cleaned


class ResourcePage(RoutablePageMixin, Page):
    """One resource: what it is, who it is for, and its files and links."""

    summary = models.TextField(
        max_length=400, help_text="One or two sentences shown in the library and to people without access."
    )
    body = StreamField(ResourceBodyBlock(), blank=True, help_text="How to use the resource. Hidden when restricted.")
    external_links = StreamField(
        ExternalLinksBlock(), blank=True, help_text="Material on other websites: link to it, do not upload a copy."
    )
    key_stages = ParentalManyToManyField("resources.KeyStage", blank=True, related_name="resources")
    topics = ParentalManyToManyField("resources.ResourceTopic", blank=True, related_name="resources")
    formats = ParentalManyToManyField("resources.ResourceFormat", blank=True, related_name="resources")
    for_pupils = models.BooleanField(Audience.PUPILS.label, default=False)
    for_teachers = models.BooleanField(Audience.TEACHERS.label, default=True)
    for_parents = models.BooleanField(Audience.PARENTS.label, default=False)
    professional_only = models.BooleanField(
        "Professional only",
        default=False,
        help_text="Only approved school staff see the content and files. Everyone else sees the title, "
        "the summary and how to get access.",
    )
    featured = models.BooleanField(default=False, help_text="Show on the Healthy Schools hub.")
    quality_note = models.CharField(
        max_length=255, blank=True, help_text="For example, an external quality mark the resource holds."
    )
    last_reviewed = models.DateField(null=True, blank=True)
    next_review = models.DateField("Next review due", null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", heading="Files", label="File"),
        FieldPanel("external_links"),
        MultiFieldPanel(
            [
                FieldPanel("key_stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("formats", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Key stages, topics and formats",
        ),
        MultiFieldPanel(
            [FieldPanel("for_pupils"), FieldPanel("for_teachers"), FieldPanel("for_parents")],
            heading="Who it is for",
        ),
        InlinePanel("languages", heading="Languages", label="Language"),
        MultiFieldPanel(
            [
                FieldPanel("professional_only"),
                FieldPanel("featured"),
                FieldPanel("quality_note"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review")]),
            ],
            heading="Access and quality",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("searchable_body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("professional_only"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    base_form_class = ResourcePageForm
    template = "pages/resources_resource_page.html"

    class Meta:
        verbose_name = "resource"

    def clean(self):
        super().clean()
        if self.last_reviewed and self.next_review and self.next_review <= self.last_reviewed:
            raise ValidationError({"next_review": "The next review must be after the last review."})

    def searchable_body(self):
        """Restricted text stays out of the search index, so a search cannot reveal what it says."""
        if self.professional_only:
            return ""
        return " ".join(self.body.stream_block.get_searchable_content(self.body))

    @property
    def audiences(self):
        return [audience.label for audience in Audience if getattr(self, AUDIENCE_FIELDS[audience])]

    def can_be_viewed_by(self, user):
        return not self.professional_only or can_view_professional(user)

    def download_url(self, document_id, request=None):
        """The counting download link for one of this resource's files."""
        return self.get_url(request=request) + self.reverse_subpage("download", kwargs={"document_id": document_id})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        can_view = self.can_be_viewed_by(request.user)
        context["can_view"] = can_view
        context["key_stage_list"] = in_locale(self.key_stages.all(), self.locale_id)
        context["topic_list"] = in_locale(self.topics.all(), self.locale_id)
        context["format_list"] = in_locale(self.formats.all(), self.locale_id)
        context["language_names"] = [
            LANGUAGE_NAMES.get(language.code, language.code) for language in self.languages.all()
        ]
        if can_view:
            context["attachment_list"] = [
                {
                    "title": attachment.title or attachment.document.title,
                    "url": self.download_url(attachment.document_id, request),
                    "description": document_description(attachment.document),
                }
                for attachment in self.attachments.select_related("document")
            ]
        else:
            context["access"] = access_routes(request.user)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.professional_only:
            # What a restricted page shows depends on who asks: never cache it for others.
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response

    @path("download/<int:document_id>/", name="download")
    def download(self, request, document_id):
        from resources.downloads import serve_download

        return serve_download(request, self, document_id)


class ResourceAttachment(Orderable):
    """A file of a resource, downloaded through the resource's counting link."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=150, blank=True, help_text="Leave blank to use the document's own title.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "file"


class ResourceLanguage(Orderable):
    """A language the resource's material is available in (not necessarily a language of this site)."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField("Language", max_length=12, choices=LANGUAGE_CHOICES)

    panels = [FieldPanel("code")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "code")]

    def __str__(self):
        return LANGUAGE_NAMES.get(self.code, self.code)
