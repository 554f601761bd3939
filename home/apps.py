from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and help"

    def ready(self):
        from config.page_cache import connect_invalidation

        from . import routing, shell_cache, signals, view_restrictions

        connect_invalidation()
        shell_cache.connect()
        shell_cache.cache_locale_lookups()
        shell_cache.cache_site_lookups()
        shell_cache.memoize_site_root_paths()
        view_restrictions.install()
        routing.install()

        # Purge the CDN's copies of the pages that show a changed service or setting.
        signals.connect()
