"""Routing a URL in fewer queries than Wagtail: ``route_for_request`` (below) for the
whole URL, and ``ChildRouteMixin`` for a listing page's children.

Wagtail routes a URL one slug at a time, and for each it loads the child page
then its specific type: two queries. A listing page whose children are all of
one type (``subpage_types``) can load the child as that type at once, with any
relations its template shows. A child of another type, or none (a 404), is
left to Wagtail's routing as before.
"""

import hashlib

from django.apps import apps
from django.http import Http404


class ChildRouteMixin:
    """Put before ``Page`` (after ``RoutablePageMixin``, whose own routes still come first)."""

    #: "app_label.ModelName" of the children, and the relations to select with them.
    child_page_model = None
    child_select_related = ()

    def route(self, request, path_components):
        if path_components and self.child_page_model:
            model = apps.get_model(self.child_page_model)
            child = (
                model.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*self.child_select_related)
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail does: no query for the parent
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


# Routing a whole URL in two queries ---------------------------------------------------------------

CHAIN_FIELDS = ("id", "path", "depth", "url_path", "title", "slug", "content_type_id", "live", "alias_of_id")


def intercepts(model, remaining):
    """Whether a page of ``model`` may answer ``remaining`` itself rather than pass it to a child page.

    Wagtail's own routing and ChildRouteMixin pass every path to the child with the
    first slug; a RoutablePageMixin page answers the paths its own routes match.
    Any other ``route`` could do anything, so it is given the path.
    """
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import Page

    if model.route not in (Page.route, ChildRouteMixin.route, RoutablePageMixin.route):
        return True
    if issubclass(model, RoutablePageMixin):
        try:
            model.get_resolver().resolve("/" + "".join(f"{slug}/" for slug in remaining))
        except Http404:
            return False
        return True
    return False


def route_for_request(request, path):
    """Wagtail's ``Page.route_for_request``, in one or two queries for most URLs instead of one or two a slug.

    One query loads the site's home page in the visitor's language and every page on
    the way to the URL (each is named by its ``url_path``, which Wagtail keeps in step
    with the slugs); a second loads the page that answers as its own type. A page on
    the way that answers paths itself (a RoutablePageMixin route, or a ``route`` of
    its own) is loaded and routes the rest as Wagtail would. When the home page in
    this language is not live, Wagtail's routing does it all, as before. The first
    query's pages are kept with the shell's cached values (``_chain_pages``).
    """
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    from wagtail.models import Site

    result = None
    try:
        site = Site.find_for_request(request)
        if site is not None:
            result = _route(request, site, [component for component in path.split("/") if component])
    except Http404:
        result = None
    request._wagtail_route_for_request = result
    return result


def _route(request, site, components):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import translation
    from wagtail.models import Page

    from home.shell_pages import root_path_for

    root_path = root_path_for(site, translation.get_language())
    url_paths = [root_path + "".join(f"{slug}/" for slug in components[:end]) for end in range(len(components) + 1)]
    chain = {}
    if root_path == site.root_page.url_path:  # the site's own home page came with the site, from the cache
        chain[root_path] = site.root_page
    wanted = [url_path for url_path in url_paths if url_path not in chain]
    if wanted:
        chain.update((page.url_path, page) for page in _chain_pages(wanted))
    root = chain.get(root_path)
    if root is None or not root.live:
        return _wagtail_route_for_request(request, "/".join(components))
    found = []  # the pages on the way, root first, each with its model
    for index, url_path in enumerate(url_paths):
        page = chain.get(url_path)
        if page is None:
            break
        model = ContentType.objects.get_for_id(page.content_type_id).model_class() or Page  # as .specific does
        found.append((page, model))
        if index < len(components) and intercepts(model, components[index:]):
            break
    page, model = found[-1]
    remaining = components[len(found) - 1 :]
    parent, parent_model = found[-2] if len(found) > 1 else (None, None)
    pages = model.objects.all()
    if _is_child_model_of(parent_model, model):
        pages = pages.select_related(*parent_model.child_select_related)
    specific = pages.filter(pk=page.pk).first()
    if specific is None:  # deleted since the first query
        raise Http404
    if parent is not None:
        specific._cached_parent_obj = parent  # as Wagtail does: no query for the parent
    specific._jigsaw_route_chain = [page for page, _model in found]
    return specific.route(request, remaining)


def _chain_pages(url_paths):
    """The pages at ``url_paths``, top first: one query, or none for a URL that is all pages.

    Only saving, moving or deleting a page changes them, and each retires the shell's
    cached values, so a URL whose every segment is a page keeps its chain there. Any
    other URL (a page's own route, a mistype, a made-up address) runs the query and is
    not kept, so what is kept grows with the site's pages and never with its visitors.
    """
    from wagtail.models import Page

    from home.shell_cache import get_or_compute

    queried = []

    def query():
        queried.extend(Page.objects.filter(url_path__in=url_paths).only(*CHAIN_FIELDS).order_by("depth"))
        return queried if len(queried) == len(url_paths) else None

    digest = hashlib.sha256("\n".join(url_paths).encode()).hexdigest()
    kept = get_or_compute(f"route-chain:{digest}", query)
    return kept if kept is not None else queried


def _is_child_model_of(parent_model, model):
    """Whether ``parent_model`` routes to children of ``model`` (ChildRouteMixin), whose relations it selects."""
    return (
        parent_model is not None
        and issubclass(parent_model, ChildRouteMixin)
        and bool(parent_model.child_page_model)
        and apps.get_model(parent_model.child_page_model) is model
    )


_wagtail_route_for_request = None


def install():
    """Route every request with ``route_for_request`` (called once, from home.apps)."""
    global _wagtail_route_for_request
    from wagtail.models import Page

    if getattr(Page.route_for_request, "two_queries", False):
        return
    _wagtail_route_for_request = Page.route_for_request
    route_for_request.two_queries = True
    Page.route_for_request = staticmethod(route_for_request)
