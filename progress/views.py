"""Public views of the tracker, routed by ProgressIndexPage and RecommendationPage.

Every view loads a fixed number of queries whatever the number of updates,
and bad query strings get a page that explains the problem (400), never a 500.
"""

from datetime import timedelta

from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext

from home.pagination import page_of
from home.shell_cache import get_or_compute
from progress import exports
from progress.changes import changes_since
from progress.chart import status_chart
from progress.models import PriorityAction, ProgressUpdate, RecommendationPage
from progress.query import DashboardQuery, parse_date
from progress.state import RecommendationState, current_table_states
from progress.summary import summarise
from progress.table import table_rows

DEFAULT_CHANGES_DAYS = 365
# The inquiry's 15 recommendations fit on one page; a longer tracker is split so each page stays quick.
RECOMMENDATIONS_PER_PAGE = 25


def _as_at_query(as_at):
    """The query string that keeps links on the date shown ("" for today)."""
    return f"?as_at={as_at.isoformat()}" if as_at else ""


def _as_at_fields(request, as_at, date_problem):
    """The as_at query suffix for links, and the value to show back in the date box."""
    return {
        "as_at_query": _as_at_query(as_at),
        "as_at_value": request.GET.get("as_at", "")[:20] if date_problem else (as_at.isoformat() if as_at else ""),
    }


def _without_bad_date(params, date_problem):
    """The query string for sort links, minus an as_at that was refused (so the links work), and
    minus the page: a new order starts on the first page."""
    params = params.copy()
    params.pop("page", None)
    if date_problem:
        params.pop("as_at", None)
    return params


def dashboard(request, index):
    query = DashboardQuery.from_request(request.GET)
    page_url = index.get_url(request)
    states = current_table_states(index, as_at=query.as_at)
    summary = summarise(states, total=index.recommendations_total, as_at=query.as_at, url=page_url)
    matching = query.apply(states)
    page_obj, page_missing = page_of(matching, RECOMMENDATIONS_PER_PAGE, request.GET.get("page"))
    if page_missing:
        query.problems.append(gettext("That page of results does not exist, so the first page is shown."))
    context = index.get_context(request)
    context.update(
        query=query,
        summary=summary,
        chart=status_chart(summary),
        rows=table_rows(page_obj.object_list, request, page_url, _as_at_query(query.as_at)),
        page_obj=page_obj,
        matching_count=len(matching),
        all_count=len(states),
        sort_headers=query.sort_headers(_without_bad_date(request.GET, query.date_problem)),
        lead_options=query.lead_options(states, request),
        status_options=query.status_options(),
        theme_options=query.theme_options(states),
        date_problem=query.date_problem,
        as_at=query.as_at,
        page_url=page_url,
        **_as_at_fields(request, query.as_at, query.date_problem),
    )
    status = 400 if query.date_problem else 200
    return TemplateResponse(request, index.get_template(request), context, status=status)


def recommendation_context(request, page):
    """What a recommendation page shows, as the published history stood on `?as_at=` (default today)."""
    as_at, date_problem = parse_date(request.GET.get("as_at"), gettext("The date to show the position on"))
    if as_at is None and page.pk is not None:
        updates, actions = get_or_compute(f"recommendation-history:{page.pk}", lambda: history_of(page))
    else:  # a past date is read afresh: visitors choose it, so there is no end to them
        updates, actions = history_of(page, as_at)
    state = RecommendationState(page, updates[0] if updates else None)
    page_url = page.get_url(request)
    page.has_priority_action = any(action.is_priority for action in actions)
    return {
        "state": state,
        "updates": updates,
        "actions": actions,
        "as_at": as_at,
        "date_problem": date_problem,
        "page_url": page_url,
        "index_url": page_url.removesuffix(f"{page.slug}/"),
        **_as_at_fields(request, as_at, date_problem),
        "subscribe_url": f"/newsletters/subscribe/?recommendation={page.reference}",
    }


def history_of(page, as_at=None):
    """A recommendation's published updates on ``as_at`` (newest first, with their evidence) and the
    priority actions that cover it: four queries. Today's are kept with the shell's cached values
    (home.shell_cache), which saving an update, action, partner or page retires."""
    updates = list(
        ProgressUpdate.objects.published(as_at=as_at)
        .filter(recommendation=page)
        .select_related("reported_by", "corrects")
        .prefetch_related("evidence__document")
        .order_by("-date", "-pk")
    )
    actions = list(
        PriorityAction.objects.filter(recommendations=page)
        .select_related("owner")
        .prefetch_related(Prefetch("recommendations", queryset=RecommendationPage.objects.live().order_by("number")))
    )
    return updates, actions


def changes(request, index):
    since, date_problem = parse_date(request.GET.get("since"), gettext("The date to show changes since"))
    defaulted = since is None and not date_problem
    if defaulted:
        since = timezone.localdate() - timedelta(days=DEFAULT_CHANGES_DAYS)
    page_url = index.get_url(request)
    entries = changes_since(index, since, base_url=page_url) if since else []
    context = index.get_context(request)
    context.update(
        since=since,
        since_defaulted=defaulted,
        since_value=request.GET.get("since", "")[:20] if date_problem else (since.isoformat() if since else ""),
        entries=entries,
        recommendations_changed=len({entry.update.recommendation_id for entry in entries}),
        status_moves=sum(1 for entry in entries if entry.status_moved),
        date_problem=date_problem,
        page_url=page_url,
    )
    return TemplateResponse(request, "pages/progress_changes.html", context, status=400 if date_problem else 200)


def _export(request, index, render):
    as_at, date_problem = parse_date(request.GET.get("as_at"), gettext("The date to show the position on"))
    if date_problem:
        context = index.get_context(request)
        context.update(date_problem=date_problem, page_url=index.get_url(request))
        return TemplateResponse(request, "pages/progress_export_problem.html", context, status=400)
    return render(index, as_at)


def export_csv(request, index):
    return _export(request, index, exports.recommendations_csv_response)


def export_json(request, index):
    return _export(request, index, exports.json_response)


def export_actions_csv(request, index):
    return exports.actions_csv_response(index)
