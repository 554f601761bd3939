from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and help"

    def ready(self):
        from config.page_cache import connect_invalidation

        from . import signals

        connect_invalidation()

        # Purge the CDN's copies of the pages that show a changed service or setting.
        signals.connect()
