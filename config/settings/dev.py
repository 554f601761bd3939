"""Local development: `make run`. SQLite, local media, console email."""

import os

from .base import *  # noqa: F403
from .base import EMAIL_HOST

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not EMAIL_HOST and not os.environ.get("EMAIL_BACKEND"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo's editor accounts sign in with a password alone; production always asks for a second factor.
JIGSAW_REQUIRE_2FA = False
