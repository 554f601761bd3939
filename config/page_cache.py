"""A full-page cache for anonymous visitors, on Django's cache framework.

Why not a package: wagtail-cache, the maintained Wagtail page cache, supports
Wagtail < 8 only, and Django's own per-site cache middleware keys responses on
request headers and cannot be invalidated when content changes. This is the
small part of both that Jigsaw needs:

- only anonymous GET and HEAD requests are served from the cache: a request that
  carries a session cookie (a signed-in editor or school staff member) always
  reaches Django;
- a response is stored only when it is a plain 200 that is the same for every
  anonymous visitor: no cookie set (a CSRF token or a message sets one), not
  private. ``Vary: Cookie`` alone does not stop it: Django adds that whenever the
  user is looked at (the Wagtail userbar does on every page), and every request
  this cache answers has no session, so its user is the same anonymous one;
- the key is the scheme, the host, the locale prefix, the path, the whole query
  string and whether the visitor accepts gzip;
- it is the first middleware, so a hit is answered before any other runs: the
  stored response already carries the security, CSP and permissions headers they
  added on the miss. The scheme in the key keeps a plain-http request away from
  pages stored for https, so it still reaches the HTTPS redirect;
- HTML is gzipped here, and only what is stored here: a response with no cookie
  and no CSRF token in it carries no secret, so BREACH has nothing to recover.
  Pages with a form (CSRF token) or for a signed-in user are sent uncompressed
  (Django's GZipMiddleware would compress those too; a proxy in front should
  follow the same rule);
- any change to published content bumps one generation number, which retires
  every cached page at once. Publishing is rare and a miss is cheap, so one
  number is safer than tracking which pages show which snippet. Each page is
  stored with the generation it was rendered in, and the number and the page are
  read in one round trip to the cache.

The generation number lives in the same cache as the pages, so with several
processes or hosts the cache must be shared (Redis via ``REDIS_URL``); with the
per-process local-memory cache the page cache is off unless ``PAGE_CACHE_SECONDS``
is set explicitly (see config/settings).
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string

from config import cache_generations as generations

GENERATION_KEY = "page-cache:generation"
HIT_HEADER = "X-Page-Cache"
MESSAGES_COOKIE = "messages"
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/django-admin/", "/healthz", "/api/")


def never_cached_prefixes():
    # Static files and media are served by whitenoise and the storage, with their own caching.
    return (*NEVER_CACHED_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL)


def cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current_generation(cache):
    return generations.read(cache, GENERATION_KEY)


def retire_all_pages(**kwargs):
    """Make every cached page stale. Connected to content-change signals in home.apps."""
    if not cache_seconds():
        return
    generations.bump_now_and_at_commit(_bump)


def _bump():
    generations.bump(page_cache(), GENERATION_KEY)


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES  # a message waiting to be shown to this visitor
        and not request.path_info.startswith(never_cached_prefixes())
        # Wagtail's previews are made-up requests (is_dummy) that only become is_preview past the
        # middleware: without an editor's cookie to copy, the flag is all that tells them apart.
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
    )


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


ACCEPTS_GZIP = re.compile(r"\bgzip\b")
MIN_COMPRESS_BYTES = 200


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def cache_key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    encoding = "gzip" if accepts_gzip(request) else "identity"
    return f"page-cache:{request.method}:{encoding}:{digest}"


def compress_if_safe(request, response):
    """Gzip an anonymous, cookie-free, token-free HTML response (see the module docstring on BREACH)."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if (
        not accepts_gzip(request)
        or response.has_header("Content-Encoding")
        or not response.get("Content-Type", "").startswith("text/")
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a CSRF token was put in the page
        or len(response.content) < MIN_COMPRESS_BYTES
    ):
        return response
    compressed = compress_string(response.content)
    if len(compressed) < len(response.content):
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = "gzip"
    return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors from the cache; store what every anonymous visitor would get."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        if not is_cacheable_request(request):
            return self.get_response(request)
        if not seconds:
            response = self.get_response(request)
            if is_cacheable_response(response):
                self.finish(response)
                compress_if_safe(request, response)
            return response
        cache = page_cache()
        key = cache_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation(cache)
        stored_generation, cached = found.get(key, (None, None))
        if cached is not None and stored_generation == generation:
            cached[HIT_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(response):
            self.finish(response)
            compress_if_safe(request, response)
            # Stored with the generation read before rendering: a change published meanwhile retires it.
            cache.set(key, (generation, response), timeout=seconds)
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def finish(response):
        # Browsers and a CDN may keep the page briefly; Wagtail's frontend cache purges the CDN on publish.
        patch_cache_control(response, public=True, max_age=getattr(settings, "PAGE_BROWSER_CACHE_SECONDS", 60))
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.render()


# Apps whose rows appear on public pages, and the models in them that never do
# (counters, subscriptions, staff progress, editorial bookkeeping, image renditions
# written while a page renders). Everything else saved or deleted retires the cache.
CONTENT_APPS = {
    "home",
    "progress",
    "newsletters",
    "resources",
    "schools",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
}
NON_PUBLIC_MODELS = {
    "newsletters.send",
    "newsletters.delivery",
    "newsletters.subscriber",
    "newsletters.recommendationfollow",
    "newsletters.signup",
    "newsletters.consent",
    "resources.resourcedownload",
    "schools.staffemaildomain",
    "schools.staffprofile",
    "schools.lessonprogress",
    "schools.modulecompletion",
    "schools.sessionrequest",
    "wagtailcore.apitoken",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupsitepermission",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.task",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflow",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowstate",
    "wagtailcore.workflowtask",
    "wagtailimages.rendition",
}


def shows_publicly(model):
    meta = model._meta
    return meta.app_label in CONTENT_APPS and meta.label_lower not in NON_PUBLIC_MODELS


def retire_on_content_change(sender, **kwargs):
    if shows_publicly(sender):
        retire_all_pages()


def connect_invalidation():
    """Retire cached pages on publish, unpublish, move, delete and every saved snippet or setting."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    post_save.connect(retire_on_content_change, dispatch_uid="page-cache-save")
    post_delete.connect(retire_on_content_change, dispatch_uid="page-cache-delete")
    m2m_changed.connect(retire_on_content_change, dispatch_uid="page-cache-m2m")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(retire_all_pages, dispatch_uid=f"page-cache-{id(signal)}")
