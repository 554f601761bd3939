"""Filters for the Get help directory, read from the query string.

Unknown or malformed values are ignored and reported back as a message, so a
bad link never produces an error page.
"""

from dataclasses import dataclass, field

from django.contrib.humanize.templatetags.humanize import apnumber
from django.db.models import Q
from django.template.defaultfilters import capfirst
from django.utils import translation
from django.utils.translation import gettext, ngettext

from .models.snippets import AUDIENCE_FIELDS, AUDIENCE_IN_SENTENCE, Audience

MAX_AGE = 120


@dataclass
class ServiceFilters:
    audience: str = ""
    age: int | None = None
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query):
        filters = cls()
        audience = query.get("audience", "").strip()
        if audience:
            if audience in AUDIENCE_FIELDS:
                filters.audience = audience
            else:
                filters.problems.append(gettext("We do not recognise that group, so services for everyone are shown."))
        age = query.get("age", "").strip()
        if age:
            if age.isdigit() and int(age) <= MAX_AGE:
                filters.age = int(age)
            else:
                filters.problems.append(
                    gettext("Enter an age as a whole number, like 15. Services for all ages are shown.")
                )
        return filters

    @property
    def active(self):
        return bool(self.audience or self.age is not None)

    @property
    def audience_label(self):
        return Audience(self.audience).label if self.audience else ""

    def summary(self, count):
        """'Two services for parents and carers for age 15': what the directory shows, in a whole sentence."""
        values = {"count": count_for_sentence(count), "age": self.age}
        if self.audience:
            values["audience"] = AUDIENCE_IN_SENTENCE[self.audience]
        if self.audience and self.age is not None:
            text = ngettext(
                "%(count)s service for %(audience)s for age %(age)s",
                "%(count)s services for %(audience)s for age %(age)s",
                count,
            )
        elif self.audience:
            text = ngettext("%(count)s service for %(audience)s", "%(count)s services for %(audience)s", count)
        elif self.age is not None:
            text = ngettext("%(count)s service for age %(age)s", "%(count)s services for age %(age)s", count)
        else:
            text = ngettext("%(count)s service", "%(count)s services", count)
        return text % values

    def apply(self, services):
        if self.audience:
            services = services.filter(**{AUDIENCE_FIELDS[self.audience]: True})
        if self.age is not None:
            services = services.filter(Q(min_age__isnull=True) | Q(min_age__lte=self.age)).filter(
                Q(max_age__isnull=True) | Q(max_age__gte=self.age)
            )
        return services

    def audience_options(self):
        return [
            {"value": value, "label": label, "selected": value == self.audience} for value, label in Audience.choices
        ]


def count_for_sentence(count):
    """GOV.UK style writes one to nine as words in English. Other languages get digits:
    their number words change with the noun (Slovak 'jedna služba', 'dve služby')."""
    if translation.get_language() == "en" and 0 < count < 10:
        return capfirst(apnumber(count))
    return str(count)
