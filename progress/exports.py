"""Open data: the tracker as CSV and JSON, with stable columns documented in docs/open-data.md.

The recommendations CSV is also a valid import file (its derived columns are
ignored on import), and so is the actions CSV: an export imports back unchanged.
"""

import csv
import io
import json

from django.db.models import Max
from django.http import HttpResponse
from django.utils.http import http_date

from progress.models import PriorityAction, ProgressUpdate, RecommendationPage
from progress.state import states_for

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
LIST_SEPARATOR = "; "

# Columns an import reads and writes, in export order.
RECOMMENDATION_IMPORT_COLUMNS = [
    "reference",
    "number",
    "title",
    "summary",
    "original_wording",
    "theme",
    "response",
    "response_reason",
    "lead",
    "priority",
    "original_target_date",
]
# Columns derived from the published updates (and links): exported, ignored on import.
RECOMMENDATION_DERIVED_COLUMNS = [
    "status",
    "status_reason",
    "rag",
    "rag_rationale",
    "percentage",
    "current_target_date",
    "target_date_reason",
    "last_update",
    "next_review",
    "actions",
    "url",
]
RECOMMENDATION_COLUMNS = RECOMMENDATION_IMPORT_COLUMNS + RECOMMENDATION_DERIVED_COLUMNS
ACTION_COLUMNS = ["reference", "title", "description", "owner", "due_date", "status", "priority", "recommendations"]


def _date(value):
    return value.isoformat() if value else ""


def _yes_no(value):
    return "yes" if value else "no"


def recommendation_rows(index, as_at=None, base_url=""):
    """One dict per recommendation, with every column, as the history stood on `as_at`."""
    recommendations = index.recommendations().prefetch_related("actions")
    rows = []
    for state in states_for(recommendations, as_at=as_at):
        page = state.recommendation
        rows.append(
            {
                "reference": page.reference,
                "number": page.number,
                "title": page.title,
                "summary": page.summary,
                "original_wording": page.original_wording,
                "theme": page.theme,
                "response": page.response,
                "response_reason": page.response_reason,
                "lead": page.lead_partner.name if page.lead_partner else "",
                "priority": _yes_no(page.is_priority),
                "original_target_date": _date(page.original_target_date),
                "status": state.status,
                "status_reason": state.status_reason,
                "rag": state.rag,
                "rag_rationale": state.rag_rationale,
                "percentage": state.percentage,
                "current_target_date": _date(state.target_date),
                "target_date_reason": state.target_date_reason,
                "last_update": _date(state.last_reviewed),
                "next_review": _date(state.next_review),
                "actions": [action.reference for action in page.actions.all()],
                "url": f"{base_url}{page.slug}/",
            }
        )
    return rows


def action_rows():
    # One tracker per site, so every action belongs to it (including any not linked yet).
    actions = PriorityAction.objects.select_related("owner").prefetch_related("recommendations").order_by("reference")
    return [
        {
            "reference": action.reference,
            "title": action.title,
            "description": action.description,
            "owner": action.owner.name if action.owner else "",
            "due_date": _date(action.due_date),
            "status": action.status,
            "priority": _yes_no(action.is_priority),
            "recommendations": sorted(page.reference for page in action.recommendations.all()),
        }
        for action in actions
    ]


def last_modified(index):
    """When anything in the exports last changed: a recommendation, an action or a published update."""
    recommendations = RecommendationPage.objects.child_of(index)
    stamps = [
        recommendations.aggregate(latest=Max("last_published_at"))["latest"],
        ProgressUpdate.objects.filter(recommendation__in=recommendations)
        .published()
        .aggregate(latest=Max("last_published_at"))["latest"],
        PriorityAction.objects.aggregate(latest=Max("updated_at"))["latest"],
    ]
    stamps = [stamp for stamp in stamps if stamp]
    return max(stamps) if stamps else None


def to_csv(rows, columns):
    """CSV text with a byte-order mark so that Excel reads it as UTF-8; lists become 'A; B'."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: LIST_SEPARATOR.join(value) if isinstance(value, list) else ("" if value is None else value)
                for key, value in row.items()
            }
        )
    return buffer.getvalue()


def _respond(content, content_type, filename, stamp):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["X-Licence"] = f"{LICENCE_NAME}: {LICENCE_URL}"
    response["Access-Control-Allow-Origin"] = "*"
    if stamp:
        response["Last-Modified"] = http_date(stamp.timestamp())
    return response


def _filename(stem, as_at, extension):
    return f"{stem}-as-at-{as_at.isoformat()}.{extension}" if as_at else f"{stem}.{extension}"


def recommendations_csv_response(index, as_at=None):
    rows = recommendation_rows(index, as_at=as_at, base_url=index.full_url or "")
    content = to_csv(rows, RECOMMENDATION_COLUMNS)
    return _respond(content, "text/csv; charset=utf-8", _filename("progress", as_at, "csv"), last_modified(index))


def actions_csv_response(index):
    content = to_csv(action_rows(), ACTION_COLUMNS)
    return _respond(content, "text/csv; charset=utf-8", "priority-actions.csv", last_modified(index))


def json_response(index, as_at=None):
    stamp = last_modified(index)
    document = {
        "title": index.title,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "as_at": as_at.isoformat() if as_at else None,
        "last_modified": stamp.isoformat() if stamp else None,
        "recommendations": recommendation_rows(index, as_at=as_at, base_url=index.full_url or ""),
        "actions": action_rows(),
    }
    content = json.dumps(document, ensure_ascii=False, indent=2)
    return _respond(content, "application/json; charset=utf-8", _filename("progress", as_at, "json"), stamp)
