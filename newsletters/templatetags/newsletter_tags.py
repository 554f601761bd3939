"""Template tags for showing newsletters elsewhere on the site, such as the home page."""

from django import template
from wagtail.models import Locale

from home.shell_cache import get_or_compute

register = template.Library()


@register.inclusion_tag("components/newsletters_latest.html", takes_context=True)
def latest_newsletters(context, count=3):
    """The newest published newsletters in the visitor's language, with a link to the archive. One query,
    kept with the shell's cached values (home.shell_cache), which publishing a page retires."""
    page = context.get("page")
    locale_id = page.locale_id if page is not None and hasattr(page, "locale_id") else Locale.get_active().pk
    newsletters = get_or_compute(
        f"latest-newsletters:{locale_id}:{count}", lambda: newest_newsletters(locale_id, count)
    )
    request = context.get("request")
    archive_url = ""
    if newsletters:
        # A newsletter's address is its archive's address plus its slug: no need to load the archive page.
        url = newsletters[0].get_url(request=request) or ""
        archive_url = url[: -len(newsletters[0].slug) - 1] if url.endswith(f"{newsletters[0].slug}/") else ""
    return {"request": request, "newsletters": newsletters, "archive_url": archive_url}


def newest_newsletters(locale_id, count):
    from home.page_queries import public
    from newsletters.models import NewsletterPage

    return list(
        public(NewsletterPage.objects.live().filter(locale_id=locale_id))
        .order_by("-date", "-pk")
        .only("title", "slug", "url_path", "date", "summary", "locale_id", "depth", "path")[:count]
    )
