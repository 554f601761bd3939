"""What the Healthy Schools hub shows. A fixed number of queries however much content there is."""

import importlib.util

from django.db.models import Count
from django.utils import translation
from wagtail.models import Page

from home.page_queries import public
from home.shell_cache import get_or_compute

from .access import staff_status_for
from .elearning import with_passed

FEATURED_LIMIT = 6
# What a resource card on the hub shows (title, summary, access) and what its link needs.
CARD_FIELDS = ("title", "summary", "professional_only", "url_path", "path", "depth", "locale")
MODULE_FIELDS = ("title", "search_description", "estimated_minutes", "url_path", "path", "depth", "locale")


def featured_resources(hub):
    """The editor's choice, in their order; otherwise the resource library's own featured list."""
    chosen_ids = list(hub.featured_resources.values_list("resource_id", flat=True))
    if chosen_ids:
        from resources.models import ResourcePage

        pages = public(ResourcePage.objects.live()).filter(pk__in=chosen_ids).only(*CARD_FIELDS)
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in chosen_ids if pk in by_id]
    if importlib.util.find_spec("resources.queries"):
        from resources import queries

        if hasattr(queries, "featured_resources"):
            return list(queries.featured_resources(limit=FEATURED_LIMIT, prefetch=(), fields=CARD_FIELDS))
    return []


def listed_pages(hub, request):
    """What the hub lists for everyone: featured resources, e-learning modules, briefings and its links.

    All of it is pages (an e-learning module's lessons are saved with it), so it is kept with
    the shell's cached values, which saving, moving or deleting any page or view restriction
    retires (home.shell_cache): four queries fewer on each visit. Kept per language, because
    the library's featured list is the visitor's language's. A preview shows the editor's
    unsaved choices, so it is never kept.
    """
    from .models import BriefingPage, ELearningIndexPage, ELearningModulePage, SessionRequestPage

    def compute():
        links = first_child_of_each_type(hub, ELearningIndexPage, SessionRequestPage)
        modules = ELearningModulePage.objects.live().descendant_of(hub).only(*MODULE_FIELDS)
        return {
            "featured": featured_resources(hub),
            "elearning_index": links[ELearningIndexPage],
            "modules": list(modules.annotate(lesson_count=Count("lessons")).order_by("path")),
            "briefings": list(
                BriefingPage.objects.live()
                .child_of(hub)
                .only("title", "summary", "issued_on", "url_path", "path", "depth")
            ),
            "session_page": links[SessionRequestPage],
        }

    if getattr(request, "is_preview", False) or hub.pk is None:
        return compute()
    return get_or_compute(f"schools-hub:{hub.pk}:{translation.get_language()}", compute)


def hub_context(hub, request):
    listed = listed_pages(hub, request)
    return {
        **listed,
        "modules": with_passed(listed["modules"], request.user),
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
