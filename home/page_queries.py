"""Page querysets in fewer queries."""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from home import shell_cache


def restricted_paths():
    """The paths of pages with a view restriction: a handful at most, cached with the shell's values.

    home.shell_cache retires them when a restriction is saved or deleted and when a page moves.
    """
    return shell_cache.get_or_compute(
        "restricted-paths",
        lambda: tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))),
    )


def public(pages):
    """Wagtail's ``.public()`` without its query: no page at or below a page with a view restriction.

    Wagtail's version loads every restriction on each call to build its filter. The
    paths come from the cache here, and the filter is a few ``path LIKE 'prefix%'``
    conditions the path index answers. (A correlated subquery, tried first, made
    PostgreSQL check every restriction for every row: 0.4 s for the library's facets.)
    """
    paths = restricted_paths()
    if not paths:
        return pages
    under_restriction = Q()
    for path in paths:
        under_restriction |= Q(path__startswith=path)
    return pages.exclude(under_restriction)
