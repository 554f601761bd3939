"""Atom feed of published newsletters at /newsletters/feed/, built with Django's syndication framework."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 30


class NewsletterFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.base_url = index.url or "/"

    def title(self):
        return self.index.title

    def subtitle(self):
        return "Newsletters from the partnership, newest first."

    def link(self):
        return self.base_url

    def feed_url(self):
        return f"{self.base_url}feed/"

    def items(self):
        return self.index.newsletters().prefetch_related("topics")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at or datetime.combine(item.date, time(), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]
