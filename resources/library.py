"""The library at /resources/: filters from the query string, counts beside each option, search, sort, pages.

Unknown or malformed values are ignored and reported back as a message (the
pattern of home/filters.py), so a bad link never produces an error page. Every
count is an aggregate query per facet, so the number of queries does not grow
with the number of resources or options.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import CharField, Count, F, IntegerField, Q, Value
from django.utils.translation import gettext, gettext_lazy

from home import shell_cache
from home.page_queries import public
from resources.choices import AUDIENCE_FIELDS, LANGUAGE_NAMES, Audience
from resources.models import KeyStage, ResourceFormat, ResourcePage, ResourceTopic

PER_PAGE = 20
# The many-to-many facets and what each counts by; TOTAL counts the results themselves.
FACET_LOOKUPS = {
    "key_stage": "key_stages__code",
    "topic": "topics__slug",
    "format": "formats__slug",
    "language": "languages__code",
}
TOTAL = "total"
MAX_QUERY_LENGTH = 200
MAX_SEARCH_MATCHES = 1000
SORTS = {"newest": gettext_lazy("Newest first"), "title": gettext_lazy("Title (A to Z)")}
# What a result card reads of a resource (templates/components/resources_list.html), and its URL.
CARD_FIELDS = ("title", "summary", "professional_only", "url_path", "slug", "locale_id", "depth", "path")
SORT_ORDER = {"newest": ["-first_published_at", "-pk"], "title": ["title", "pk"]}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
WORDS = re.compile(r"\w+")
# What a visitor reads when a filter value is not one we know, whole sentences so each language can word them.
UNKNOWN_VALUE_MESSAGES = {
    "key_stage": lambda: gettext("We do not recognise that key stage, so resources for every key stage are shown."),
    "topic": lambda: gettext("We do not recognise that topic, so resources for every topic are shown."),
    "format": lambda: gettext("We do not recognise that format, so resources for every format are shown."),
    "audience": lambda: gettext("We do not recognise that group, so resources for every group are shown."),
    "language": lambda: gettext("We do not recognise that language, so resources for every language are shown."),
}


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    any_label: str
    options: list
    value: str = ""

    @property
    def selected_label(self):
        return next((option.label for option in self.options if option.selected), "")


# The snippets the filters list: {vocabulary: (model, key field, the two fields to sort by)}.
VOCABULARY_MODELS = {
    "key_stage": (KeyStage, "code", ("sort_order", "code")),
    "topic": (ResourceTopic, "slug", (None, "name")),
    "format": (ResourceFormat, "slug", (None, "name")),
}


def _vocabularies(locale_id):
    """{vocabulary: {key: name}} for the snippets, in the page's language where translated, else
    the default language's. One query for all of them."""
    default_language = settings.LANGUAGE_CODE
    parts = [
        model.objects.filter(Q(locale_id=locale_id) | Q(locale__language_code=default_language))
        .order_by()
        .annotate(
            vocabulary=Value(name, output_field=CharField()),
            key=F(key),
            sort_first=F(first) if first else Value(0, output_field=IntegerField()),
            sort_second=F(second),
        )
        .values_list("vocabulary", "key", "name", "locale_id", "sort_first", "sort_second")
        for name, (model, key, (first, second)) in VOCABULARY_MODELS.items()
    ]
    rows = parts[0].union(*parts[1:], all=True)
    chosen = {name: {} for name in VOCABULARY_MODELS}
    for row in sorted(rows, key=lambda row: row[3] != locale_id):  # the page's own language first
        chosen[row[0]].setdefault(row[1], row)
    return {
        name: {row[1]: row[2] for row in sorted(found.values(), key=lambda row: row[4:])}
        for name, found in chosen.items()
    }


def card_terms(resource_ids):
    """The key stage codes and the (slug, name) of the formats of each resource, in one query:
    {pk: [code, ...]}, {pk: [(slug, name), ...]}, each in the order the vocabularies sort them."""
    if not resource_ids:
        return {}, {}

    def terms(through, kind, slug, name, sort_order):
        return (
            through.objects.filter(resourcepage_id__in=resource_ids)
            .annotate(kind=Value(kind, output_field=CharField()), term_sort=sort_order)
            .values_list("resourcepage_id", "kind", slug, name, "term_sort")
        )

    rows = terms(
        ResourcePage.key_stages.through, "key_stage", "keystage__code", "keystage__code", F("keystage__sort_order")
    ).union(
        terms(
            ResourcePage.formats.through,
            "format",
            "resourceformat__slug",
            "resourceformat__name",
            Value(0, output_field=IntegerField()),
        ),
        all=True,
    )
    key_stages, formats = {}, {}
    for resource_id, kind, slug, name, _sort in sorted(rows, key=lambda row: (row[4], row[3], row[2])):
        if kind == "key_stage":
            key_stages.setdefault(resource_id, []).append(slug)
        else:
            formats.setdefault(resource_id, []).append((slug, name))
    return key_stages, formats


def card_values(page_of_results):
    """What a card shows of each resource on a page of results, as plain values: two queries."""
    resources = list(page_of_results)
    key_stages, formats = card_terms([resource.pk for resource in resources])
    return [
        {
            "pk": resource.pk,
            "title": resource.title,
            "summary": resource.summary,
            "professional_only": resource.professional_only,
            "url_path": resource.url_path,
            "key_stages": key_stages.get(resource.pk, []),
            "formats": formats.get(resource.pk, []),
        }
        for resource in resources
    ]


class Library:
    """Everything the library template shows, computed from the page and the request."""

    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.problems = []
        query = request.GET
        locale_id = page.locale_id
        self.vocabularies = {
            **shell_cache.get_or_compute(f"library-vocabularies:{locale_id}", lambda: _vocabularies(locale_id)),
            "audience": dict(Audience.choices),
            "language": LANGUAGE_NAMES,
        }
        self.values = {
            "key_stage": self._choose(query, "key_stage", "key stage"),
            "topic": self._choose(query, "topic", "topic"),
            "format": self._choose(query, "format", "format"),
            "audience": self._choose(query, "audience", "group"),
            "language": self._choose(query, "language", "language"),
        }
        self.sort = self._read_sort(query)
        self.q = self._read_search(query)
        self._build(query)

    # Reading the query string

    def _choose(self, query, name, noun):
        raw = query.get(name, "").strip()
        if not raw:
            return ""
        known = {value.casefold(): value for value in self.vocabularies[name]}
        value = known.get(raw.casefold())
        if value is None:
            self.problems.append(UNKNOWN_VALUE_MESSAGES[name]())
            return ""
        return value

    def _read_sort(self, query):
        sort = query.get("sort", "").strip() or "newest"
        if sort not in SORTS:
            self.problems.append(gettext("We cannot sort that way, so the newest resources are shown first."))
            return "newest"
        return sort

    def _read_search(self, query):
        q = " ".join(CONTROL_CHARACTERS.sub(" ", query.get("q", "")).split())
        if len(q) > MAX_QUERY_LENGTH:
            self.problems.append(
                gettext("Your search was too long, so only the first %(count)s characters were used.")
                % {"count": MAX_QUERY_LENGTH}
            )
            q = q[:MAX_QUERY_LENGTH].strip()
        # Only words reach the search backend: quotes and operators would be query syntax to it.
        self.search_terms = " ".join(WORDS.findall(q))
        if q and not self.search_terms:
            self.problems.append(gettext("Enter words to search for. Showing all resources."))
        return q

    # Querying

    def _base(self):
        pages = ResourcePage.objects.live().descendant_of(self.page)
        if self.search_terms:
            # The search backend takes Wagtail's public() (a filter it can read), not the subquery.
            matches = pages.public().search(self.search_terms, operator="and")[:MAX_SEARCH_MATCHES]
            return pages.public().filter(pk__in=[match.pk for match in matches])
        return public(pages)

    def _filtered(self, pages, skip=None):
        through = {
            "key_stage": (ResourcePage.key_stages.through, "keystage__code"),
            "topic": (ResourcePage.topics.through, "resourcetopic__slug"),
            "format": (ResourcePage.formats.through, "resourceformat__slug"),
        }
        for name, (model, lookup) in through.items():
            if self.values[name] and name != skip:
                pages = pages.filter(
                    pk__in=model.objects.filter(**{lookup: self.values[name]}).values("resourcepage_id")
                )
        if self.values["audience"] and skip != "audience":
            pages = pages.filter(**{AUDIENCE_FIELDS[self.values["audience"]]: True})
        if self.values["language"] and skip != "language":
            pages = pages.filter(languages__code=self.values["language"]).distinct()
        return pages

    def _facet_counts(self, base):
        """For each facet, how many results each option would give with the other filters kept,
        and how many results there are: one query (a UNION of one grouped count per facet)."""

        def counted(pages, facet, value):
            return (
                pages.order_by()
                .annotate(facet=Value(facet, output_field=CharField()), value=value)
                .values_list("facet", "value")
                .annotate(n=Count("pk", distinct=True))
            )

        def counted_if(pages, facet, value, condition):
            return (
                pages.order_by()
                .annotate(facet=Value(facet, output_field=CharField()), value=value)
                .values_list("facet", "value")
                .annotate(n=Count("pk", distinct=True, filter=condition))
            )

        parts = [counted(self._filtered(base, name), name, F(lookup)) for name, lookup in FACET_LOOKUPS.items()]
        audience_pages = self._filtered(base, "audience")
        parts += [
            counted_if(audience_pages, "audience", Value(str(value), output_field=CharField()), Q(**{field: True}))
            for value, field in AUDIENCE_FIELDS.items()
        ]
        parts.append(counted(self._filtered(base), TOTAL, Value("", output_field=CharField())))
        counts = {name: {} for name in FACET_LOOKUPS}
        counts["audience"] = {str(value): 0 for value in AUDIENCE_FIELDS}
        counts[TOTAL] = {"": 0}
        for facet, value, n in parts[0].union(*parts[1:], all=True):
            if value or facet == TOTAL:
                counts[facet][value] = n
        return counts

    def _counts(self, base):
        """The facet counts, kept with the shell's cached values when there is no search: they change
        only when a page is saved, moved or deleted, a restriction changes or a filter word is edited
        (home.shell_cache retires them then). Searches are not kept: their words are endless."""
        if self.search_terms:
            return self._facet_counts(base)
        key = ":".join(["library-counts", str(self.page.pk), *(self.values[name] for name in sorted(self.values))])
        return shell_cache.get_or_compute(key, lambda: self._facet_counts(base))

    def _build(self, query):
        base = self._base()
        counts = self._counts(base)
        labels = {
            "key_stage": gettext("Key stage"),
            "topic": gettext("Topic"),
            "format": gettext("Format"),
            "audience": gettext("Who it is for"),
        }
        self.facets = []
        for name, label in [*labels.items(), ("language", gettext("Language"))]:
            vocabulary = self.vocabularies[name]
            if name == "language":
                # Only the languages resources are in (and the one asked for), not every language there is.
                codes = set(counts[name]) | ({self.values[name]} if self.values[name] else set())
                vocabulary = dict(
                    sorted(((code, vocabulary[code]) for code in codes if code in vocabulary), key=lambda item: item[1])
                )
            options = [
                Option(value, name_, counts[name].get(value, 0), value == self.values[name])
                for value, name_ in vocabulary.items()
            ]
            any_label = {
                "key_stage": gettext("Any key stage"),
                "topic": gettext("Any topic"),
                "format": gettext("Any format"),
                "audience": gettext("Anyone"),
                "language": gettext("Any language"),
            }[name]
            self.facets.append(Facet(name, label, any_label, options, self.values[name]))

        results = (
            self._filtered(base)
            .order_by(*SORT_ORDER[self.sort])
            .only(*CARD_FIELDS)  # a resource has some 40 fields, its body among them; a card shows four
        )
        paginator = Paginator(results, PER_PAGE)
        paginator.count = counts[TOTAL][""]  # counted with the facets: no COUNT query of its own
        try:
            self.page_obj = paginator.page(query.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            self.problems.append(gettext("That page of results does not exist, so the first page is shown."))
            self.page_obj = paginator.page(1)
        self.result_count = paginator.count
        format_names = self.vocabularies["format"]
        # A resource's address is the library's plus the rest of its path: no URL lookup per card.
        library_url, library_path = self.page.get_url(request=self.request) or "", self.page.url_path
        self.cards = [
            {
                **card,
                "url": library_url + card["url_path"].removeprefix(library_path) if library_url else "",
                # Names from the vocabulary in the page's language (a translated resource keeps the original links).
                "formats": [format_names.get(slug, name) for slug, name in card["formats"]],
            }
            for card in self._cards()
        ]

    def _cards(self):
        """The cards of the page of results shown, kept with the shell's cached values when there is no
        search, like the counts (and retired with them); the pages of a filter are as many as its results."""
        if self.search_terms:
            return card_values(self.page_obj)
        key = ":".join(
            ["library-cards", str(self.page.pk), self.sort, str(self.page_obj.number)]
            + [self.values[name] for name in sorted(self.values)]
        )
        return shell_cache.get_or_compute(key, lambda: card_values(self.page_obj))

    # What the template shows

    @property
    def active(self):
        return bool(self.search_terms or any(self.values.values()))

    @property
    def active_filters(self):
        """'Key stage 2', 'Online safety'...: what the results are narrowed to, in words."""
        return [facet.selected_label for facet in self.facets if facet.value]

    @property
    def sort_options(self):
        return [Option(value, label, selected=value == self.sort) for value, label in SORTS.items()]

    @property
    def page_links(self):
        """Page numbers with gaps ('…' as None) so a long library does not list every page."""
        if self.page_obj.paginator.num_pages <= 1:
            return []
        elided = self.page_obj.paginator.get_elided_page_range(self.page_obj.number, on_each_side=2, on_ends=1)
        return [None if number == self.page_obj.paginator.ELLIPSIS else number for number in elided]
