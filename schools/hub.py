"""What the Healthy Schools hub shows. A fixed number of queries however much content there is."""

import importlib.util

from wagtail.models import Page

from home.page_queries import public

from .access import staff_status_for
from .elearning import module_cards

FEATURED_LIMIT = 6


def featured_resources(hub, request):
    """The editor's choice, in their order; otherwise the resource library's own featured list."""
    chosen_ids = list(hub.featured_resources.values_list("resource_id", flat=True))
    if chosen_ids:
        pages = public(Page.objects.live()).filter(pk__in=chosen_ids).specific()
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in chosen_ids if pk in by_id]
    if importlib.util.find_spec("resources.queries"):
        from resources import queries

        if hasattr(queries, "featured_resources"):
            # The cards show title, summary and access only: nothing to prefetch.
            return list(queries.featured_resources(limit=FEATURED_LIMIT, prefetch=()))
    return []


def hub_context(hub, request):
    from .models import BriefingPage, ELearningIndexPage, ELearningModulePage, SessionRequestPage

    links = first_child_of_each_type(hub, ELearningIndexPage, SessionRequestPage)
    return {
        "featured": featured_resources(hub, request),
        "elearning_index": links[ELearningIndexPage],
        "modules": module_cards(ELearningModulePage.objects.live().descendant_of(hub), request.user),
        "briefings": list(
            BriefingPage.objects.live().child_of(hub).only("title", "summary", "issued_on", "url_path", "path", "depth")
        ),
        "session_page": links[SessionRequestPage],
        "staff_status": staff_status_for(request.user),
    }


def first_child_of_each_type(hub, *page_types):
    """{page type: its first live child of the hub, or None}, in one query.

    The hub only links to these pages, so plain Page rows (title and URL) are enough.
    """
    found = dict.fromkeys(page_types)
    pages = (
        Page.objects.live()
        .child_of(hub)
        .type(*page_types)
        .only("title", "url_path", "path", "depth", "content_type", "locale")
        .order_by("path")
    )
    for page in pages:
        page_type = next(page_type for page_type in page_types if issubclass(page.specific_class, page_type))
        if found[page_type] is None:
            found[page_type] = page
    return found
