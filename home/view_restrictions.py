"""Wagtail's view-restriction check for a page in one query instead of two.

Wagtail's ``Page.get_view_restrictions`` loads the page's ancestors to find any
that are aliases (an alias has no restrictions of its own: its source page's
apply), then queries the restrictions. The ancestors' paths are known from the
page's own path, so here the aliases are resolved in SQL, in the same query: a
recursive subquery follows each page on the path (the page and its ancestors)
through its chain of aliases to the source page, as Wagtail does, and only those
source pages' restrictions are returned. The result is the same queryset.

A page that home.routing has just routed needs no query at all when none of the
pages on its way is an alias and none of the cached restricted paths is above it.
"""

from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction

_wagtail_get_view_restrictions = Page.get_view_restrictions


def path_and_ancestor_paths(page):
    step = Page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def source_page_ids(paths):
    table = Page._meta.db_table
    placeholders = ", ".join(["%s"] * len(paths))
    sql = (
        f"WITH RECURSIVE chain(id, alias_of_id) AS ("  # noqa: S608 - the table name is the model's
        f"SELECT id, alias_of_id FROM {table} WHERE path IN ({placeholders}) "
        f"UNION SELECT p.id, p.alias_of_id FROM {table} p INNER JOIN chain ON p.id = chain.alias_of_id"
        f") SELECT id FROM chain WHERE alias_of_id IS NULL"
    )
    return RawSQL(sql, paths)  # noqa: S611 - the paths are passed as parameters


def get_view_restrictions(self):
    if not self.path:
        return _wagtail_get_view_restrictions(self)
    if known_to_be_unrestricted(self):
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(page_id__in=source_page_ids(path_and_ancestor_paths(self)))


def known_to_be_unrestricted(page):
    """No query for a page routed by home.routing whose way from the home page has no alias (so no
    other page's restrictions apply) and is below no restricted path, when the cached restricted
    paths are kept until a change retires them (Redis, or one process): in a per-process cache
    they may be seconds old, and the database is asked."""
    from home import shell_cache
    from home.page_queries import restricted_paths

    chain = getattr(page, "_jigsaw_route_chain", None)
    if not chain or chain[0].depth != 2 or chain[-1].pk != page.pk or any(step.alias_of_id for step in chain):
        return False
    if not shell_cache.kept_until_retired():
        return False
    return not any(page.path.startswith(path) for path in restricted_paths())


def install():
    Page.get_view_restrictions = get_view_restrictions
