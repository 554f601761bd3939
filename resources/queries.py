"""Small queries other apps use (the schools hub shows featured resources)."""

from wagtail.models import Locale

from home.page_queries import public
from resources.models import ResourcePage


def featured_resources(limit=3, locale=None, prefetch=("key_stages", "formats"), fields=None):
    """Live resources to show off: those marked "featured" first, then the newest. A fixed number of queries.

    Professional-only resources may appear: their title and summary are public, their content is not.
    ``prefetch``: the relations the caller shows (none: one query); ``fields``: the only fields it
    reads (default: all).
    """
    locale = locale or Locale.get_active()
    resources = public(ResourcePage.objects.live()).filter(locale=locale)
    if fields:
        resources = resources.only(*fields)
    return list(resources.order_by("-featured", "-first_published_at", "-pk").prefetch_related(*prefetch)[:limit])
