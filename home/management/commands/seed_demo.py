"""Build the whole demo site from factories. Idempotent: a second run changes nothing.

Each app that has demo content keeps it in its own `demo.py` with a
`seed(context)` function; they run in the order below, each receiving what
the earlier ones built (the site, the home page, the partner organisations).
"""

import importlib
import importlib.util

import factory.random
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home.editorial.roles import setup_editorial

DEMO_ADMIN = ("admin", "jigsaw-demo-admin")
DEMO_APPS = ["progress", "newsletters", "resources", "schools"]


class Command(BaseCommand):
    help = "Create or complete the demo content. Safe to run again: existing content is left alone."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Create the demo superuser even when DEBUG is off (never on a public server).",
        )

    def handle(self, *args, with_admin=False, **options):
        from home import demo as home_demo

        factory.random.reseed_random("jigsaw-demo")
        with transaction.atomic():
            context = home_demo.seed()
            for app in DEMO_APPS:
                if importlib.util.find_spec(f"{app}.demo"):
                    context.update(importlib.import_module(f"{app}.demo").seed(context) or {})
            context.update(home_demo.seed_languages(context))  # every app's pages in every language
            setup_editorial()  # groups, permissions and workflows over whatever the apps built
            home_demo.sync_language_trees()  # and the pages setup_editorial added
            setup_editorial()  # so their copies in every language get the same permissions
            if settings.DEBUG or with_admin:
                self.ensure_admin()
                self.ensure_editors()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))

    def ensure_editors(self):
        from home.editorial.demo import DEMO_EDITOR_PASSWORD, ensure_demo_users

        accounts = ensure_demo_users()
        self.stdout.write(f"Demo editor logins (password for all: {DEMO_EDITOR_PASSWORD}):")
        for username, group_name in accounts:
            self.stdout.write(f"  {username:<26} {group_name}")

    def ensure_admin(self):
        username, password = DEMO_ADMIN
        user_model = get_user_model()
        if not user_model.objects.filter(username=username).exists():
            user_model.objects.create_superuser(username, "admin@example.org", password)
        self.stdout.write(f"Demo admin login: {username} / {password}")
