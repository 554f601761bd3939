"""Production: every service comes from the environment (see `.env.example` and docs/operations.md).

Start-up fails with a message naming the variable when something required is
missing, rather than running half-configured on the public internet.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.logging import json_logging
from config.security import admin_directives, public_directives
from config.services import caches_from_env, frontend_cache_from_env
from config.storage import media_origins, storages_from_env

from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool, env_list

REQUIRED = {
    "SECRET_KEY": "a long random string, e.g. from "
    '`python -c "import secrets; print(secrets.token_urlsafe(64))"`; the same on every host',
    "ALLOWED_HOSTS": "the site's host names, comma-separated, e.g. jigsaw.example.org",
    "CSRF_TRUSTED_ORIGINS": "the site's origins, comma-separated, e.g. https://jigsaw.example.org",
}
missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if missing:
    raise ImproperlyConfigured(
        "Jigsaw cannot start in production without these environment variables: "
        + "; ".join(f"{name} ({REQUIRED[name]})" for name in missing)
        + ". See .env.example and docs/operations.md."
    )
if len(os.environ["SECRET_KEY"]) < 50 or len(set(os.environ["SECRET_KEY"])) < 5:
    raise ImproperlyConfigured("SECRET_KEY is too short: use at least 50 random characters. " + REQUIRED["SECRET_KEY"])
if any(not origin.startswith("https://") for origin in env_list("CSRF_TRUSTED_ORIGINS")):
    raise ImproperlyConfigured("CSRF_TRUSTED_ORIGINS must be https:// origins, e.g. https://jigsaw.example.org.")

DEBUG = False

# PostgreSQL, one for every host. Connections are kept for DB_CONN_MAX_AGE seconds
# and checked before reuse, so a database restart costs one retry, not errors.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Wagtail's database search backend (base.py) uses PostgreSQL full-text search
# (tsvector, ranking, stemming) whenever the database is PostgreSQL.

# Media and documents: a private S3-compatible bucket when AWS_STORAGE_BUCKET_NAME
# is set (config/storage.py), local disk otherwise. Static files: whitenoise,
# compressed with hashed names, cached for a year and marked immutable.
STORAGES = storages_from_env()
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# Hashed names (everything {% static %} links to) are cached for ten years and marked immutable by
# whitenoise itself; this is only for a file fetched by its plain name, which can change under it.
WHITENOISE_MAX_AGE = int(os.environ.get("WHITENOISE_MAX_AGE", "3600"))
# Documents are always streamed through Wagtail's view, after its permission checks,
# never sent as a bucket URL (base.py sets this too; it must not change here).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Redis for every host when REDIS_URL is set, including Wagtail's renditions cache.
CACHES = caches_from_env()

# The CDN in front of the site: Wagtail purges pages when they are published,
# and home/signals.py purges the pages that show a changed snippet.
WAGTAILFRONTENDCACHE = frontend_cache_from_env()

# Email: base.py reads EMAIL_BACKEND (SMTP unless it names a django-anymail backend),
# EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS/SSL,
# EMAIL_TIMEOUT, DEFAULT_FROM_EMAIL and SERVER_EMAIL; production adds nothing.

# One JSON object per line on standard output.
LOGGING = json_logging(os.environ.get("LOG_LEVEL", "INFO"))
# django-axes logs sign-ins; keep the user agent out of those lines too, like the address and name.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "user_agent"]

# HTTPS only, behind a proxy or load balancer that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Cookies (only ever set for signed-in people and form posts): HTTPS only, out of
# JavaScript's reach (the admin reads the CSRF token from the page), same-site.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (config/security.py): images may come from the bucket's signed URLs.
_csp_args = {
    "media_origins": media_origins(),
    "frame_origins": env_list("CSP_FRAME_SRC"),
    "report_uri": os.environ.get("CSP_REPORT_URI") or None,
    "upgrade_insecure_requests": True,
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_directives(**_csp_args)}
JIGSAW_ADMIN_CSP_DIRECTIVES = admin_directives(**_csp_args)

# Uploads: Wagtail's limits (base.py) apply per file; these stop oversized requests
# before a form is even read. Files over 2.5 MB go to a temporary file, not memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", str(5 * 1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_TEMP_DIR = os.environ.get("FILE_UPLOAD_TEMP_DIR") or None

# Every admin account signs in with a second factor; there is no switch for it here.
JIGSAW_REQUIRE_2FA = True
