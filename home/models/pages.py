from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.filters import ServiceFilters
from home.languages import LANGUAGE_RELATIONS, with_title_languages
from home.pagination import page_of

from .snippets import SupportService


class HomePage(Page):
    """The front page: the key message, the helpline and the ways in."""

    key_message = models.CharField(max_length=200, help_text="One sentence that tells visitors what this site is for.")
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("key_message"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("key_message"), index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.GetHelpPage",
        "home.FormPage",
        "progress.ProgressIndexPage",
        "newsletters.NewsletterIndexPage",
        "resources.ResourceIndexPage",
        "schools.SchoolsHubPage",
    ]
    max_count = 1
    template = "pages/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = with_title_languages(self.sections())
        return context

    def sections(self):
        """The live sections in menus, as the "ways in" show them. They are pages, so they are kept
        with the shell's cached values, which saving, moving or deleting a page retires."""
        from home.shell_cache import get_or_compute
        from home.shell_pages import FIELDS

        def rows():
            children = self.get_children().live().in_menu().select_related(*LANGUAGE_RELATIONS)
            return list(children.only(*FIELDS, "search_description"))

        return rows() if self.pk is None else get_or_compute(f"home-sections:{self.pk}", rows)


class StandardPage(Page):
    """An ordinary content page built from the shared body blocks."""

    intro = models.TextField(blank=True, help_text="A short summary shown under the title and in search results.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.FormPage"]
    template = "pages/standard_page.html"


# Enough to scan on a phone; the filters narrow a long directory down.
SERVICES_PER_PAGE = 20


class GetHelpPage(Page):
    """Help now: the helpline and the directory of support services."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True, help_text="Shown below the directory.")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count = 1
    template = "pages/get_help_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ServiceFilters.from_query(request.GET)
        # The matching services' ids first (the count is their number), then only the page's
        # services in full: building every service with its partner cost more than the query.
        matching = list(filters.apply(self.services_in_page_language()).values_list("pk", flat=True))
        page_obj, page_missing = page_of(matching, SERVICES_PER_PAGE, request.GET.get("page"))
        if page_missing:
            filters.problems.append(gettext("That page of results does not exist, so the first page is shown."))
        found = SupportService.objects.select_related("partner", "locale").in_bulk(page_obj.object_list)
        services = [found[pk] for pk in page_obj.object_list if pk in found]
        active = translation.get_language()
        for service in services:
            # A service not translated yet is shown in its original language, marked as such.
            language = service.locale.language_code
            service.shown_in_language = "" if language == active else language
        context["filters"] = filters
        context["services"] = services
        context["page_obj"] = page_obj
        context["service_summary"] = filters.summary(len(matching))
        return context

    def services_in_page_language(self):
        """Services in this page's locale, and those not translated into it yet in the default language,
        so that nobody misses a service because its translation is not ready."""
        translated = SupportService.objects.filter(locale_id=self.locale_id).values("translation_key")
        return SupportService.objects.filter(
            Q(locale_id=self.locale_id)
            | Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(translation_key__in=translated)
        ).select_related("partner", "locale")
