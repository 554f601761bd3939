"""Subscribing: double opt-in, expiry, no enumeration, spam protection and following one recommendation."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from newsletters.models import Consent, SignUp, Subscriber
from newsletters.tasks import delete_expired_signups
from tests.factories import ProgressIndexPageFactory, RecommendationPageFactory, SignUpFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

CONFIRM_LINK = re.compile(r"https://jigsaw\.example\.org(/newsletters/subscribe/confirm/[^/\s\"<]+/)")


def subscribe(client, email, *topics, **extra):
    data = {"email": email, "topics": [topic.pk for topic in topics], **extra}
    return client.post("/newsletters/subscribe/", data, **{k: v for k, v in extra.items() if k.isupper()})


def confirm_path(message):
    return CONFIRM_LINK.search(message.body).group(1)


def test_double_opt_in_end_to_end(client, archive, topics):
    form = client.get("/newsletters/subscribe/")
    assert form.status_code == 200
    assert "We do not share it" in form.content.decode()  # the plain statement of how the address is used

    response = subscribe(client, "Reader@Example.org ", topics["schools"], topics["public"])
    assert response.status_code == 302 and response["Location"] == "/newsletters/subscribe/check-your-email/"
    assert "Check your email" in client.get(response["Location"]).content.decode()
    assert not Subscriber.objects.exists()  # nothing until the owner confirms

    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert "Schools" in message.body and "Public updates" in message.body
    html = message.alternatives[0][0]
    path = confirm_path(message)
    assert f"https://jigsaw.example.org{path}" in html

    # Following the link (as a mail scanner would) confirms nothing: it shows a button.
    page = client.get(path)
    assert page.status_code == 200
    assert "Confirm subscription" in page.content.decode()
    assert not Subscriber.objects.exists()

    confirmed = client.post(path)
    assert confirmed.status_code == 200
    assert "You are subscribed" in confirmed.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org" and subscriber.is_receiving
    assert {topic.slug for topic in subscriber.topics.all()} == {"schools", "public-updates"}
    consent = Consent.objects.get(subscriber=subscriber)
    assert consent.action == "subscribed" and consent.wording_version
    assert sorted(consent.topics) == ["Public updates", "Schools"]
    assert not SignUp.objects.exists()

    # The link has done its job.
    assert client.post(path).status_code == 404


def test_confirmation_link_expires_after_seven_days(client, archive, topics, monkeypatch):
    eight_days_ago = int(time.time()) - 8 * 24 * 60 * 60
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(eight_days_ago))
    subscribe(client, "late@example.org", topics["schools"])
    monkeypatch.undo()
    path = confirm_path(mail.outbox[0])
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_tampered_link_does_nothing(client, archive, topics):
    subscribe(client, "reader@example.org", topics["schools"])
    path = confirm_path(mail.outbox[0])
    forged = path.replace(path.split("/")[-2].split(":")[0], "99999", 1)
    assert client.post(forged).status_code == 404
    assert client.get("/newsletters/subscribe/confirm/junk/").status_code == 404
    assert not Subscriber.objects.exists()


def test_response_is_the_same_for_subscribed_and_new_addresses(client, archive, topics):
    SubscriberFactory(email="known@example.org", topics=[topics["schools"]])
    known = subscribe(client, "known@example.org", topics["schools"])
    new = subscribe(client, "new@example.org", topics["schools"])
    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert known.content == new.content
    # Both owners get the same kind of email; only they can read it.
    assert sorted(message.to[0] for message in mail.outbox) == ["known@example.org", "new@example.org"]
    assert mail.outbox[0].subject == mail.outbox[1].subject
    # Typing a subscriber's address changes nothing about them.
    known_subscriber = Subscriber.objects.get(email="known@example.org")
    assert known_subscriber.consents.count() == 1


def test_errors_are_shown_and_nothing_is_stored(client, archive, topics):
    response = client.post("/newsletters/subscribe/", {"email": "not-an-address", "topics": []})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter an email address in the correct format" in html
    assert "Select at least one topic" in html
    assert not SignUp.objects.exists() and not mail.outbox


def test_unknown_topic_ids_are_refused(client, archive, topics):
    response = client.post("/newsletters/subscribe/", {"email": "a@example.org", "topics": ["999", "x"]})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not SignUp.objects.exists()


def test_honeypot_stores_and_sends_nothing(client, archive, topics):
    response = subscribe(client, "bot@example.org", topics["schools"], website_url="http://spam.example")
    assert response.status_code == 302
    assert not SignUp.objects.exists() and not mail.outbox


def test_rate_limit_per_visitor_address(client, archive, topics, settings):
    settings.FORM_RATE_LIMIT = 2
    for number in range(2):
        subscribe(client, f"r{number}@example.org", topics["schools"], REMOTE_ADDR="10.0.0.1")
    response = subscribe(client, "third@example.org", topics["schools"], REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "third@example.org" in response.content.decode()  # what was typed is kept
    assert SignUp.objects.count() == 2
    assert subscribe(client, "other@example.org", topics["schools"], REMOTE_ADDR="10.0.0.2").status_code == 302


def test_confirmation_emails_per_email_address_are_limited(client, archive, topics, settings):
    settings.NEWSLETTER_CONFIRMATIONS_PER_ADDRESS = 2
    responses = [
        subscribe(client, "target@example.org", topics["schools"], REMOTE_ADDR=f"10.0.1.{n}") for n in range(4)
    ]
    assert {response.status_code for response in responses} == {302}  # the same answer every time
    assert len(mail.outbox) == 2


def test_subscribe_form_sets_a_csrf_cookie_because_it_is_a_form(client, archive, topics):
    """The subscribe page is a form page, so it needs a CSRF cookie; the archive and newsletters set none."""
    response = client.get("/newsletters/subscribe/")
    assert "csrftoken" in response.cookies
    assert client.get("/newsletters/subscribe/check-your-email/").cookies == {}


def test_subscribe_to_one_recommendation(client, home_page, archive, topics):
    tracker = ProgressIndexPageFactory(parent=home_page)
    RecommendationPageFactory(parent=tracker, number=7, title="Train every taxi driver")
    form = client.get("/newsletters/subscribe/?recommendation=R07")
    html = form.content.decode()
    assert "R07: Train every taxi driver" in html
    assert 'name="topics"' not in html  # that recommendation alone

    response = client.post("/newsletters/subscribe/?recommendation=R07", {"email": "follower@example.org"})
    assert response.status_code == 302
    assert "R07" in mail.outbox[0].body
    client.post(confirm_path(mail.outbox[0]))
    subscriber = Subscriber.objects.get()
    assert list(subscriber.follows.values_list("reference", flat=True)) == ["R07"]
    assert not subscriber.topics.exists()
    assert Consent.objects.get().recommendations == ["R07"]


@pytest.mark.parametrize("reference", ["R99", "<script>", "x" * 300])
def test_unknown_recommendation_offers_topics_instead(client, archive, topics, reference):
    response = client.get("/newsletters/subscribe/", {"recommendation": reference})
    assert response.status_code == 200
    html = response.content.decode()
    assert "We could not find that recommendation" in html
    assert 'name="topics"' in html


def test_unconfirmed_sign_ups_are_deleted_after_seven_days(topics):
    old = SignUpFactory(topics=[topics["schools"]])
    SignUp.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=7, hours=1))
    recent = SignUpFactory()
    assert delete_expired_signups.enqueue().return_value == 1
    assert list(SignUp.objects.all()) == [recent]


def test_housekeeping_command_deletes_expired_sign_ups(topics, capsys):
    old = SignUpFactory()
    SignUp.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    call_command("newsletters_housekeeping")
    assert "Deleted 1 unconfirmed sign-up." in capsys.readouterr().out
    assert not SignUp.objects.exists()


def test_the_link_on_a_recommendation_page_offers_that_recommendation(client, home_page, archive, topics):
    tracker = ProgressIndexPageFactory(parent=home_page)
    page = RecommendationPageFactory(parent=tracker, number=3, title="Support for survivors")
    html = client.get(page.url).content.decode()
    link = re.search(r'href="([^"]*/newsletters/subscribe/\?recommendation=[^"]+)"', html).group(1)
    offer = client.get(link.replace("&amp;", "&")).content.decode()
    assert "Get email updates about this recommendation" in offer
    assert "R03: Support for survivors" in offer
