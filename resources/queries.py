"""Small queries other apps use (the schools hub shows featured resources)."""

from wagtail.models import Locale

from resources.models import ResourcePage


def featured_resources(limit=3, locale=None):
    """Live resources to show off: those marked "featured" first, then the newest. A fixed number of queries.

    Professional-only resources may appear: their title and summary are public, their content is not.
    """
    locale = locale or Locale.get_active()
    return list(
        ResourcePage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-featured", "-first_published_at", "-pk")
        .prefetch_related("key_stages", "formats")[:limit]
    )
