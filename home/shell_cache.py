"""Values every public page needs, kept in Django's cache between requests.

Site settings and the "Site text" snippet are read by every page but change
only when an editor saves them, so they are cached (in the cache the page cache
uses, shared by every process when Redis is configured) under a generation
number of their own, and so are the locales Wagtail looks up by language code
to route each request, and the paths of pages with a view restriction, which
every listing leaves out. Saving or deleting a setting, site text, site, locale
or view restriction, or moving a page (a restricted page's path changes), bumps
the number, which retires every cached value at once - the same scheme as
config/page_cache.py, but not bumped by ordinary content, so publishing a page
does not make the next request fetch the settings again.

Without a shared cache (no REDIS_URL: each process has its own local memory), a save
retires only the saving process's copies, so values there live for a few seconds only:
another gunicorn worker, or the task worker, shows an old helpline number for at most
LOCAL_MEMORY_SECONDS rather than until it restarts.
"""

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from wagtail.models import Site

GENERATION_KEY = "shell-cache:generation"
SHELL_MODELS = {
    "home.sitesettings",
    "home.sitetext",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
}
MISSING = object()
LOCAL_MEMORY_SECONDS = 5


def timeout_for(cache):
    """Forever in a cache every process shares (a save retires it everywhere); briefly in one that is not."""
    if not isinstance(cache, LocMemCache):
        return None
    return getattr(settings, "SHELL_CACHE_LOCAL_MEMORY_SECONDS", LOCAL_MEMORY_SECONDS)


def shell_cache():
    from config.page_cache import page_cache

    return page_cache()


def generation(cache):
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def get_or_compute(name, compute):
    """The cached value for ``name`` in the current generation, computed and stored on a miss (not None)."""
    cache = shell_cache()
    key = f"shell-cache:{generation(cache)}:{name}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        if value is not None:
            cache.set(key, value, timeout=timeout_for(cache))
    return value


def retire(sender, **kwargs):
    if sender._meta.label_lower not in SHELL_MODELS:
        return
    if kwargs.get("created") and sender._meta.label_lower == "home.sitesettings":
        return  # new settings replace nothing cached (a site without them has nothing cached for them)
    cache = shell_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set, or evicted: any new value retires the old keys
        cache.set(GENERATION_KEY, 2, timeout=None)


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import post_page_move

    post_save.connect(retire, dispatch_uid="shell-cache-save")
    post_delete.connect(retire, dispatch_uid="shell-cache-delete")
    post_page_move.connect(retire_all_on_move, dispatch_uid="shell-cache-move")


def retire_all_on_move(**kwargs):
    retire_all()


def retire_all():
    """Retire every cached value (tests call this between tests: their rolled-back rows send no signal)."""
    retire(Site)


def cache_locale_lookups():
    """Look locales up by language code in the cache: Wagtail does it for every page it routes.

    Wagtail's ``Locale.objects.get_for_language`` queries the database each time; the cached
    Locale is retired with everything else here when any locale is saved or deleted. A code
    with no locale still raises ``Locale.DoesNotExist`` (nothing is cached for it).
    """
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models.i18n import LocaleManager

    if getattr(LocaleManager.get_for_language, "cached", False):
        return
    uncached = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        code = get_supported_content_language_variant(language_code)
        return get_or_compute(f"locale:{code}", lambda: uncached(self, code))

    get_for_language.cached = True
    LocaleManager.get_for_language = get_for_language
