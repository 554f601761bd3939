"""Values every public page needs, and values derived from published content, kept in
Django's cache between requests.

Site settings and the "Site text" snippet are read by every page but change only when an
editor saves them, so they are cached (in the cache the page cache uses, shared by every
process when Redis is configured) under a generation number of their own, and so are the
Site for each host name, the locales Wagtail looks up by language code to route each
request, the paths of pages with a view restriction, which every listing leaves out, the
header's navigation and the footer's pages in each language (home.shell_pages), the filter
words of the resource library and the newsletter archive, and where each recommendation
stands (progress.state). Whatever retires the page cache bumps the number too (saving or
deleting anything a public page shows: a page, snippet, setting, site, locale or view
restriction; moving a page), which retires every cached value at once - the same scheme
as config/page_cache.py. These values are few and cheap to compute again, so one number
is safer than working out which of them a change touches.

Without a shared cache (no REDIS_URL: each process has its own local memory), a save
retires only the saving process's copies, so values there live for a few seconds only:
another gunicorn worker, or the task worker, shows an old helpline number for at most
LOCAL_MEMORY_SECONDS rather than until it restarts.

Each process also keeps the values it has read, pickled, beside the generation they
belong to, and a request reads the generation once: so a page costs one round trip to
the cache for all of these values, not two for each (issue 9). Every read still returns
a fresh copy, as a read from Redis does, so a value one request changes is never seen
by the next.
"""

import pickle
import threading
import time

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.http.request import split_domain_port
from wagtail.models import Site

from config import cache_generations as generations
from config.page_cache import shows_publicly

GENERATION_KEY = "shell-cache:generation"
MISSING = object()
LOCAL_MEMORY_SECONDS = 5
SHARED_SECONDS = 24 * 60 * 60
MAX_PROCESS_COPIES = 10_000


def timeout_for(cache):
    """A day in a cache every process shares (a change retires values everywhere, and a page save
    makes a new generation, so the old one's values must not stay for ever); briefly in one that is not."""
    if not isinstance(cache, LocMemCache):
        return SHARED_SECONDS
    return getattr(settings, "SHELL_CACHE_LOCAL_MEMORY_SECONDS", LOCAL_MEMORY_SECONDS)


def process_copy_seconds(cache):
    """How long this process may use its own copy: while its generation is current, if every
    process's changes reach the shared generation; as long as the local cache keeps values, if not."""
    return None if not isinstance(cache, LocMemCache) else timeout_for(cache)


def kept_until_retired():
    """Whether cached values stay until a change retires them (a shared cache, or one process in tests)."""
    return process_copy_seconds(shell_cache()) is None


def shell_cache():
    from config.page_cache import page_cache

    return page_cache()


# The generation a request has read (read once per request), and this process's copies of the values.
_this_request = threading.local()
_process_copies = {}  # name -> (generation, expires at, pickled value)


def generation(cache):
    """The current generation: read once per request, and on every call outside one (tasks, commands)."""
    seen = getattr(_this_request, "generation", None)
    if seen is not None:
        return seen
    value = generations.read(cache, GENERATION_KEY)
    if getattr(_this_request, "active", False):
        _this_request.generation = value
    return value


def request_started(**kwargs):
    _this_request.active = True
    _this_request.generation = None
    _this_request.site_root_paths = None


def request_finished(**kwargs):
    _this_request.active = False
    _this_request.generation = None
    _this_request.site_root_paths = None


def get_or_compute(name, compute):
    """The cached value for ``name`` in the current generation, computed and stored on a miss (not None)."""
    cache = shell_cache()
    current = generation(cache)
    now = time.monotonic()
    copy = _process_copies.get(name)
    if copy is not None and copy[0] == current and copy[1] > now:
        return pickle.loads(copy[2])  # noqa: S301 - pickled by this process, from its own values
    key = f"shell-cache:{current}:{name}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        if value is None:
            return None
        cache.set(key, value, timeout=timeout_for(cache))
    lifetime = process_copy_seconds(cache)
    if len(_process_copies) >= MAX_PROCESS_COPIES:  # e.g. many host names under a wildcard ALLOWED_HOSTS
        _process_copies.clear()
    _process_copies[name] = (current, now + lifetime if lifetime is not None else float("inf"), pickle.dumps(value))
    return value


def retire(sender, **kwargs):
    """Retire every value when anything a public page shows changes: the same rule as the page
    cache's (config.page_cache.shows_publicly), so a value derived from published content, such
    as where each recommendation stands, is never older than the pages around it."""
    if not shows_publicly(sender):
        return
    if kwargs.get("created") and sender._meta.label_lower == "home.sitesettings":
        return  # new settings replace nothing cached (a site without them has nothing cached for them)
    generations.bump_now_and_at_commit(_bump)


def _bump():
    generations.bump(shell_cache(), GENERATION_KEY)
    _this_request.generation = None  # a value read later in this request is the new one


def connect():
    from django.core import signals
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import post_page_move

    post_save.connect(retire, dispatch_uid="shell-cache-save")
    post_delete.connect(retire, dispatch_uid="shell-cache-delete")
    m2m_changed.connect(retire, dispatch_uid="shell-cache-m2m")
    post_page_move.connect(retire_all_on_page_change, dispatch_uid="shell-cache-move")
    signals.request_started.connect(request_started, dispatch_uid="shell-cache-request-started")
    signals.request_finished.connect(request_finished, dispatch_uid="shell-cache-request-finished")


def retire_all_on_page_change(**kwargs):
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


def cache_site_lookups():
    """Find the Site for a request in the cache: Wagtail queries the database for every request.

    Keyed by host name and port, as Wagtail matches them; the site comes with its root page
    (Wagtail selects it too). Saving or deleting a site, or saving, moving or deleting a page,
    retires it. A host with no site is not cached.
    """
    if getattr(Site._find_for_request, "cached", False):
        return
    uncached = Site._find_for_request

    def find_for_request(request):
        hostname = split_domain_port(request._get_raw_host())[0]
        return get_or_compute(f"site:{hostname}:{request.get_port()}", lambda: uncached(request))

    find_for_request.cached = True
    Site._find_for_request = staticmethod(find_for_request)


def memoize_site_root_paths():
    """Read Wagtail's site root paths from the cache once per request, not for every URL built.

    Wagtail keeps them in the cache and reads them again each time a URL is built
    without a request to hold them (the shell builds several), which is a round
    trip to Redis each. Outside a request, and after Wagtail clears them, they are
    read again.
    """
    if getattr(Site.get_site_root_paths, "memoized", False):
        return
    uncached = Site.get_site_root_paths
    uncached_clear = Site.clear_site_root_paths_cache

    def get_site_root_paths():
        if not getattr(_this_request, "active", False):
            return uncached()
        paths = getattr(_this_request, "site_root_paths", None)
        if paths is None:
            paths = _this_request.site_root_paths = uncached()
        return paths

    def clear_site_root_paths_cache():
        _this_request.site_root_paths = None
        uncached_clear()

    get_site_root_paths.memoized = True
    Site.get_site_root_paths = staticmethod(get_site_root_paths)
    Site.clear_site_root_paths_cache = staticmethod(clear_site_root_paths_cache)
