"""Structured logs: one JSON object per line on standard output, for any log collector.

Used by production settings and by gunicorn (config/gunicorn.conf.py), so the
application's, the task worker's and the web server's lines all parse the same way.
"""

JSON_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
RENAMED_FIELDS = {"asctime": "time", "levelname": "level", "name": "logger"}


def json_logging(level="INFO"):
    """A LOGGING dict: everything at `level` and above, as JSON, to stdout."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": JSON_FORMAT,
                "rename_fields": RENAMED_FIELDS,
            },
        },
        "handlers": {
            "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"},
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Django sends these to its own console handler only in DEBUG; here they go to the JSON root.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.server": {"handlers": [], "level": level, "propagate": True},
            # Every 4xx/5xx is already in gunicorn's access log; keep Django's copy for errors.
            "django.request": {"handlers": [], "level": "ERROR", "propagate": True},
            "gunicorn.error": {"handlers": [], "level": level, "propagate": True},
            "gunicorn.access": {"handlers": [], "level": level, "propagate": True},
        },
    }
