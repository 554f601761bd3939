"""Absolute links for emails, which are read far from the site and long after they were sent."""

import re
from urllib.parse import urlsplit

from django.core import signing
from django.urls import reverse
from django.utils import translation

from newsletters.conf import setting
from newsletters.tokens import SUBSCRIBER_SALT, subscriber_token

RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute(path):
    return setting("NEWSLETTER_BASE_URL") + path


def absolutise_html(html):
    """Make every site-relative href and src absolute, so links and images work in a mail client."""
    return RELATIVE_URL.sub(lambda match: f"{match.group(1)}{setting('NEWSLETTER_BASE_URL')}/", html)


def site_url(name, *args):
    # Emails link to the default language's addresses, whatever language the sender was using.
    with translation.override(None):
        return absolute(reverse(f"newsletters:{name}", args=args))


def preferences_url(subscriber):
    return site_url("preferences", subscriber_token(subscriber))


def unsubscribe_url(subscriber):
    return site_url("unsubscribe", subscriber_token(subscriber))


def page_url(page):
    """The page's public address on the newsletters' base URL."""
    parts = page.get_url_parts()
    return absolute(parts[2]) if parts else ""


def list_host():
    """The host name of the base URL, for List-Id and Message-ID."""
    return urlsplit(setting("NEWSLETTER_BASE_URL")).hostname or "localhost"


class SubscriberLinks:
    """Preference and unsubscribe links for many subscribers: the addresses are worked out once, then
    only each subscriber's signed key changes."""

    MARKER = "subscriber-token-marker"

    def __init__(self):
        self.signer = signing.Signer(salt=SUBSCRIBER_SALT)
        self.preferences = site_url("preferences", self.MARKER)
        self.unsubscribe = site_url("unsubscribe", self.MARKER)

    def for_subscriber(self, subscriber):
        token = self.signer.sign(subscriber.key)
        return self.preferences.replace(self.MARKER, token), self.unsubscribe.replace(self.MARKER, token)
