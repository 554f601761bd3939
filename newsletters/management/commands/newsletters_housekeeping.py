"""Delete sign-ups nobody confirmed within 7 days, and restart sends whose worker stopped.

Run it every hour or so (cron, a systemd timer, or the `make run` loop). It is
safe to run as often as you like. With --enqueue it hands the deletion to the
task worker instead of doing it in this process.
"""

from django.core.management.base import BaseCommand

from newsletters.delivery import resume_stalled_sends
from newsletters.tasks import delete_expired_signups


class Command(BaseCommand):
    help = "Delete unconfirmed newsletter sign-ups older than 7 days and restart stalled sends."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue the deletion as a background task.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            delete_expired_signups.enqueue()
            self.stdout.write("Queued the deletion of expired sign-ups.")
        else:
            deleted = delete_expired_signups.call()
            self.stdout.write(f"Deleted {deleted} unconfirmed sign-up{'s' if deleted != 1 else ''}.")
        restarted = resume_stalled_sends()
        if restarted:
            self.stdout.write(f"Restarted stalled sends: {', '.join(map(str, restarted))}.")
