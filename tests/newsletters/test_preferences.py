"""The preferences page, data download and deletion, and RFC 8058 one-click unsubscribe."""

import json

import pytest
from django.test import Client

from newsletters import links
from newsletters.models import Consent, Delivery, SignUp, Subscriber
from newsletters.tokens import subscriber_token
from tests.factories import DeliveryFactory, SendFactory, SignUpFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(topics):
    return SubscriberFactory(email="reader@example.org", topics=[topics["schools"], topics["public"]], follows=["R07"])


def prefs(subscriber):
    return f"/newsletters/preferences/{subscriber_token(subscriber)}/"


def unsubscribe_path(subscriber):
    return f"/newsletters/unsubscribe/{subscriber_token(subscriber)}/"


def test_preferences_page_shows_current_choices(client, archive, subscriber):
    response = client.get(prefs(subscriber))
    html = response.content.decode()
    assert response.status_code == 200
    assert "reader@example.org" in html
    assert html.count("checked") == 3  # two topics and the recommendation


def test_changing_topics_is_saved_and_recorded(client, archive, subscriber, topics):
    response = client.post(
        prefs(subscriber), {"action": "save", "topics": [topics["partners"].pk], "recommendations": []}
    )
    assert response.status_code == 302
    assert "Your choices have been saved" in client.get(response["Location"]).content.decode()
    subscriber.refresh_from_db()
    assert [topic.slug for topic in subscriber.topics.all()] == ["partners"]
    assert not subscriber.follows.exists()
    assert subscriber.consents.last().action == Consent.Action.CHANGED
    assert subscriber.consents.last().topics == ["Partners"]


def test_choosing_nothing_unsubscribes(client, archive, subscriber):
    client.post(prefs(subscriber), {"action": "save"})
    subscriber.refresh_from_db()
    assert not subscriber.is_receiving
    assert subscriber.consents.last().action == Consent.Action.UNSUBSCRIBED


def test_unsubscribe_from_everything_button(client, archive, subscriber):
    response = client.post(prefs(subscriber), {"action": "unsubscribe"})
    assert "You have unsubscribed from everything" in client.get(response["Location"]).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at and not subscriber.topics.exists() and not subscriber.follows.exists()


def test_download_my_data(client, archive, subscriber):
    send = SendFactory(subject="Spring newsletter")
    DeliveryFactory(send=send, subscriber=subscriber, status=Delivery.Status.SENT)
    SignUpFactory(email="reader@example.org")
    response = client.get(f"{prefs(subscriber)}data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["email"] == "reader@example.org"
    assert sorted(data["topics"]) == ["Public updates", "Schools"]
    assert data["recommendations"] == ["R07"]
    assert data["consents"][0]["action"] == "subscribed" and data["consents"][0]["wording_version"]
    assert data["emails"] == [{"subject": "Spring newsletter", "status": "sent", "sent_at": None}]
    assert len(data["pending_sign_ups"]) == 1


def test_delete_my_data(client, archive, subscriber):
    delivery = DeliveryFactory(subscriber=subscriber, status=Delivery.Status.SENT)
    SignUpFactory(email="reader@example.org")
    page = client.get(f"{prefs(subscriber)}delete/")
    assert "You cannot undo this" in page.content.decode()
    assert Subscriber.objects.exists()  # a GET deletes nothing
    response = client.post(f"{prefs(subscriber)}delete/")
    assert response.status_code == 200
    assert "Your data has been deleted" in response.content.decode()
    assert not Subscriber.objects.filter(email="reader@example.org").exists()
    assert not Consent.objects.exists() and not SignUp.objects.exists()
    delivery.refresh_from_db()
    assert delivery.subscriber is None  # the send's figures stay, without the address
    # The old links now lead nowhere, and say so.
    assert client.get(prefs(subscriber)).status_code == 404


@pytest.mark.parametrize("path", ["/newsletters/preferences/junk/", "/newsletters/preferences/abc:def/data.json"])
def test_forged_preference_links_show_nothing(client, archive, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "We cannot find your subscription" in response.content.decode()


class TestOneClickUnsubscribe:
    def test_post_without_csrf_token_unsubscribes_and_answers_200(self, archive, subscriber):
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            unsubscribe_path(subscriber), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
        subscriber.refresh_from_db()
        assert subscriber.unsubscribed_at is not None and not subscriber.topics.exists()

    def test_repeating_it_is_harmless(self, archive, subscriber):
        client = Client(enforce_csrf_checks=True)
        first = client.post(unsubscribe_path(subscriber), {"List-Unsubscribe": "One-Click"})
        subscriber.refresh_from_db()
        when = subscriber.unsubscribed_at
        second = client.post(unsubscribe_path(subscriber), {"List-Unsubscribe": "One-Click"})
        assert first.status_code == second.status_code == 200
        subscriber.refresh_from_db()
        assert subscriber.unsubscribed_at == when
        assert subscriber.consents.filter(action=Consent.Action.UNSUBSCRIBED).count() == 1

    def test_after_the_data_is_deleted_it_still_answers_200(self, archive, subscriber):
        path = unsubscribe_path(subscriber)
        subscriber.delete()
        assert Client(enforce_csrf_checks=True).post(path).status_code == 200

    def test_get_shows_a_button_and_changes_nothing(self, client, archive, subscriber):
        response = client.get(unsubscribe_path(subscriber))
        html = response.content.decode()
        assert response.status_code == 200
        assert 'method="post"' in html and "Unsubscribe from everything" in html
        assert response.cookies == {}  # no CSRF token needed, so no cookie
        subscriber.refresh_from_db()
        assert subscriber.is_receiving

    def test_forged_link_is_refused(self, archive, subscriber):
        response = Client(enforce_csrf_checks=True).post("/newsletters/unsubscribe/not-a-token/")
        assert response.status_code == 404
        subscriber.refresh_from_db()
        assert subscriber.is_receiving

    def test_links_in_emails_are_https(self, subscriber):
        assert links.unsubscribe_url(subscriber).startswith("https://jigsaw.example.org/newsletters/unsubscribe/")
