"""Set up a send in a separate database for the killed-worker test: `python -m tests.newsletters.worker_scenario N`.

Creates a site, a newsletter, N confirmed subscribers and a queued send, enqueued
on the database task backend, and prints the send's id. Run with the same
DATABASE_URL and settings as the workers.
"""

import os
import sys


def main(count):
    import django

    django.setup()
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from newsletters import emails
    from newsletters.models import Send, Subscriber
    from newsletters.tasks import deliver_send
    from tests.factories import HomePageFactory, NewsletterIndexPageFactory, NewsletterPageFactory, TopicFactory

    Locale.objects.get_or_create(language_code="en")
    # The copied test database may have been emptied by a transactional test: start a tree if need be.
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePageFactory(parent=root, slug="home-page")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    topic = TopicFactory(name="Public updates", slug="public-updates")
    archive = NewsletterIndexPageFactory(parent=home)
    page = NewsletterPageFactory(parent=archive, slug="killed-worker", title="Killed worker test", topics=[topic])
    subscribers = Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{number:05d}@example.org", confirmed_at=timezone.now(), key=f"key-{number}")
        for number in range(count)
    )
    Subscriber.topics.through.objects.bulk_create(
        Subscriber.topics.through(subscriber_id=subscriber.pk, topic_id=topic.pk) for subscriber in subscribers
    )
    content = emails.newsletter_content(page)
    send = Send.objects.create(
        newsletter=page, subject=content.subject, html=content.html, text=content.text, view_url=content.view_url
    )
    send.topics.set([topic])
    deliver_send.enqueue(send.pk)
    print(send.pk)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.newsletters.worker_settings")
    main(int(sys.argv[1]))
