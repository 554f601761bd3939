"""The public archive at /newsletters/ and one page per newsletter."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.page_queries import public
from home.pagination import page_of
from home.routing import ChildRouteMixin
from newsletters.blocks import NewsletterBlock

ARCHIVE_PAGE_SIZE = 10
# What the archive's card shows of a newsletter (templates/components/newsletters_list.html), and its URL:
# not the body, the largest field.
CARD_FIELDS = ("title", "slug", "url_path", "date", "summary", "locale_id", "depth", "path")


# Addresses under /newsletters/ that belong to the subscription pages and the feed.
RESERVED_SLUGS = {"feed", "subscribe", "preferences", "unsubscribe", "email-events"}


def archive_cards(newsletters, archive_url):
    """Each newsletter with its address and its topics' names, in one query for the topics.

    A newsletter's address is its archive's plus its slug (they are the archive's children),
    so no URL lookup is made per card."""
    newsletters = list(newsletters)
    if not newsletters:
        return []
    topic_names = {}
    links = (
        NewsletterPage.topics.through.objects.filter(
            newsletterpage_id__in=[newsletter.pk for newsletter in newsletters]
        )
        .order_by("topic__sort_order", "topic__name")
        .values_list("newsletterpage_id", "topic__name")
    )
    for newsletter_id, name in links:
        topic_names.setdefault(newsletter_id, []).append(name)
    return [
        {"page": newsletter, "url": f"{archive_url}{newsletter.slug}/", "topics": topic_names.get(newsletter.pk, [])}
        for newsletter in newsletters
    ]


class NewsletterIndexPage(RoutablePageMixin, ChildRouteMixin, Page):
    """The archive of every newsletter, newest first, filterable by topic and year; also serves the Atom feed."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletters.NewsletterPage"]
    child_page_model = "newsletters.NewsletterPage"
    max_count = 1
    template = "pages/newsletters_index_page.html"

    def newsletters(self):
        return public(NewsletterPage.objects.child_of(self).live()).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        from newsletters.filters import ArchiveFilters

        context = super().get_context(request, *args, **kwargs)
        newsletters = self.newsletters()
        filters = ArchiveFilters.from_query(request.GET, newsletters, cache_name=f"newsletter-filters:{self.pk}")
        listed = filters.apply(newsletters).only(*CARD_FIELDS)
        page_obj, page_missing = page_of(listed, ARCHIVE_PAGE_SIZE, request.GET.get("page"))
        if page_missing:
            filters.problems.append(gettext("That page of results does not exist, so the first page is shown."))
        archive_url = self.get_url(request=request) or ""
        context.update(
            filters=filters,
            page_obj=page_obj,
            cards=archive_cards(page_obj.object_list, archive_url),
            newsletter_count=page_obj.paginator.count,
            feed_url=archive_url + self.reverse_subpage("feed"),
        )
        return context

    @path("")
    def archive(self, request):
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        from newsletters.feeds import NewsletterFeed

        return NewsletterFeed(self)(request)


class NewsletterPage(Page):
    """One newsletter: read on the web, and sent by email to the subscribers of its topics."""

    date = models.DateField("Newsletter date", default=datetime.date.today)
    summary = models.TextField(
        max_length=400, help_text="Two or three sentences for the archive, the feed and the top of the email."
    )
    topics = ParentalManyToManyField(
        "newsletters.Topic", related_name="newsletters", help_text="Who it goes to: subscribers to these topics."
    )
    body = StreamField(NewsletterBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types = []
    template = "pages/newsletters_newsletter_page.html"

    class Meta:
        verbose_name = "newsletter"

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": f"The address '{self.slug}' is used by the subscription pages. Choose another."}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = list(self.topics.all())
        archive = self.get_parent()
        context["archive"] = archive
        context["feed_url"] = f"{archive.get_url(request=request)}feed/"
        return context
