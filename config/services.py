"""Shared services read from the environment: the cache (Redis or local memory) and the CDN purge.

The settings call these so that every host of a deployment builds the same
configuration from the same variables (see `.env.example`, docs/operations.md).
"""

import os

from django.core.exceptions import ImproperlyConfigured

REDIS = "config.redis_cache.RedisCache"  # Django's backend, one client per pool
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


def caches_from_env(environ=os.environ):
    """CACHES: Redis when REDIS_URL is set (shared by every host), local memory otherwise.

    `renditions` is the alias Wagtail looks for to cache image renditions, so a
    page with many images does not query for each rendition on every request.
    """
    url = environ.get("REDIS_URL", "").strip()
    prefix = environ.get("CACHE_KEY_PREFIX", "jigsaw")
    if not url:
        return {
            "default": {"BACKEND": LOCMEM, "LOCATION": "default"},
            "renditions": {"BACKEND": LOCMEM, "LOCATION": "renditions"},
        }
    # Short socket timeouts: a slow Redis should fail a request quickly, not hang a worker.
    options = {"socket_connect_timeout": 2, "socket_timeout": 2, "health_check_interval": 30}
    return {
        "default": {"BACKEND": REDIS, "LOCATION": url, "KEY_PREFIX": prefix, "OPTIONS": options},
        "renditions": {
            "BACKEND": REDIS,
            "LOCATION": url,
            "KEY_PREFIX": f"{prefix}-renditions",
            "TIMEOUT": 60 * 60 * 24 * 7,
            "OPTIONS": options,
        },
    }


def frontend_cache_from_env(environ=os.environ):
    """WAGTAILFRONTENDCACHE: which CDN Wagtail purges when content changes (empty: none).

    Any combination may be set; each backend gets every purge. FRONTEND_CACHE_HOSTNAMES
    (comma-separated) limits purges to those host names.
    """
    backends = {}
    token = environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", "").strip()
    zone = environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID", "").strip()
    if token or zone:
        if not (token and zone):
            raise ImproperlyConfigured(
                "Set both FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN and FRONTEND_CACHE_CLOUDFLARE_ZONEID, or neither."
            )
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": token,
            "ZONEID": zone,
        }
    distribution = environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", "").strip()
    if distribution:
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    purge_url = environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
    if purge_url:
        # Varnish, nginx or any cache that accepts an HTTP PURGE request for a path.
        backends["http"] = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": purge_url}
    hostnames = [name.strip() for name in environ.get("FRONTEND_CACHE_HOSTNAMES", "").split(",") if name.strip()]
    if hostnames:
        for backend in backends.values():
            backend["HOSTNAMES"] = hostnames
    return backends
