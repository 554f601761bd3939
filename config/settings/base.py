"""Settings shared by every environment.

Production-safe by default: DEBUG is off and there is no default secret key.
Services switch on from environment variables listed in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured

from config.security import PERMISSIONS_POLICY as JIGSAW_PERMISSIONS_POLICY
from config.security import admin_directives, public_directives
from config.services import caches_from_env, frontend_cache_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "progress",
    "newsletters",
    "resources",
    "schools",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    # First: a cached anonymous page is served before anything else runs (its stored copy
    # already has the headers the middleware below added), without the session or the database.
    "config.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.editorial.security.AdminSecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin security (docs/editor-guide.md). django-axes watches every sign-in and
# locks a username from an address out after repeated failures.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "editorial/locked_out.html"
# Two-factor authentication (django-otp: authenticator app plus recovery codes)
# for everyone who can use the admin. Only dev.py may switch it off.
JIGSAW_REQUIRE_2FA = True
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Jigsaw")
# Admin sessions end after this long without a request, and in any case after a working day.
JIGSAW_ADMIN_IDLE_TIMEOUT = int(os.environ.get("ADMIN_IDLE_TIMEOUT_SECONDS", str(60 * 60)))
JIGSAW_ADMIN_MAX_SESSION = int(os.environ.get("ADMIN_MAX_SESSION_SECONDS", str(10 * 60 * 60)))
SESSION_COOKIE_AGE = JIGSAW_ADMIN_MAX_SESSION

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. LANGUAGE_CODE is served at unprefixed URLs; every other language in
# SITE_LANGUAGES lives under its code (/ur/, /pl/...). The demo ships English,
# Urdu (right to left), Slovak, Polish and Romanian. Any language Django knows
# can be added: give it a locale/<code>/LC_MESSAGES/django.po for the interface
# and a Locale in the admin (docs/editor-guide.md, "Translating content").
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
_KNOWN_LANGUAGES = dict(global_settings.LANGUAGES)
_SITE_LANGUAGES = list(dict.fromkeys([LANGUAGE_CODE, *env_list("SITE_LANGUAGES", "en,ur,sk,pl,ro")]))
if _unknown := [code for code in _SITE_LANGUAGES if code not in _KNOWN_LANGUAGES]:
    raise ImproperlyConfigured(f"SITE_LANGUAGES has codes Django does not know: {', '.join(_unknown)}")
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [(code, _KNOWN_LANGUAGES[code]) for code in _SITE_LANGUAGES]
# Translations are synced with their source page (wagtail-localize's default,
# stated so it is not changed by accident): editors update them from the source.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
WAGTAIL_I18N_ENABLED = True
# New translations start as drafts; they go live only through review (home/editorial).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "frontend" / "build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# Redis when REDIS_URL is set, with a `renditions` alias for Wagtail's image renditions (config/services.py).
CACHES = caches_from_env()
# Full-page cache for anonymous visitors (config/page_cache.py). It needs a cache every process
# shares, so it is on by default only with Redis; PAGE_CACHE_SECONDS=0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300" if os.environ.get("REDIS_URL") else "0"))
PAGE_BROWSER_CACHE_SECONDS = int(os.environ.get("PAGE_BROWSER_CACHE_SECONDS", "60"))
# The CDN purge: empty unless FRONTEND_CACHE_* variables are set (docs/operations.md).
WAGTAILFRONTENDCACHE = frontend_cache_from_env()

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email: SMTP when EMAIL_HOST is set; the settings files pick a fallback.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@example.org")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_SSL:
    EMAIL_USE_TLS = False
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# EMAIL_BACKEND may name a django-anymail backend (e.g. anymail.backends.postmark.EmailBackend)
# to send through a provider's API; every ANYMAIL_* variable goes into ANYMAIL without its
# prefix (e.g. ANYMAIL_POSTMARK_SERVER_TOKEN, ANYMAIL_WEBHOOK_SECRET for bounce webhooks).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
ANYMAIL = {name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items() if name.startswith("ANYMAIL_")}

# Newsletters (newsletters/conf.py): links in emails, sending rate and batch size for each worker.
NEWSLETTER_BASE_URL = os.environ.get("NEWSLETTER_BASE_URL", "")  # default: WAGTAILADMIN_BASE_URL
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_SEND_RATE = float(os.environ.get("NEWSLETTER_SEND_RATE", "0"))  # emails a second; 0 = no limit
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "100"))
NEWSLETTER_SEND_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_SEND_LEASE_SECONDS", "120"))

# Cookies: anonymous visitors get none; what is set is secure and same-site.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy and Permissions-Policy on every response (config/security.py):
# strict on public pages (an inline script needs nonce="{{ CSP_NONCE }}"), relaxed in the admin.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_directives()}
JIGSAW_ADMIN_CSP_DIRECTIVES = admin_directives()
PERMISSIONS_POLICY = JIGSAW_PERMISSIONS_POLICY

WAGTAIL_SITE_NAME = "Jigsaw"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp", "ods", "csv", "txt", "mp4", "mp3"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents: the extension allow-list above, a size limit and a content check (home/validators.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.validators.BaseSafeDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Editorial workflow: reviewers are emailed through EMAIL_BACKEND; comments,
# locking and revision comparison stay on. Re-approval on edit stays off: with it,
# approving from the edit screen (which saves a revision) would restart the task.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
# The final approval publishes (or schedules); approvers hold no publish permission of their own.
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.editorial.workflow.publish_approved_revision"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin makes no third-party requests (and the CSP would block them).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Rate limiting for public forms (per address, per window).
FORM_RATE_LIMIT = int(os.environ.get("FORM_RATE_LIMIT", "5"))
FORM_RATE_WINDOW_SECONDS = int(os.environ.get("FORM_RATE_WINDOW_SECONDS", "600"))

# School staff accounts (schools/): the public sign-in page, where session requests and
# "account awaiting approval" notices go, and how long an email-verification link works.
LOGIN_URL = "schools:sign_in"
SCHOOLS_TEAM_EMAIL = os.environ.get("SCHOOLS_TEAM_EMAIL", "")
SCHOOLS_VERIFICATION_MAX_AGE = int(os.environ.get("SCHOOLS_VERIFICATION_MAX_AGE", str(3 * 24 * 60 * 60)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
