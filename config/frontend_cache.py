"""Purge the CDN's copies of pages that show a snippet, when the snippet changes.

Wagtail purges a page when it is published or unpublished. A snippet (a support
service, a newsletter topic...) is not a page, so the pages that show it would stay
stale in the CDN until they expire. Each app says which pages show which snippet:

    # in <app>/apps.py, AppConfig.ready():
    from config.frontend_cache import purge_pages_when_changed
    purge_pages_when_changed(Topic, lambda topic: SubscribePage.objects.live())

The purge runs after the transaction commits, as a background task (Wagtail's
`purge_urls_from_cache_task`, run by `manage.py db_worker`), and does nothing when
no CDN is configured (WAGTAILFRONTENDCACHE is empty).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def purge_pages(pages):
    """Purge every URL of the given live pages (each page's `get_cached_paths`)."""
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def purge_pages_when_changed(model, pages_for):
    """When an instance of `model` is saved or deleted, purge the pages `pages_for(instance)` returns."""

    def handler(sender, instance, **kwargs):
        transaction.on_commit(lambda: purge_pages(pages_for(instance)))

    uid = f"jigsaw-frontend-cache-{model._meta.label_lower}"
    post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(handler, sender=model, weak=False, dispatch_uid=f"{uid}-delete")
    return handler
