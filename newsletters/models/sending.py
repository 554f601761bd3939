"""Sends and deliveries: one delivery row per recipient, so a crash or a retry never sends twice.

The content of a send (subject, HTML and text) is built once when the send is
created, so every recipient gets the same email even if the page changes or
the worker restarts part-way.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from newsletters.conf import setting


class Send(models.Model):
    class Kind(models.TextChoices):
        NEWSLETTER = "newsletter", "Newsletter"
        PROGRESS_UPDATE = "progress-update", "Progress update"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        SENDING = "sending", "Sending"
        DONE = "done", "Finished"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEWSLETTER)
    newsletter = models.ForeignKey(
        "newsletters.NewsletterPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="sends"
    )
    source_key = models.CharField(
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text="Set for automatic sends (like 'progress-update:42') so the same event is never emailed twice.",
    )
    topics = models.ManyToManyField("newsletters.Topic", blank=True, related_name="sends")
    recommendation_reference = models.CharField(max_length=20, blank=True)
    subject = models.CharField(max_length=255)
    html = models.TextField(help_text="With CSS inlined; per-recipient links are filled in when each email is sent.")
    text = models.TextField()
    view_url = models.URLField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    recipients_recorded = models.BooleanField(default=False)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A worker holds the lease while it sends; a lease whose heartbeat is old
    # belongs to a worker that died, and another may take over.
    lease_token = models.CharField(max_length=32, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("send_newsletter", "Can send newsletters to subscribers")]

    def __str__(self):
        return f"{self.subject} ({self.created_at:%-d %b %Y %H:%M})"

    def counts(self):
        """Deliveries by status, in one query."""
        totals = self.deliveries.aggregate(
            total=Count("pk"),
            **{status: Count("pk", filter=Q(status=status)) for status in Delivery.Status.values},
        )
        totals["waiting"] = totals[Delivery.Status.PENDING] + totals[Delivery.Status.SENDING]
        return totals

    def is_stalled(self):
        """Sending, but no worker has reported for longer than the lease: the worker probably stopped."""
        if self.status == self.Status.DONE:
            return False
        lease = datetime.timedelta(seconds=setting("NEWSLETTER_SEND_LEASE_SECONDS"))
        last_seen = self.heartbeat_at or self.created_at
        return last_seen < timezone.now() - lease


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Not sent"

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "newsletters.Subscriber", null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claim_token = models.CharField(max_length=32, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["send", "subscriber"], name="newsletters_delivery_once_per_subscriber"),
        ]
        indexes = [models.Index(fields=["send", "status"], name="newsletters_delivery_status")]

    def __str__(self):
        return f"{self.send_id}/{self.subscriber_id}: {self.status}"
