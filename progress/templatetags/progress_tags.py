"""Template tags that show the tracker elsewhere on the site (the home page)."""

from django import template

from home.shell_cache import get_or_compute
from progress.models import ProgressUpdate

register = template.Library()


# What the list shows of each update and its recommendation, and what the link needs:
# without it each row carried both whole (some 60 columns, the narrative among them).
LATEST_FIELDS = (
    "date",
    "status",
    "is_correction",
    "recommendation__reference",
    "recommendation__title",
    "recommendation__slug",
    "recommendation__url_path",
    "recommendation__path",
    "recommendation__depth",
    "recommendation__locale",
)


@register.inclusion_tag("components/progress_latest_updates.html", takes_context=True)
def latest_progress_updates(context, count=3):
    """The newest published updates, in one query kept with the shell's cached values (home.shell_cache),
    which saving an update or a page retires. Page URLs come from the request's cached site paths."""
    request = context.get("request")
    updates = get_or_compute(f"latest-progress-updates:{count}", lambda: newest_updates(count))
    items = []
    for update in updates:
        url = update.recommendation.get_url(request=request) or ""
        items.append({"update": update, "recommendation": update.recommendation, "url": f"{url}#update-{update.pk}"})
    tracker_url = ""
    if updates:
        recommendation = updates[0].recommendation
        tracker_url = (recommendation.get_url(request=request) or "").removesuffix(f"{recommendation.slug}/")
    return {"items": items, "tracker_url": tracker_url}


def newest_updates(count):
    return list(
        ProgressUpdate.objects.published()
        .filter(recommendation__live=True)
        .select_related("recommendation")
        .only(*LATEST_FIELDS)
        .order_by("-date", "-pk")[:count]
    )
