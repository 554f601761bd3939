"""Which pages the CDN must forget when a home snippet or setting changes (config/frontend_cache.py)."""

from wagtail.models import Page

from config.frontend_cache import purge_pages_when_changed


def live_help_pages(service):
    from home.models import GetHelpPage

    # Every locale's Get help page: a translated page lists the translated services.
    return GetHelpPage.objects.live()


def every_live_page(site_settings):
    # The helpline and exit link are in every page's header and footer.
    return Page.objects.live().exclude(depth=1)


def connect():
    from home.models import SiteSettings, SupportService

    purge_pages_when_changed(SupportService, live_help_pages)
    purge_pages_when_changed(SiteSettings, every_live_page)
