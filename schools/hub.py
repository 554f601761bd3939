"""What the Healthy Schools hub shows. A fixed number of queries however much content there is."""

import importlib.util

from wagtail.models import Page

from .access import staff_status_for
from .elearning import module_cards

FEATURED_LIMIT = 6


def featured_resources(hub, request):
    """The editor's choice, in their order; otherwise the resource library's own featured list."""
    chosen_ids = list(hub.featured_resources.values_list("resource_id", flat=True))
    if chosen_ids:
        pages = Page.objects.live().public().filter(pk__in=chosen_ids).specific()
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in chosen_ids if pk in by_id]
    if importlib.util.find_spec("resources.queries"):
        from resources import queries

        if hasattr(queries, "featured_resources"):
            return list(queries.featured_resources(limit=FEATURED_LIMIT))
    return []


def hub_context(hub, request):
    from .models import BriefingPage, ELearningIndexPage, ELearningModulePage, SessionRequestPage

    return {
        "featured": featured_resources(hub, request),
        "elearning_index": ELearningIndexPage.objects.live().child_of(hub).first(),
        "modules": module_cards(ELearningModulePage.objects.live().descendant_of(hub), request.user),
        "briefings": list(
            BriefingPage.objects.live().child_of(hub).only("title", "summary", "issued_on", "url_path", "path", "depth")
        ),
        "session_page": SessionRequestPage.objects.live().child_of(hub).first(),
        "staff_status": staff_status_for(request.user),
    }
