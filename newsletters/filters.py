"""Filters for the newsletter archive, read from the query string.

Unknown values are ignored and reported back as a message, so an old or
mistyped link still shows the archive.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from home import shell_cache
from newsletters.models import Topic


@dataclass
class ArchiveFilters:
    topic: Topic | None = None
    year: int | None = None
    topics: list = field(default_factory=list)
    years: list = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query, newsletters, cache_name=None):
        """Filters read from ``query``. The topics and years on offer are kept with the shell's cached
        values under ``cache_name`` when given: only publishing a page or saving a topic changes them."""

        def vocabularies():
            topics = list(Topic.objects.filter(newsletters__in=newsletters).distinct().order_by("sort_order", "name"))
            return topics, sorted({day.year for day in newsletters.dates("date", "year")}, reverse=True)

        topics, years = shell_cache.get_or_compute(cache_name, vocabularies) if cache_name else vocabularies()
        filters = cls(topics=topics, years=years)
        slug = query.get("topic", "").strip()
        if slug:
            filters.topic = next((topic for topic in filters.topics if topic.slug == slug), None)
            if filters.topic is None:
                filters.problems.append(
                    gettext("We do not recognise that topic, so newsletters on every topic are shown.")
                )
        year = query.get("year", "").strip()
        if year:
            if year.isdigit() and len(year) == 4 and int(year) in filters.years:
                filters.year = int(year)
            else:
                filters.problems.append(gettext("There are no newsletters for that year, so every year is shown."))
        return filters

    @property
    def active(self):
        return bool(self.topic or self.year)

    def apply(self, newsletters):
        if self.topic:
            newsletters = newsletters.filter(topics=self.topic)
        if self.year:
            newsletters = newsletters.filter(date__year=self.year)
        return newsletters

    def topic_options(self):
        return [{"value": t.slug, "label": t.name, "selected": t == self.topic} for t in self.topics]

    def year_options(self):
        return [{"value": year, "label": str(year), "selected": year == self.year} for year in self.years]

    def description(self):
        """'on Schools in 2025', for the count line."""
        parts = []
        if self.topic:
            parts.append(gettext("on %(topic)s") % {"topic": self.topic.name})
        if self.year:
            parts.append(gettext("in %(year)s") % {"year": self.year})
        return " ".join(parts)
