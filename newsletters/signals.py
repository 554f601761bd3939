"""Reactions to things that happen elsewhere: progress updates being published, and mail bouncing."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

PROGRESS_UPDATE_MODEL = "progress.ProgressUpdate"
BOUNCE_EVENTS = {"bounced", "rejected"}
COMPLAINT_EVENTS = {"complained", "unsubscribed"}
BACKFILL_AGE = timedelta(days=1)


def pages_showing_topic(topic):
    """The archive (its topic filter) and the newsletters tagged with the topic, for the CDN purge."""
    from newsletters.models import NewsletterIndexPage, NewsletterPage

    return [*NewsletterIndexPage.objects.live(), *NewsletterPage.objects.live().filter(topics=topic)]


def progress_update_published(sender, instance, **kwargs):
    """Wagtail's `published` signal: queue the email about a progress update once the publish commits."""
    if getattr(sender, "_meta", None) is None or sender._meta.label != PROGRESS_UPDATE_MODEL:
        return
    first_published = getattr(instance, "first_published_at", None)
    if first_published and first_published < timezone.now() - BACKFILL_AGE:
        # A backdated update (an import of history, or the demo): announcing it now would mislead.
        return
    from newsletters.tasks import send_progress_update

    update_id = instance.pk
    transaction.on_commit(lambda: send_progress_update.enqueue(update_id))


def email_tracking_event(sender, event, esp_name, **kwargs):
    """django-anymail's tracking webhook: stop sending to addresses that bounce or complain."""
    from newsletters.models import Subscriber

    if not event.recipient:
        return
    subscriber = Subscriber.objects.filter(email__iexact=event.recipient).first()
    if subscriber is None:
        return
    if event.event_type in BOUNCE_EVENTS and subscriber.bounced_at is None:
        subscriber.bounced_at = timezone.now()
        subscriber.save(update_fields=["bounced_at"])
        logger.info("Address bounced (%s); no more newsletters will go to it", esp_name)
    elif event.event_type in COMPLAINT_EVENTS:
        subscriber.unsubscribe_from_everything()
