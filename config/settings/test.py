"""Settings for the test suite: fast hashing, tasks run immediately, mail captured."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "WARNING"}}

# Tests sign in with force_login / client.login (which passes no request), so
# 2FA and axes are off here; tests/editorial switches them on to test them.
JIGSAW_REQUIRE_2FA = False
AXES_ENABLED = False

# The full-page cache is off for the suite (query-count pins measure real renders);
# tests/performance switches it on to test it.
PAGE_CACHE_SECONDS = 0
# One process: its own saves retire the shell cache, so it may keep values (query counts stay
# steady however slow the machine is between two requests).
SHELL_CACHE_LOCAL_MEMORY_SECONDS = None
