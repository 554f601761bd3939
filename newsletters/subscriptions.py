"""What happens when someone subscribes, confirms, changes their mind or asks for their data."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from newsletters import emails, links
from newsletters.conf import setting
from newsletters.consent import CONSENT_VERSION
from newsletters.models import Consent, RecommendationFollow, SignUp, Subscriber
from newsletters.models.subscribers import normalise_email
from newsletters.tokens import confirmation_token

logger = logging.getLogger(__name__)


def request_signup(email, topics, recommendation=None):
    """Record a sign-up and email a confirmation link, whoever owns the address.

    Whether or not the address already subscribes, the same happens, so the
    response gives nothing away. Past a few requests a day for one address,
    nothing more is sent, so the form cannot be used to flood someone's inbox.
    """
    email = normalise_email(email)
    since = timezone.now() - timedelta(hours=24)
    if SignUp.objects.filter(email=email, created_at__gte=since).count() >= setting(
        "NEWSLETTER_CONFIRMATIONS_PER_ADDRESS"
    ):
        logger.info("Confirmation not sent: too many sign-ups for one address today")
        return None
    topics = list(topics or [])
    with transaction.atomic():
        signup = SignUp.objects.create(
            email=email,
            recommendation_reference=recommendation.reference if recommendation else "",
            consent_version=CONSENT_VERSION,
        )
        signup.topics.set(topics)
    confirm_url = links.site_url("confirm", confirmation_token(signup))
    emails.confirmation_message(signup, confirm_url, topics, recommendation).send()
    return signup


def describe_signup(signup):
    """What a sign-up asks for, in words, for the confirm page."""
    from newsletters.recommendations import labels_for

    items = [topic.name for topic in signup.topics.all()]
    if signup.recommendation_reference:
        label = labels_for([signup.recommendation_reference])[signup.recommendation_reference]
        items.append(gettext("Updates about recommendation %(label)s") % {"label": label})
    return items


@transaction.atomic
def confirm_signup(signup_pk):
    """Turn a sign-up into a subscription. Returns the subscriber, or None if the sign-up has gone."""
    signup = SignUp.objects.select_for_update().filter(pk=signup_pk).first()
    if signup is None:
        return None
    now = timezone.now()
    subscriber, _ = Subscriber.objects.get_or_create(email=signup.email)
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = now
    # Confirming proves the mailbox works and that its owner wants the emails.
    subscriber.unsubscribed_at = None
    subscriber.bounced_at = None
    subscriber.save()
    topics = list(signup.topics.all())
    subscriber.topics.add(*topics)
    references = []
    if signup.recommendation_reference:
        RecommendationFollow.objects.get_or_create(subscriber=subscriber, reference=signup.recommendation_reference)
        references.append(signup.recommendation_reference)
    Consent.objects.create(
        subscriber=subscriber,
        action=Consent.Action.SUBSCRIBED,
        wording_version=signup.consent_version,
        topics=[topic.name for topic in topics],
        recommendations=references,
        given_at=now,
    )
    signup.delete()
    return subscriber


@transaction.atomic
def change_preferences(subscriber, topics, references):
    """Keep only the chosen topics and recommendations; choosing nothing unsubscribes."""
    topics = list(topics)
    subscriber.topics.set(topics)
    subscriber.follows.exclude(reference__in=references).delete()
    kept = list(subscriber.follows.values_list("reference", flat=True))
    receiving_anything = bool(topics or kept)
    subscriber.unsubscribed_at = None if receiving_anything else (subscriber.unsubscribed_at or timezone.now())
    subscriber.save(update_fields=["unsubscribed_at"])
    Consent.objects.create(
        subscriber=subscriber,
        action=Consent.Action.CHANGED if receiving_anything else Consent.Action.UNSUBSCRIBED,
        wording_version=CONSENT_VERSION,
        topics=[topic.name for topic in topics],
        recommendations=kept,
    )


@transaction.atomic
def unsubscribe(subscriber):
    """Stop everything. Idempotent: only the first call records anything."""
    already = subscriber.unsubscribed_at is not None
    subscriber.unsubscribe_from_everything()
    if not already:
        Consent.objects.create(
            subscriber=subscriber, action=Consent.Action.UNSUBSCRIBED, wording_version=CONSENT_VERSION
        )


@transaction.atomic
def delete_data(subscriber):
    """Delete everything held about the address: the subscriber, their consents, follows and any pending sign-ups.

    Delivery rows keep only the fact that an email was sent, not to whom.
    """
    SignUp.objects.filter(email=subscriber.email).delete()
    subscriber.delete()


def export_data(subscriber):
    """Everything held about a subscriber, for 'download my data'."""

    def when(value):
        return value.isoformat() if value else None

    deliveries = subscriber.deliveries.select_related("send").order_by("pk")
    return {
        "email": subscriber.email,
        "subscribed_at": when(subscriber.created_at),
        "confirmed_at": when(subscriber.confirmed_at),
        "unsubscribed_at": when(subscriber.unsubscribed_at),
        "bounced_at": when(subscriber.bounced_at),
        "topics": [topic.name for topic in subscriber.topics.all()],
        "recommendations": [follow.reference for follow in subscriber.follows.all()],
        "consents": [
            {
                "action": consent.action,
                "wording_version": consent.wording_version,
                "topics": consent.topics,
                "recommendations": consent.recommendations,
                "given_at": when(consent.given_at),
            }
            for consent in subscriber.consents.all()
        ],
        "emails": [
            {"subject": delivery.send.subject, "status": delivery.status, "sent_at": when(delivery.sent_at)}
            for delivery in deliveries
        ],
        "pending_sign_ups": [
            {"requested_at": when(signup.created_at), "topics": [topic.name for topic in signup.topics.all()]}
            for signup in SignUp.objects.filter(email=subscriber.email).prefetch_related("topics")
        ],
    }
