"""Settings for real `db_worker` processes in the killed-worker test: the test settings, but with the
database task backend and SMTP (to a local sink), and the database from DATABASE_URL like any deployment."""

from config.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# The database is a throwaway file: skip fsync, which on some disks makes every commit slow. A killed
# process loses nothing this way (its writes are already with the operating system); only a machine crash would.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF;"  # noqa: F405
