"""The engagement report: how well the schools programme reaches schools, key stages and topics.

Every figure is a database aggregate, so the number of queries is fixed: it
does not grow with 500 schools or 100,000 download counters. Key stages and
topics are matched on their code and slug, which are the same in every
language, so translated resources count once under the same heading.
"""

import csv
import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.utils.functional import cached_property
from wagtail.models import Locale

from .models import ModuleCompletion, School, SessionRequest

EXPORTS = {
    "schools": "Schools",
    "key-stages": "Key stages",
    "topics": "Topics",
    "gaps": "Gaps",
}


@dataclass
class DateRange:
    start: datetime.date | None = None
    end: datetime.date | None = None
    problems: list = field(default_factory=list)

    @classmethod
    def from_query(cls, query):
        """Read ?from= and ?to= (YYYY-MM-DD). A bad date is ignored with a message, never an error page."""
        dates = cls()
        for key, attribute, label in (("from", "start", "start"), ("to", "end", "end")):
            value = query.get(key, "").strip()
            if not value:
                continue
            try:
                setattr(dates, attribute, datetime.date.fromisoformat(value))
            except ValueError:
                dates.problems.append(
                    f"Enter the {label} date as year-month-day, for example 2026-09-01. '{value[:20]}' was ignored."
                )
        if dates.start and dates.end and dates.start > dates.end:
            dates.problems.append("The start date is after the end date, so all dates are shown.")
            dates.start = dates.end = None
        return dates

    def filter(self, prefix):
        """A Q for a date field ('date') or the date part of a datetime field ('completed_at__date')."""
        condition = Q()
        if self.start:
            condition &= Q(**{f"{prefix}__gte": self.start})
        if self.end:
            condition &= Q(**{f"{prefix}__lte": self.end})
        return condition

    @property
    def label(self):
        if self.start and self.end:
            return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"
        if self.start:
            return f"from {self.start:%-d %B %Y}"
        if self.end:
            return f"up to {self.end:%-d %B %Y}"
        return "all dates"


def _resource_models():
    from resources.models import KeyStage, ResourceDownload, ResourcePage, ResourceTopic

    return KeyStage, ResourceTopic, ResourcePage, ResourceDownload


def _totals(queryset, key, aggregate):
    return {row[key]: row["total"] or 0 for row in queryset.values(key).annotate(total=aggregate).order_by()}


class EngagementReport:
    """The report's figures. Downloads are summed per resource in the database first, so the
    100,000-counter table is read once, grouped by an indexed column; key stages, topics
    and their pairs are then added up from the (small) lists of which resource has which.
    """

    def __init__(self, dates):
        self.dates = dates
        KeyStage, ResourceTopic, ResourcePage, ResourceDownload = _resource_models()
        default_locale = Locale.get_default()
        self.key_stages = list(KeyStage.objects.filter(locale=default_locale).values("code", "name"))
        self.topics = list(ResourceTopic.objects.filter(locale=default_locale).values("slug", "name"))
        self.downloads = ResourceDownload.objects.filter(dates.filter("date"))
        self._resource_page = ResourcePage
        self._live_resources = ResourcePage.objects.live().filter(locale=default_locale)

    def school_rows(self):
        downloads = _totals(self.downloads.filter(school__isnull=False), "school", Sum("count"))
        completions = _totals(
            ModuleCompletion.objects.filter(self.dates.filter("completed_at__date"), school__isnull=False),
            "school",
            Count("pk"),
        )
        requests = _totals(
            SessionRequest.objects.filter(self.dates.filter("submit_time__date"), school__isnull=False),
            "school",
            Count("pk"),
        )
        return [
            {
                "urn": school["urn"],
                "name": school["name"],
                "phase": School.Phase(school["phase"]).label if school["phase"] in School.Phase.values else "",
                "locality": school["locality"],
                "downloads": downloads.get(school["pk"], 0),
                "completions": completions.get(school["pk"], 0),
                "session_requests": requests.get(school["pk"], 0),
            }
            for school in School.objects.order_by("name", "urn").values("pk", "urn", "name", "phase", "locality")
        ]

    def _links(self, field_name):
        """{resource id: {code or slug, ...}} for the key_stages or topics of every resource."""
        field = self._resource_page._meta.get_field(field_name)
        through = field.remote_field.through
        value = f"{field.m2m_reverse_field_name()}__{'code' if field_name == 'key_stages' else 'slug'}"
        links = {}
        for resource_id, code in through.objects.values_list(field.m2m_field_name(), value):
            links.setdefault(resource_id, set()).add(code)
        return links

    @cached_property
    def _coverage(self):
        """Resources (live, default language) and downloads per key stage, per topic and per pair."""
        stage_links, topic_links = self._links("key_stages"), self._links("topics")
        live = set(self._live_resources.values_list("pk", flat=True))
        downloaded = _totals(self.downloads, "resource", Sum("count"))
        resources, downloads = Counter(), Counter()
        for resource_id in set(stage_links) | set(topic_links):
            stages, topics = stage_links.get(resource_id, set()), topic_links.get(resource_id, set())
            keys = [
                *(("stage", stage) for stage in stages),
                *(("topic", topic) for topic in topics),
                *(("pair", stage, topic) for stage in stages for topic in topics),
            ]
            for key in keys:
                if resource_id in live:
                    resources[key] += 1
                downloads[key] += downloaded.get(resource_id, 0)
        return resources, downloads

    def _by(self, items, key, kind):
        resources, downloads = self._coverage
        return [
            {
                key: item[key],
                "name": item["name"],
                "resources": resources[(kind, item[key])],
                "downloads": downloads[(kind, item[key])],
            }
            for item in items
        ]

    def key_stage_rows(self):
        return self._by(self.key_stages, "code", "stage")

    def topic_rows(self):
        return self._by(self.topics, "slug", "topic")

    def gap_rows(self):
        """Every key stage and topic pair with no resources, or with resources nobody downloaded."""
        resources, downloads = self._coverage
        gaps = []
        for stage in self.key_stages:
            for topic in self.topics:
                key = ("pair", stage["code"], topic["slug"])
                if resources[key] and downloads[key]:
                    continue
                gaps.append(
                    {
                        "key_stage": stage["name"],
                        "topic": topic["name"],
                        "resources": resources[key],
                        "downloads": downloads[key],
                        "gap": "No resources" if not resources[key] else "No downloads",
                    }
                )
        return gaps


COLUMNS = {
    "schools": [
        ("urn", "URN"),
        ("name", "School"),
        ("phase", "Phase"),
        ("locality", "Locality"),
        ("downloads", "Downloads"),
        ("completions", "Module completions"),
        ("session_requests", "Session requests"),
    ],
    "key-stages": [
        ("code", "Key stage code"),
        ("name", "Key stage"),
        ("resources", "Resources"),
        ("downloads", "Downloads"),
    ],
    "topics": [("slug", "Topic code"), ("name", "Topic"), ("resources", "Resources"), ("downloads", "Downloads")],
    "gaps": [
        ("key_stage", "Key stage"),
        ("topic", "Topic"),
        ("gap", "Gap"),
        ("resources", "Resources"),
        ("downloads", "Downloads"),
    ],
}


def _safe_cell(value):
    """Stop a spreadsheet reading a school name such as '=cmd' as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_response(report, which):
    rows = {
        "schools": report.school_rows,
        "key-stages": report.key_stage_rows,
        "topics": report.topic_rows,
        "gaps": report.gap_rows,
    }[which]()
    columns = COLUMNS[which]
    dates = report.dates
    suffix = f"-{dates.start or 'start'}-to-{dates.end or 'now'}" if dates.start or dates.end else ""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="schools-engagement-{which}{suffix}.csv"'
    writer = csv.writer(response)
    writer.writerow([heading for _, heading in columns])
    for row in rows:
        writer.writerow([_safe_cell(row[key]) for key, _ in columns])
    return response
