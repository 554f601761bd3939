"""Background tasks (django-tasks), run by `manage.py db_worker`."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from newsletters.conf import setting


@task()
def deliver_send(send_id: int):
    from newsletters.delivery import run_send

    return run_send(send_id)


@task()
def watch_send(send_id: int):
    from newsletters.delivery import watch

    return watch(send_id)


@task()
def send_progress_update(update_id: int):
    """Email the progress-updates topic, and followers of the recommendation, about one published update.

    One email per update, the first time it is published: the send's source key
    makes a second publication (or a second signal) a no-op.
    """
    from django.apps import apps

    from newsletters import emails
    from newsletters.delivery import recipients_for, start_send
    from newsletters.models import Send

    ProgressUpdate = apps.get_model("progress", "ProgressUpdate")
    update = ProgressUpdate.objects.filter(pk=update_id, live=True).select_related("recommendation").first()
    if update is None:
        return "not published"
    source_key = f"progress-update:{update.pk}"
    if Send.objects.filter(source_key=source_key).exists():
        return "already sent"
    reference = update.recommendation.reference
    if not recipients_for(Send(kind=Send.Kind.PROGRESS_UPDATE, recommendation_reference=reference)).exists():
        return "nobody to tell"
    content = emails.progress_update_content(update)
    try:
        with transaction.atomic():
            send = Send.objects.create(
                kind=Send.Kind.PROGRESS_UPDATE,
                source_key=source_key,
                recommendation_reference=reference,
                subject=content.subject,
                html=content.html,
                text=content.text,
                view_url=content.view_url,
            )
            start_send(send)
    except IntegrityError:
        return "already sent"
    return f"send {send.pk}"


@task()
def delete_expired_signups():
    """Delete sign-ups nobody confirmed within the confirmation window (7 days)."""
    from newsletters.models import SignUp

    cutoff = timezone.now() - timedelta(days=setting("NEWSLETTER_CONFIRMATION_DAYS"))
    _, deleted = SignUp.objects.filter(created_at__lt=cutoff).delete()
    return deleted.get("newsletters.SignUp", 0)
