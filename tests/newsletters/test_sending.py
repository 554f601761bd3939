"""Building and sending newsletters: the email itself, exactly-once delivery, retries, permissions, alerts."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from newsletters import delivery, emails
from newsletters.models import Delivery, Send, Subscriber
from progress.summary import ProgressSummary
from tests.factories import (
    DeliveryFactory,
    ProgressIndexPageFactory,
    ProgressUpdateFactory,
    RecommendationPageFactory,
    SubscriberFactory,
)

pytestmark = pytest.mark.django_db


def make_send(page, topics):
    content = emails.newsletter_content(page)
    send = Send.objects.create(
        newsletter=page, subject=content.subject, html=content.html, text=content.text, view_url=content.view_url
    )
    send.topics.set(topics)
    return send


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


class TestTheEmail:
    @pytest.fixture
    def message(self, newsletter, topics, subscribers, monkeypatch):
        summary = ProgressSummary(total=15, delivered=6, status_counts=[("delivered", "Delivered", 6)])
        monkeypatch.setattr("newsletters.blocks.current_progress_summary", lambda: summary)
        delivery.run_send(make_send(newsletter, [topics["schools"]]).pk)
        (message,) = mail.outbox
        return message

    def test_has_plain_text_and_html_parts_from_the_same_content(self, message):
        assert message.to == ["both@example.org"]
        assert message.subject == "Spring 2026: one year on"
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        for text in ["A year on", "Worried about a child?", "6 of 15 delivered", "Read more"]:
            assert text in message.body and text in html
        assert "one plan (https://example.org/plan)" in message.body
        assert "Training (https://example.org/training)" in message.body
        assert "<" not in message.body.replace("<https", "")

    def test_css_is_inlined_for_mail_clients(self, message):
        html = message.alternatives[0][0]
        assert "<style" not in html
        assert re.search(r'<td class="email-header" style="[^"]*background-color: ?#5b2a86', html)

    def test_says_why_and_links_to_preferences_and_the_web_version(self, message):
        html = message.alternatives[0][0]
        subscriber = Subscriber.objects.get(email="both@example.org")
        reason = "You get this email because you subscribed to newsletters about: Schools."
        assert reason in message.body and reason in html
        assert "View this email in your browser" in html
        assert 'href="https://jigsaw.example.org/newsletters/spring-2026/"' in html
        from newsletters.links import preferences_url, unsubscribe_url

        for url in (preferences_url(subscriber), unsubscribe_url(subscriber)):
            assert url in message.body and f'href="{url}"' in html

    def test_carries_rfc_8058_one_click_headers(self, message):
        subscriber = Subscriber.objects.get(email="both@example.org")
        from newsletters.links import unsubscribe_url

        assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url(subscriber)}>"
        assert message.extra_headers["List-Unsubscribe"].startswith("<https://")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        raw = message.message().as_string()
        assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw

    def test_has_no_tracking(self, message):
        html = message.alternatives[0][0]
        assert not re.search(r"<img[^>]+(width=\"1\"|height=\"1\")", html)
        assert "utm_" not in html and "utm_" not in message.body


def test_images_have_alt_text_and_absolute_urls(newsletter, topics):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Panel", file=get_test_image_file())
    newsletter.body = [{"type": "image", "value": {"image": image.pk, "alt_text": "Young people at the panel"}}]
    newsletter.save()
    content = emails.newsletter_content(newsletter)
    assert re.search(
        r'<img src="https://jigsaw\.example\.org/media/[^"]+" width="600"[^>]*alt="Young people at the panel"',
        content.html,
    )
    assert "[Young people at the panel]" in content.text


def test_each_recipient_gets_exactly_one_email(newsletter, topics, subscribers):
    send = make_send(newsletter, [topics["public"], topics["schools"]])
    result = delivery.run_send(send.pk)
    assert result["result"] == "finished"
    assert recipients(mail.outbox) == ["both@example.org", "public@example.org"]  # not the unconfirmed one
    assert send.deliveries.filter(status=Delivery.Status.SENT).count() == 2
    # Running it again sends nothing more.
    delivery.run_send(send.pk)
    send.status = Send.Status.SENDING
    send.save()
    delivery.run_send(send.pk)
    assert len(mail.outbox) == 2


def test_delivery_rows_are_unique_per_send_and_subscriber(newsletter, topics, subscribers):
    from django.db import IntegrityError, transaction

    send = make_send(newsletter, [topics["public"]])
    delivery.record_recipients(send)
    delivery.record_recipients(send)  # a repeat after a crash adds nobody twice
    assert send.deliveries.count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(send=send, subscriber=subscribers["public"])


def test_sends_in_batches_over_one_connection_each(newsletter, topics, settings, monkeypatch):
    settings.NEWSLETTER_BATCH_SIZE = 4
    for number in range(10):
        SubscriberFactory(email=f"batch{number}@example.org", topics=[topics["public"]])
    opened = []
    original_open = EmailBackend.open

    def counting_open(self):
        opened.append(self)
        return original_open(self)

    monkeypatch.setattr(EmailBackend, "open", counting_open)
    delivery.run_send(make_send(newsletter, [topics["public"]]).pk)
    assert len(mail.outbox) == 10
    assert len(opened) == 3  # 4 + 4 + 2


def test_sending_rate_is_respected(newsletter, topics, settings, monkeypatch):
    settings.NEWSLETTER_BATCH_SIZE = 2
    settings.NEWSLETTER_SEND_RATE = 10
    for number in range(6):
        SubscriberFactory(email=f"rate{number}@example.org", topics=[topics["public"]])
    pauses = []
    monkeypatch.setattr("newsletters.delivery.time.sleep", pauses.append)
    delivery.run_send(make_send(newsletter, [topics["public"]]).pk)
    # Two emails at ten a second take 0.2 s a batch: the worker sleeps for whatever sending did not use.
    assert len(pauses) == 3 and all(0 < pause <= 0.2 for pause in pauses)


def test_failures_are_recorded_per_recipient_and_retry_sends_only_those(newsletter, topics, monkeypatch):
    for name in ["ok1", "bad", "ok2"]:
        SubscriberFactory(email=f"{name}@example.org", topics=[topics["public"]])
    original = EmailBackend.send_messages

    def refuse_bad(self, messages):
        if messages[0].to == ["bad@example.org"]:
            raise OSError("550 mailbox unavailable")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_bad)
    send = make_send(newsletter, [topics["public"]])
    delivery.run_send(send.pk)
    assert recipients(mail.outbox) == ["ok1@example.org", "ok2@example.org"]
    failed = send.deliveries.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "bad@example.org"
    assert "550 mailbox unavailable" in failed.error and failed.attempts == 1
    send.refresh_from_db()
    assert send.status == Send.Status.DONE

    monkeypatch.setattr(EmailBackend, "send_messages", original)
    mail.outbox.clear()
    assert delivery.retry_failed(send) == 1
    delivery.run_send(send.pk)
    assert recipients(mail.outbox) == ["bad@example.org"]
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SENT and failed.attempts == 2
    assert send.deliveries.filter(status=Delivery.Status.SENT).count() == 3


def test_rows_left_in_doubt_by_a_dead_worker_are_not_resent(newsletter, topics, subscribers):
    send = make_send(newsletter, [topics["public"]])
    delivery.record_recipients(send)
    doubtful = send.deliveries.get(subscriber=subscribers["public"])
    doubtful.status, doubtful.claim_token = Delivery.Status.SENDING, "dead-worker"
    doubtful.save()
    Send.objects.filter(pk=send.pk).update(
        status=Send.Status.SENDING, lease_token="dead-worker", heartbeat_at=timezone.now() - datetime.timedelta(hours=1)
    )
    delivery.run_send(send.pk)
    assert recipients(mail.outbox) == ["both@example.org"]
    doubtful.refresh_from_db()
    assert doubtful.status == Delivery.Status.FAILED and "may or may not have been sent" in doubtful.error


def test_a_live_lease_keeps_a_second_worker_out(newsletter, topics, subscribers):
    send = make_send(newsletter, [topics["public"]])
    Send.objects.filter(pk=send.pk).update(lease_token="busy", heartbeat_at=timezone.now())
    assert delivery.run_send(send.pk)["result"].startswith("another worker")
    assert not mail.outbox


def test_people_who_leave_before_their_turn_are_skipped(newsletter, topics, subscribers):
    send = make_send(newsletter, [topics["public"]])
    delivery.record_recipients(send)
    subscribers["public"].unsubscribe_from_everything()
    subscribers["both"].delete()
    delivery.run_send(send.pk)
    assert not mail.outbox
    assert send.deliveries.filter(status=Delivery.Status.SKIPPED).count() == 2


def test_bounced_addresses_are_not_sent_to(newsletter, topics, subscribers):
    from anymail.signals import AnymailTrackingEvent, tracking

    event = AnymailTrackingEvent(event_type="bounced", recipient="Public@example.org")
    tracking.send(sender=object, event=event, esp_name="Postmark")
    assert Subscriber.objects.get(email="public@example.org").bounced_at is not None
    delivery.run_send(make_send(newsletter, [topics["public"]]).pk)
    assert recipients(mail.outbox) == ["both@example.org"]


def test_a_complaint_unsubscribes(subscribers):
    from anymail.signals import AnymailTrackingEvent, tracking

    tracking.send(
        sender=object, event=AnymailTrackingEvent(event_type="complained", recipient="both@example.org"), esp_name="SES"
    )
    assert not Subscriber.objects.get(email="both@example.org").is_receiving


class TestProgressUpdateAlerts:
    """One email per progress update, when it is first published (see docs/performance.md and the README)."""

    @pytest.fixture
    def recommendation(self, home_page):
        tracker = ProgressIndexPageFactory(parent=home_page)
        return RecommendationPageFactory(parent=tracker, number=7, title="Train every taxi driver")

    @pytest.fixture
    def followers(self, topics):
        return {
            "topic": SubscriberFactory(email="topic@example.org", topics=[topics["progress"]]),
            "follower": SubscriberFactory(email="follower@example.org", follows=["R07"]),
            "other": SubscriberFactory(email="other@example.org", follows=["R03"]),
            "schools": SubscriberFactory(email="schools@example.org", topics=[topics["schools"]]),
        }

    def test_publishing_an_update_emails_the_topic_and_the_followers(
        self, recommendation, followers, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            ProgressUpdateFactory(
                recommendation=recommendation,
                date=datetime.date.today(),
                status="delivered",
                narrative="<p>Every licensed driver has now been trained.</p>",
            )
        assert recipients(mail.outbox) == ["follower@example.org", "topic@example.org"]
        by_address = {message.to[0]: message for message in mail.outbox}
        message = by_address["follower@example.org"]
        assert message.subject == "Progress update: R07 Train every taxi driver"
        assert "Every licensed driver has now been trained." in message.body
        assert "Delivered" in message.body
        assert "you asked for updates about recommendation R07" in message.body
        assert "you subscribed to progress updates" in by_address["topic@example.org"].body
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert Send.objects.get().kind == Send.Kind.PROGRESS_UPDATE

    def test_the_same_update_is_never_emailed_twice(
        self, recommendation, followers, django_capture_on_commit_callbacks
    ):
        from newsletters.tasks import send_progress_update

        with django_capture_on_commit_callbacks(execute=True):
            update = ProgressUpdateFactory(recommendation=recommendation, date=datetime.date.today())
        send_progress_update.enqueue(update.pk)
        with django_capture_on_commit_callbacks(execute=True):
            update.save_revision().publish()
        assert len(mail.outbox) == 2 and Send.objects.count() == 1

    def test_backdated_history_is_not_announced(self, recommendation, followers, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            ProgressUpdateFactory(
                recommendation=recommendation, date=datetime.date(2021, 1, 1), published_on=datetime.date(2021, 1, 1)
            )
        assert not mail.outbox and not Send.objects.exists()


class TestAdmin:
    @pytest.fixture
    def reviewer(self, django_user_model, archive):
        from wagtail.models import GroupPagePermission

        group = Group.objects.create(name="Newsletter reviewers")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="send_newsletter")
        )
        for codename in ["change_page", "publish_page"]:
            GroupPagePermission.objects.create(
                group=group, page=archive, permission=Permission.objects.get(codename=codename)
            )
        user = django_user_model.objects.create_user("reviewer", "reviewer@example.org", "x" * 16)
        user.groups.add(group)
        return user

    @pytest.fixture
    def drafter(self, django_user_model, archive):
        from wagtail.models import GroupPagePermission

        group = Group.objects.create(name="Partner drafters")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=group, page=archive, permission=Permission.objects.get(codename="change_page")
        )
        user = django_user_model.objects.create_user("drafter", "drafter@example.org", "x" * 16)
        user.groups.add(group)
        return user

    def test_send_permission_is_defined_for_groups(self):
        permission = Permission.objects.get(codename="send_newsletter", content_type__app_label="newsletters")
        assert permission.name == "Can send newsletters to subscribers"

    def test_reviewer_sees_the_count_then_confirms(
        self, client, reviewer, newsletter, topics, subscribers, django_capture_on_commit_callbacks
    ):
        client.force_login(reviewer)
        edit = client.get(f"/admin/pages/{newsletter.pk}/edit/").content.decode()
        assert "Send to subscribers" in edit and "Send test to me" in edit

        url = f"/admin/newsletters/pages/{newsletter.pk}/send/"
        choose = client.get(url)
        assert choose.status_code == 200
        confirm = client.post(url, {"topics": [topics["public"].pk, topics["schools"].pk]})
        html = confirm.content.decode()
        assert "<strong data-recipient-count>2</strong>" in html
        assert not mail.outbox  # nothing is sent before the confirmation
        confirmation = re.search(r'name="confirmation" value="([^"]+)"', html).group(1)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"confirmation": confirmation})
        send = Send.objects.get()
        assert response["Location"] == f"/admin/newsletters/sends/{send.pk}/"
        assert recipients(mail.outbox) == ["both@example.org", "public@example.org"]
        assert send.created_by == reviewer

        # Pressing the button again (a double click) sends nothing more.
        with django_capture_on_commit_callbacks(execute=True):
            again = client.post(url, {"confirmation": confirmation})
        assert again["Location"] == response["Location"]
        assert Send.objects.count() == 1 and len(mail.outbox) == 2

        progress = client.get(response["Location"]).content.decode()
        assert 'data-field="sent">2<' in progress and 'data-field="failed">0<' in progress
        data = client.get(response["Location"] + "?format=json").json()
        assert data["counts"]["sent"] == 2 and data["counts"]["waiting"] == 0 and data["status"] == "Finished"
        sends = client.get("/admin/newsletters/sends/").content.decode()
        assert "Spring 2026" in sends and f"/admin/newsletters/pages/{newsletter.pk}/send/" in sends

    def test_drafters_cannot_send_to_subscribers(self, client, drafter, newsletter, topics, subscribers):
        client.force_login(drafter)
        edit = client.get(f"/admin/pages/{newsletter.pk}/edit/").content.decode()
        assert "Send to subscribers" not in edit
        assert "Send test to me" in edit
        url = f"/admin/newsletters/pages/{newsletter.pk}/send/"
        for response in [
            client.get(url),
            client.post(url, {"topics": [topics["public"].pk]}),
            client.get("/admin/newsletters/sends/"),
        ]:
            # Wagtail turns "permission denied" into a redirect to the dashboard with a message.
            assert (response.status_code, response.get("Location")) == (302, "/admin/")
        assert not Send.objects.exists() and not mail.outbox

    def test_send_test_to_me(self, client, drafter, newsletter):
        client.force_login(drafter)
        response = client.post(f"/admin/newsletters/pages/{newsletter.pk}/test/")
        assert response.status_code == 302
        (message,) = mail.outbox
        assert message.to == ["drafter@example.org"]
        assert message.subject == "[Test] Spring 2026: one year on"
        assert "This is a test" in message.body
        assert not Send.objects.exists()

    def test_unpublished_newsletters_cannot_be_sent(self, client, reviewer, newsletter):
        newsletter.unpublish()
        client.force_login(reviewer)
        assert client.get(f"/admin/newsletters/pages/{newsletter.pk}/send/").status_code == 404

    def test_retry_from_the_admin(
        self, client, reviewer, newsletter, topics, subscribers, django_capture_on_commit_callbacks
    ):
        send = make_send(newsletter, [topics["public"]])
        send.status = Send.Status.DONE
        send.recipients_recorded = True
        send.save()
        DeliveryFactory(send=send, subscriber=subscribers["public"], status=Delivery.Status.SENT)
        DeliveryFactory(send=send, subscriber=subscribers["both"], status=Delivery.Status.FAILED, error="Timed out")
        client.force_login(reviewer)
        detail = client.get(f"/admin/newsletters/sends/{send.pk}/").content.decode()
        assert "Timed out" in detail and "Retry the 1 failed" in detail
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/admin/newsletters/sends/{send.pk}/retry/")
        assert recipients(mail.outbox) == ["both@example.org"]


def test_a_batch_template_gives_the_same_email_as_building_it_directly(newsletter):
    """Each batch builds the MIME once and fills in each recipient's details; the result must not differ."""
    from email import message_from_bytes, policy

    content = emails.newsletter_content(newsletter)
    details = {
        "to": "reader@example.org",
        "reason": "You get this email because you subscribed to newsletters about: Schools & more.",
        "preferences_url": "https://jigsaw.example.org/newsletters/preferences/abc:def/",
        "unsubscribe_url": "https://jigsaw.example.org/newsletters/unsubscribe/abc:def/",
        "message_id": "<newsletter-send-1-delivery-2@jigsaw.example.org>",
    }
    fast = emails.BatchTemplate(content).message(**details)
    assert fast.raw is not None
    slow = emails.personalise(content, **details)
    parsed_fast = message_from_bytes(fast.message().as_bytes(), policy=policy.default)
    parsed_slow = message_from_bytes(slow.message().as_bytes(), policy=policy.default)
    for header in ["To", "From", "Subject", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"]:
        assert parsed_fast[header].strip() == parsed_slow[header].strip(), header  # folding may differ
    for kind in ["plain", "html"]:
        fast_part = parsed_fast.get_body(preferencelist=(kind,)).get_content()
        assert fast_part == parsed_slow.get_body(preferencelist=(kind,)).get_content()
    assert "Schools &amp; more." in parsed_fast.get_body(preferencelist=("html",)).get_content()
    assert all(len(line) <= 998 for line in fast.message().as_bytes().split(b"\n"))


def test_details_that_are_not_plain_ascii_are_built_the_ordinary_way(newsletter):
    content = emails.newsletter_content(newsletter)
    message = emails.BatchTemplate(content).message(
        to="reader@example.org",
        reason="Vous recevez ce courriel : Écoles.",
        preferences_url="https://jigsaw.example.org/p/",
        unsubscribe_url="https://jigsaw.example.org/u/",
        message_id="<m@jigsaw.example.org>",
    )
    assert message.raw is None
    assert (
        "Écoles" in message.message().as_bytes().decode("utf-8", "replace")
        or "=C3=89coles" in message.message().as_string()
    )
