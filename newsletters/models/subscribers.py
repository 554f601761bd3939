"""People who subscribe, what they asked for, and the consent they gave.

A sign-up is kept apart from the subscriber until the owner of the address
confirms it, so typing someone else's address changes nothing about them.
"""

import secrets

from django.db import models
from django.utils import timezone


def new_key():
    return secrets.token_urlsafe(24)


def normalise_email(email):
    return (email or "").strip().lower()


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Confirmed addresses that have not unsubscribed and have not bounced."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True, bounced_at__isnull=True)


class Subscriber(models.Model):
    email = models.EmailField(max_length=254, unique=True)
    key = models.CharField(
        max_length=64, unique=True, default=new_key, editable=False, help_text="Signed into preference links."
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the email provider reports the address as undeliverable."
    )
    topics = models.ManyToManyField("newsletters.Topic", blank=True, related_name="subscribers")

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_receiving(self):
        return bool(self.confirmed_at and not self.unsubscribed_at and not self.bounced_at)

    def unsubscribe_from_everything(self):
        """Stop every email. Safe to repeat: the first time counts."""
        self.topics.clear()
        self.follows.all().delete()
        if self.unsubscribed_at is None:
            self.unsubscribed_at = timezone.now()
            self.save(update_fields=["unsubscribed_at"])


class RecommendationFollow(models.Model):
    """A subscriber who asked for email about one recommendation, by its stable reference (like R07)."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="follows")
    reference = models.CharField(max_length=20)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "reference"], name="newsletters_follow_unique"),
        ]

    def __str__(self):
        return self.reference


class SignUp(models.Model):
    """A request to subscribe that waits for the address's owner to confirm it. Deleted after 7 days."""

    email = models.EmailField(max_length=254, db_index=True)
    topics = models.ManyToManyField("newsletters.Topic", blank=True, related_name="+")
    recommendation_reference = models.CharField(max_length=20, blank=True)
    consent_version = models.CharField(max_length=20)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Sign-up for {self.email}"


class Consent(models.Model):
    """What a subscriber agreed to, in which words, and when: one row per confirmation or change."""

    class Action(models.TextChoices):
        SUBSCRIBED = "subscribed", "Subscribed"
        CHANGED = "changed", "Changed topics"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed from everything"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(max_length=20, choices=Action.choices)
    wording_version = models.CharField(max_length=20)
    topics = models.JSONField(default=list, help_text="Names of the topics, as they were at the time.")
    recommendations = models.JSONField(default=list)
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["given_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} on {self.given_at:%Y-%m-%d}"
