"""Fixtures for the newsletters tests: topics, the archive, a newsletter and subscribers."""

import pytest
from django.core.cache import cache

from tests.factories import NewsletterIndexPageFactory, NewsletterPageFactory, SubscriberFactory, TopicFactory


@pytest.fixture(autouse=True)
def newsletter_settings(settings):
    settings.NEWSLETTER_BASE_URL = "https://jigsaw.example.org"
    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_BATCH_SIZE = 3
    cache.clear()  # rate limits are counted in the cache
    return settings


@pytest.fixture
def topics(db):
    return {
        "public": TopicFactory(name="Public updates", slug="public-updates", sort_order=0),
        "schools": TopicFactory(name="Schools", slug="schools", sort_order=1),
        "partners": TopicFactory(name="Partners", slug="partners", sort_order=2),
        "progress": TopicFactory(name="Progress updates", slug="progress-updates", for_progress_updates=True),
    }


@pytest.fixture
def archive(home_page):
    return NewsletterIndexPageFactory(parent=home_page)


@pytest.fixture
def newsletter(archive, topics):
    return NewsletterPageFactory(
        parent=archive,
        slug="spring-2026",
        title="Spring 2026: one year on",
        summary="How far each recommendation has got.",
        topics=[topics["public"], topics["schools"]],
        body=[
            {
                "type": "text",
                "value": '<h2>A year on</h2><p>Partners agreed <a href="https://example.org/plan">one plan</a>.</p>',
            },
            {
                "type": "callout",
                "value": {"heading": "Worried about a child?", "text": "<p>Call 999 in an emergency.</p>"},
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Read more",
                    "links": [{"title": "Training", "url": "https://example.org/training", "description": "Dates"}],
                },
            },
            {
                "type": "progress_summary",
                "value": {"heading": "Progress on the recommendations", "show_status_counts": True},
            },
        ],
    )


@pytest.fixture
def subscribers(topics):
    return {
        "public": SubscriberFactory(email="public@example.org", topics=[topics["public"]]),
        "both": SubscriberFactory(email="both@example.org", topics=[topics["public"], topics["schools"]]),
        "partners": SubscriberFactory(email="partners@example.org", topics=[topics["partners"]]),
        "unconfirmed": SubscriberFactory(email="unconfirmed@example.org", confirmed_at=None, topics=[topics["public"]]),
    }
