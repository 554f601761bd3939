"""Reading the tracker's query strings: dates, filters and sorting.

Dates that are malformed, impossible or in the future are a problem the page
reports with status 400. Unknown filter or sort values are ignored and
reported, so an old or mistyped link still shows the whole tracker.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.templatetags.locale_tags import localized_for
from progress.choices import DeliveryStatus, Rag, Theme

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EARLIEST_DATE = date(1900, 1, 1)


def parse_date(value, what):
    """Return (date or None, problem). `what` names the date in the message, e.g. 'The date to show'."""
    value = (value or "").strip()
    if not value:
        return None, ""
    if not DATE_PATTERN.match(value):
        return None, gettext("%(what)s must be a date written as year-month-day, for example 2021-03-31.") % {
            "what": what
        }
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None, gettext("%(what)s must be a real date, for example 2021-03-31.") % {"what": what}
    if parsed > timezone.localdate():
        return None, gettext("%(what)s must be today or in the past.") % {"what": what}
    if parsed < EARLIEST_DATE:
        return None, gettext("%(what)s must be after 1900.") % {"what": what}
    return parsed, ""


def leads_of(states):
    """Each lead organisation of the states once (a partner leads many recommendations)."""
    return {s.lead.pk: s.lead for s in states if s.lead is not None}.values()


def partner_slug(partner):
    return slugify(partner.short_name or partner.name) if partner else ""


STATUS_ORDER = {value: position for position, value in enumerate(DeliveryStatus.values)}
RAG_ORDER = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2, "": 3}

# Sort keys for the dashboard table: (column heading, key function). Blanks sort last.
SORTS = {
    "number": (_("No."), lambda s: s.recommendation.number),
    "title": (_("Recommendation"), lambda s: s.recommendation.title.lower()),
    "lead": (_("Lead"), lambda s: (s.lead is None, str(s.lead or "").lower())),
    "status": (_("Status"), lambda s: STATUS_ORDER[s.status]),
    "rag": (_("RAG"), lambda s: RAG_ORDER[s.rag]),
    "percentage": (_("Complete"), lambda s: (s.percentage is None, s.percentage or 0)),
    "target": (_("Target date"), lambda s: (s.target_date is None, s.target_date or date.min)),
    "updated": (_("Last update"), lambda s: (s.last_reviewed is None, s.last_reviewed or date.min)),
}


@dataclass
class DashboardQuery:
    """The dashboard's query string, checked."""

    status: str = ""
    lead: str = ""
    priority: bool = False
    theme: str = ""
    sort: str = "number"
    descending: bool = False
    as_at: date | None = None
    date_problem: str = ""
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_request(cls, query):
        checked = cls()
        checked.as_at, checked.date_problem = parse_date(
            query.get("as_at"), gettext("The date to show the position on")
        )
        status = query.get("status", "").strip()
        if status in DeliveryStatus.values:
            checked.status = status
        elif status:
            checked.problems.append(
                gettext("We do not recognise that status, so recommendations of every status are shown.")
            )
        theme = query.get("theme", "").strip()
        if theme in Theme.values:
            checked.theme = theme
        elif theme:
            checked.problems.append(
                gettext("We do not recognise that theme, so recommendations on every theme are shown.")
            )
        priority = query.get("priority", "").strip()
        if priority == "1":
            checked.priority = True
        elif priority not in {"", "0"}:
            checked.problems.append(gettext("To show only priority recommendations, use priority=1."))
        checked.lead = query.get("lead", "").strip()[:100]
        sort = query.get("sort", "").strip()
        if sort.lstrip("-") in SORTS:
            checked.sort, checked.descending = sort.lstrip("-"), sort.startswith("-")
        elif sort:
            checked.problems.append(gettext("We cannot sort by that, so the table is in number order."))
        return checked

    @property
    def sort_value(self):
        """The sort to keep when filters change ('' for the default order)."""
        if self.sort == "number" and not self.descending:
            return ""
        return f"-{self.sort}" if self.descending else self.sort

    @property
    def filtered(self):
        return bool(self.status or self.lead or self.priority or self.theme)

    def apply(self, states):
        """Filter and sort loaded states in Python: the tracker is small and already in memory."""
        lead_ids = (
            {partner.pk for partner in leads_of(states) if partner_slug(partner) == self.lead} if self.lead else ()
        )
        if self.lead and not lead_ids:
            self.problems.append(
                gettext("We do not recognise that lead organisation, so recommendations of every lead are shown.")
            )
            self.lead = ""
        chosen = [
            s
            for s in states
            if (not self.status or s.status == self.status)
            and (not self.theme or s.recommendation.theme == self.theme)
            and (not self.priority or s.is_priority)
            and (not self.lead or (s.lead is not None and s.lead.pk in lead_ids))
        ]
        key = SORTS[self.sort][1]
        return sorted(chosen, key=lambda s: (key(s), s.recommendation.number), reverse=self.descending)

    def lead_options(self, states, request=None):
        """The leads to filter by, named in the visitor's language; the value stays the English slug."""
        seen = {partner_slug(partner): str(localized_for(request, partner)) for partner in leads_of(states)}
        return [
            {"value": v, "label": label, "selected": v == self.lead}
            for v, label in sorted(seen.items(), key=lambda i: i[1])
        ]

    def status_options(self):
        return [{"value": v, "label": label, "selected": v == self.status} for v, label in DeliveryStatus.choices]

    def theme_options(self, states):
        used = {s.recommendation.theme for s in states}
        return [{"value": v, "label": label, "selected": v == self.theme} for v, label in Theme.choices if v in used]

    def sort_headers(self, query):
        """Column headings with a link that sorts by that column (and reverses when already sorted by it)."""
        headers = []
        for key, (label, _function) in SORTS.items():
            active = key == self.sort
            params = query.copy()
            params["sort"] = f"-{key}" if active and not self.descending else key
            aria = ("descending" if self.descending else "ascending") if active else ""
            headers.append({"key": key, "label": label, "url": "?" + params.urlencode(), "aria_sort": aria})
        return headers
