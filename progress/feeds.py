"""Atom feed of published progress updates, built with Django's syndication framework."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from wagtail.rich_text import expand_db_html

from progress.models import ProgressUpdate, RecommendationPage

FEED_LENGTH = 50


class ProgressUpdatesFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.base_url = index.url or "/"

    def get_object(self, request, *args, **kwargs):
        # Atom ids must be absolute, and syndication does not add the domain to them.
        self.absolute_base = request.build_absolute_uri(self.base_url)
        return None

    def title(self):
        return f"{self.index.title}: progress updates"

    def subtitle(self):
        return "Published updates on each of the inquiry's recommendations, newest first."

    def link(self):
        return self.base_url

    def feed_url(self):
        return f"{self.base_url}feed/"

    def items(self):
        recommendations = RecommendationPage.objects.live().child_of(self.index)
        return (
            ProgressUpdate.objects.published()
            .filter(recommendation__in=recommendations)
            .select_related("recommendation", "reported_by")
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        correction = " (correction)" if item.is_correction else ""
        return f"{item.recommendation.reference} {item.recommendation.title}: {item.get_status_display()}{correction}"

    def item_description(self, item):
        return expand_db_html(item.narrative)

    def item_link(self, item):
        return f"{self.base_url}{item.recommendation.slug}/#update-{item.pk}"

    def item_guid(self, item):
        return f"{self.absolute_base}{item.recommendation.slug}/#update-{item.pk}"

    def item_pubdate(self, item):
        return item.first_published_at or datetime.combine(item.date, time(), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return self.item_pubdate(item)

    def item_author_name(self, item):
        return item.reported_by.name if item.reported_by else None

    def item_categories(self, item):
        return [item.recommendation.get_theme_display()]
