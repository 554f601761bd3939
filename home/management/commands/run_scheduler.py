"""Run Wagtail's `publish_scheduled` every minute, so scheduled pages go live without cron.

`make run` starts it beside the web server. In production run it as one extra
long-lived process (one per deployment is enough), or call
`manage.py publish_scheduled` from cron every minute instead.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages and snippets every minute (or --once)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, interval=60, once=False, **options):
        while True:
            started = time.monotonic()
            try:
                call_command("publish_scheduled", verbosity=0)
            except Exception as error:  # noqa: BLE001 - a bad run must not stop the next one
                self.stderr.write(f"publish_scheduled failed: {error}")
            if once:
                return
            # A long-lived process drops a broken or expired connection before its next run; a
            # single run leaves the connection to its caller (a test's transaction, for one).
            close_old_connections()
            time.sleep(max(1, interval - (time.monotonic() - started)))
