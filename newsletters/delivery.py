"""The sending engine: record every recipient, then send in batches, exactly once each.

How a send survives a worker that stops part-way:
- Every recipient gets a delivery row (unique per send and subscriber) before
  anything is sent, so a restart neither skips nor repeats anyone.
- A worker holds a lease on the send and renews it after each batch. If it
  dies, the lease goes stale and the watchdog task (or the housekeeping
  command) starts the send again; the new worker carries on from the rows
  still waiting.
- A batch's rows are claimed before its emails go to the mail server and
  marked sent after. Rows a dead worker had claimed may or may not have been
  handed over, so they are marked failed with that reason and never resent
  automatically; an editor can retry them. A worker asked to stop (SIGTERM)
  finishes its batch first, so nothing is left in doubt.
"""

import contextlib
import logging
import signal
import threading
import time
import uuid
from datetime import timedelta

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from newsletters import emails, links
from newsletters.conf import setting
from newsletters.models import Delivery, Send, Subscriber

logger = logging.getLogger(__name__)

IN_DOUBT = (
    "The worker stopped while this email was being handed to the mail server, so it may or may not have been sent. "
    "Retry to send it again."
)
NOT_RECEIVING = "Unsubscribed, bounced or no longer subscribed to these topics before this email was sent."
DELETED = "The subscriber deleted their data before this email was sent."
RECORD_CHUNK = 1000


class StopRequested:
    """Notes SIGTERM or SIGINT while a send runs, so the batch in hand can finish first.

    The worker's own handler still runs, so the worker exits once the task returns.
    """

    def __init__(self):
        self.requested = False
        self.previous = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGTERM, signal.SIGINT):
                self.previous[signum] = signal.signal(signum, self.handle)
        return self

    def handle(self, signum, frame):
        self.requested = True
        previous = self.previous.get(signum)
        if callable(previous):
            previous(signum, frame)

    def __exit__(self, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


def newsletter_recipients(topics):
    """Subscribers who get a newsletter sent to these topics (in any language), as primary keys."""
    keys = [topic.translation_key for topic in topics]
    return (
        Subscriber.objects.receiving()
        .filter(topics__translation_key__in=keys)
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )


def recipients_for(send):
    """Subscribers who should get this send, as primary keys."""
    if send.kind == Send.Kind.NEWSLETTER:
        return newsletter_recipients(send.topics.all())
    condition = Q(topics__for_progress_updates=True)
    if send.recommendation_reference:
        condition |= Q(follows__reference__iexact=send.recommendation_reference)
    return Subscriber.objects.receiving().filter(condition).values_list("pk", flat=True).distinct().order_by("pk")


def record_recipients(send):
    """One delivery row per recipient; safe to repeat after a crash (the unique constraint ignores repeats)."""
    pks = list(recipients_for(send))
    for start in range(0, len(pks), RECORD_CHUNK):
        Delivery.objects.bulk_create(
            [Delivery(send=send, subscriber_id=pk) for pk in pks[start : start + RECORD_CHUNK]], ignore_conflicts=True
        )
    Send.objects.filter(pk=send.pk).update(recipients_recorded=True)
    send.recipients_recorded = True
    return len(pks)


def reason_for(send, subscriber, topic_keys):
    """Why this subscriber gets this email, for the footer; None if they no longer should."""
    if subscriber is None or not subscriber.is_receiving:
        return None
    if send.kind == Send.Kind.PROGRESS_UPDATE:
        reference = send.recommendation_reference.lower()
        if reference and any(follow.reference.lower() == reference for follow in subscriber.follows.all()):
            return f"You get this email because you asked for updates about recommendation {send.recommendation_reference}."
        if any(topic.for_progress_updates for topic in subscriber.topics.all()):
            return "You get this email because you subscribed to progress updates."
        return None
    names = [topic.name for topic in subscriber.topics.all() if topic.translation_key in topic_keys]
    if not names:
        return None
    return f"You get this email because you subscribed to newsletters about: {', '.join(names)}."


def take_lease(send_id, token):
    now = timezone.now()
    stale = now - timedelta(seconds=setting("NEWSLETTER_SEND_LEASE_SECONDS"))
    return (
        Send.objects.filter(pk=send_id)
        .exclude(status=Send.Status.DONE)
        .filter(Q(lease_token="") | Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=stale))
        .update(lease_token=token, heartbeat_at=now, status=Send.Status.SENDING)
    )


def renew_lease(send_id, token):
    return Send.objects.filter(pk=send_id, lease_token=token).update(heartbeat_at=timezone.now())


def release_lease(send_id, token, **changes):
    return Send.objects.filter(pk=send_id, lease_token=token).update(lease_token="", **changes)


class BatchSender:
    def __init__(self, send, token):
        self.send = send
        self.token = token
        self.content = emails.EmailContent(send.subject, send.html, send.text, send.view_url)
        self.topic_keys = set(send.topics.values_list("translation_key", flat=True))
        self.host = links.list_host()
        self.links = links.SubscriberLinks()

    def claim(self, size):
        pending = self.send.deliveries.filter(status=Delivery.Status.PENDING).order_by("pk")
        ids = list(pending.values_list("pk", flat=True)[:size])
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SENDING, claim_token=self.token
        )
        return list(
            Delivery.objects.filter(pk__in=ids, status=Delivery.Status.SENDING, claim_token=self.token)
            .select_related("subscriber")
            .prefetch_related("subscriber__topics", "subscriber__follows")
        )

    def message_for(self, template, delivery, reason, connection):
        subscriber = delivery.subscriber
        preferences_url, unsubscribe_url = self.links.for_subscriber(subscriber)
        return template.message(
            to=subscriber.email,
            reason=reason,
            preferences_url=preferences_url,
            unsubscribe_url=unsubscribe_url,
            message_id=f"<newsletter-send-{self.send.pk}-delivery-{delivery.pk}@{self.host}>",
            connection=connection,
        )

    def send_batch(self, size):
        """Send one batch; returns how many rows it handled (0 when nothing is left)."""
        deliveries = self.claim(size)
        if not deliveries:
            return 0
        sent, failed, skipped = [], [], []
        ready = []
        for delivery in deliveries:
            reason = reason_for(self.send, delivery.subscriber, self.topic_keys)
            if reason is None:
                delivery.error = DELETED if delivery.subscriber is None else NOT_RECEIVING
                skipped.append(delivery)
            else:
                ready.append((delivery, reason))
        if ready:
            template = emails.BatchTemplate(self.content)  # built once a batch, so each Date header is current
            connection = get_connection()
            try:
                connection.open()
            except Exception:
                # The mail server cannot be reached: nothing was handed over, so give the rows back.
                Delivery.objects.filter(pk__in=[d.pk for d, _ in ready], claim_token=self.token).update(
                    status=Delivery.Status.PENDING, claim_token=""
                )
                raise
            try:
                for delivery, reason in ready:
                    try:
                        connection.send_messages([self.message_for(template, delivery, reason, connection)])
                    except Exception as error:  # noqa: BLE001 - any refusal is recorded against this recipient
                        delivery.error = f"{type(error).__name__}: {error}"[:1000]
                        failed.append(delivery)
                        _reopen(connection)
                    else:
                        sent.append(delivery)
            finally:
                with contextlib.suppress(Exception):
                    connection.close()
        self.record(sent, failed, skipped)
        return len(deliveries)

    def record(self, sent, failed, skipped):
        now = timezone.now()
        with transaction.atomic():
            if sent:
                Delivery.objects.filter(
                    pk__in=[d.pk for d in sent], claim_token=self.token, status=Delivery.Status.SENDING
                ).update(status=Delivery.Status.SENT, sent_at=now, attempts=F("attempts") + 1, error="")
            for delivery in failed:
                delivery.status = Delivery.Status.FAILED
                delivery.attempts += 1
            for delivery in skipped:
                delivery.status = Delivery.Status.SKIPPED
            if failed or skipped:
                Delivery.objects.bulk_update([*failed, *skipped], ["status", "error", "attempts"])


def _reopen(connection):
    """After a refused message the SMTP session may be unusable; start a fresh one for the next."""
    with contextlib.suppress(Exception):
        connection.close()
    with contextlib.suppress(Exception):
        connection.open()


def run_send(send_id):
    """Send everything still waiting in a send. Returns a short summary for the task result."""
    token = uuid.uuid4().hex
    if not take_lease(send_id, token):
        return {"send": send_id, "result": "another worker is sending it, or it has finished"}
    Send.objects.filter(pk=send_id, started_at__isnull=True).update(started_at=timezone.now())
    send = Send.objects.get(pk=send_id)
    schedule_watchdog(send_id)
    if not send.recipients_recorded:
        record_recipients(send)
    in_doubt = (
        send.deliveries.filter(status=Delivery.Status.SENDING)
        .exclude(claim_token=token)
        .update(status=Delivery.Status.FAILED, error=IN_DOUBT, claim_token="")
    )
    if in_doubt:
        logger.warning("Send %s: %s deliveries left in doubt by a stopped worker", send_id, in_doubt)
    sender = BatchSender(send, token)
    size = max(1, int(setting("NEWSLETTER_BATCH_SIZE")))
    rate = float(setting("NEWSLETTER_SEND_RATE"))
    handled = 0
    with StopRequested() as stop:
        while True:
            if stop.requested:
                # Asked to stop between batches: nothing is in doubt. Let the next worker carry on straight away.
                release_lease(send_id, token)
                deliver_later(send_id)
                return {"send": send_id, "result": "stopped between batches", "handled": handled}
            started = time.monotonic()
            count = sender.send_batch(size)
            handled += count
            if not count:
                break
            if not renew_lease(send_id, token):
                return {"send": send_id, "result": "lease lost to another worker", "handled": handled}
            if rate > 0:
                time.sleep(max(0.0, count / rate - (time.monotonic() - started)))
    release_lease(send_id, token, status=Send.Status.DONE, finished_at=timezone.now())
    return {"send": send_id, "result": "finished", "handled": handled}


def deliver_later(send_id):
    from newsletters.tasks import deliver_send

    transaction.on_commit(lambda: deliver_send.enqueue(send_id))


def schedule_watchdog(send_id):
    """On backends that can run a task later, check on the send after the lease and restart it if it stalled."""
    from newsletters.tasks import watch_send

    backend = watch_send.get_backend()
    if backend.supports_defer:
        delay = timedelta(seconds=setting("NEWSLETTER_SEND_LEASE_SECONDS") * 1.5)
        watch_send.using(run_after=timezone.now() + delay).enqueue(send_id)


def watch(send_id):
    """The watchdog: restart a stalled send, check again later on a running one, stop once it is finished."""
    send = Send.objects.filter(pk=send_id).first()
    if send is None or send.status == Send.Status.DONE:
        return "finished"
    if send.is_stalled() or not send.lease_token:
        from newsletters.tasks import deliver_send

        deliver_send.enqueue(send_id)
        return "restarted"
    schedule_watchdog(send_id)
    return "running"


def resume_stalled_sends():
    """For the housekeeping command: restart every send whose worker has stopped."""
    from newsletters.tasks import deliver_send

    restarted = []
    for send in Send.objects.exclude(status=Send.Status.DONE):
        if send.is_stalled() or (not send.lease_token and send.status == Send.Status.SENDING):
            deliver_send.enqueue(send.pk)
            restarted.append(send.pk)
    return restarted


def start_send(send):
    """Queue a send once the transaction that created it has committed."""
    deliver_later(send.pk)


def retry_failed(send):
    """Put a finished send's failed deliveries back in the queue, leaving every sent one alone."""
    with transaction.atomic():
        failed = send.deliveries.filter(status=Delivery.Status.FAILED)
        if not failed.exists():
            return 0
        if not Send.objects.filter(pk=send.pk, status=Send.Status.DONE).update(
            status=Send.Status.QUEUED, finished_at=None
        ):
            return 0  # still running: it will finish first
        count = failed.update(status=Delivery.Status.PENDING, error="", claim_token="")
        deliver_later(send.pk)
    return count
