"""The pages every public page links to from its shell, in one query per request at most.

The header's navigation (live children of the home page in the visitor's
language, marked "show in menus") and the footer and safety pages chosen in
site settings (in the visitor's language where translated) are the same on
every page in a language: they are kept with the shell's cached values
(home.shell_cache). The breadcrumbs (the page's ancestors below the tree root)
and the page's translations for the language switcher are the page's own: one
query, whose rows are told apart in Python by the same conditions, kept with the
shell's cached values too. All of it is cached on the request for the tags that
show them.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import translation
from wagtail.models import Page, Site

from home.languages import LANGUAGE_RELATIONS

SETTING_PAGES = ("staying_safe_page", "accessibility_page", "privacy_page", "contact_page")
FIELDS = (
    "title",
    "url_path",
    "depth",
    "path",
    "live",
    "show_in_menus",
    "translation_key",
    "locale__language_code",
    "alias_of__locale__language_code",
)


@dataclass
class ShellPages:
    navigation: list = field(default_factory=list)
    ancestors: list = field(default_factory=list)
    ancestors_of: int | None = None  # the pk of the page whose ancestors these are
    footer: dict = field(default_factory=dict)
    translations: list = field(default_factory=list)  # the page's live translations and itself
    translations_of: int | None = None


def root_path_for(site, language):
    """The url_path of the site's home page in ``language``, from Wagtail's cached site root paths."""
    root_paths = {root.language_code: root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk}
    return root_paths.get(language) or site.root_page.url_path


def ancestor_paths(page):
    """Paths of the page's ancestors below the tree root (depth > 1), top first."""
    step = Page.steplen
    return [page.path[:end] for end in range(2 * step, len(page.path), step)]


def chosen_page_ids(request, site):
    from home.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    return {name: getattr(site_settings, f"{name}_id") for name in SETTING_PAGES}


def site_rows(site, active, chosen):
    """The header's navigation and the pages chosen in site settings (and their translations into
    ``active``): the same on every page in a language, so kept with the shell's cached values,
    which saving (publishing), moving or deleting any page retires (home.shell_cache)."""
    from home.shell_cache import get_or_compute

    def query():
        root_path = root_path_for(site, active)
        wanted = Q(url_path__startswith=root_path, depth=site.root_page.depth + 1, live=True, show_in_menus=True)
        ids = [pk for pk in chosen.values() if pk]
        if ids:
            wanted |= Q(pk__in=ids) | Q(
                translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
                locale__language_code=active,
                live=True,
            )
        return _rows(wanted)

    key = ":".join(["shell-rows", str(site.pk), active, *(str(pk) for pk in chosen.values())])
    return get_or_compute(key, query)


def _rows(wanted):
    return list(Page.objects.filter(wanted).select_related(*LANGUAGE_RELATIONS).only(*FIELDS).order_by("path"))


def page_rows(page):
    """The page's ancestors (for breadcrumbs) and its translations (for the language switcher): one query, or none.

    Only saving, moving or deleting a page changes them, and that retires the shell's cached
    values, so a saved page's rows are kept with them. A page being previewed before its first
    save has no pk to keep them under: it runs the query."""
    from home.shell_cache import get_or_compute

    wanted = Q()
    if page.depth > 2:
        wanted |= Q(path__in=ancestor_paths(page))
    if page.translation_key:
        wanted |= Q(translation_key=page.translation_key) & (Q(live=True) | Q(pk=page.pk))
    if not wanted:
        return []
    if page.pk is None:
        return _rows(wanted)
    return get_or_compute(f"page-rows:{page.pk}:{page.path}:{page.translation_key}", lambda: _rows(wanted))


def shell_pages(request, page=None):
    cached = getattr(request, "_jigsaw_shell_pages", None)
    if cached is not None:
        return cached
    result = ShellPages()
    site = Site.find_for_request(request)
    if site is None:
        request._jigsaw_shell_pages = result
        return result
    active = translation.get_language()
    root_path = root_path_for(site, active)
    navigation_depth = site.root_page.depth + 1
    chosen = chosen_page_ids(request, site)
    rows = site_rows(site, active, chosen)
    result.navigation = [
        row
        for row in rows
        if row.url_path.startswith(root_path) and row.depth == navigation_depth and row.live and row.show_in_menus
    ]
    by_pk = {row.pk: row for row in rows}
    chosen_keys = {by_pk[pk].translation_key for pk in chosen.values() if pk in by_pk}
    localized = {
        row.translation_key: row
        for row in rows
        if row.translation_key in chosen_keys and row.locale.language_code == active and row.live
    }
    for name, pk in chosen.items():
        if pk in by_pk:
            result.footer[name] = localized.get(by_pk[pk].translation_key, by_pk[pk])

    if isinstance(page, Page):
        own_rows = page_rows(page)
        crumb_paths = set(ancestor_paths(page)) if page.depth > 2 else set()
        result.ancestors_of = page.pk
        result.ancestors = [row for row in own_rows if row.path in crumb_paths]
        if page.translation_key:
            result.translations_of = page.pk
            result.translations = [
                row
                for row in own_rows
                if row.translation_key == page.translation_key and (row.live or row.pk == page.pk)
            ]
    request._jigsaw_shell_pages = result
    return result
