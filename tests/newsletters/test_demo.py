"""The newsletters demo: believable content, one finished send, and a second run changes nothing."""

import pytest
from django.core import mail

from newsletters import demo
from newsletters.models import Delivery, NewsletterPage, Send, Subscriber, Topic

pytestmark = pytest.mark.django_db


def counts():
    return (
        Topic.objects.count(),
        NewsletterPage.objects.count(),
        Subscriber.objects.count(),
        Send.objects.count(),
        Delivery.objects.count(),
    )


def test_seed_builds_the_demo_and_is_idempotent(home_page, client):
    result = demo.seed({"home": home_page, "partners": {}})
    assert counts() == (4, 6, 4, 1, counts()[4])
    assert {page.date.year for page in NewsletterPage.objects.all()} == {2025, 2026}
    assert Topic.objects.get(slug="progress-updates").for_progress_updates
    assert all(email.endswith("@example.org") for email in Subscriber.objects.values_list("email", flat=True))
    send = Send.objects.get()
    assert send.status == Send.Status.DONE
    assert send.deliveries.count() >= 1
    assert set(send.deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert not mail.outbox  # seeding sends nothing
    assert result["newsletter_index"].url == "/newsletters/"

    before = counts()
    demo.seed({"home": home_page, "partners": {}})
    assert counts() == before

    assert client.get("/newsletters/").status_code == 200
    assert client.get("/newsletters/spring-2026/").status_code == 200
