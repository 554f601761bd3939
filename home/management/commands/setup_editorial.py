"""Create or update the editorial groups, permissions, collections and workflows.

Safe to run again at any time (it is run by `make run`, and after each deploy):
it only brings the managed groups back to the definitions in home/editorial/roles.py.
"""

from django.core.management.base import BaseCommand

from home.editorial.roles import setup_editorial


class Command(BaseCommand):
    help = "Create or update the editorial groups, permissions, collections and workflows. Safe to run again."

    def handle(self, *args, **options):
        groups, skipped = setup_editorial(stdout=self.stdout if options["verbosity"] > 1 else None)
        if skipped and options["verbosity"]:
            self.stdout.write("Not there yet, so not covered: " + ", ".join(skipped))
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Editorial roles and workflows are in place ({len(groups)} groups)."))
