"""Spam protection shared by every public form: a honeypot and a rate limit.

The rate limit counts in the cache against a hash of the visitor's address, so
no address is ever stored.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy
from wagtail.contrib.forms.forms import FormBuilder

HONEYPOT_FIELD = "website_url"
RATE_LIMIT_MESSAGE = gettext_lazy(
    "You have sent several responses in a short time. Please wait a few minutes and try again."
)


class HoneypotField(forms.CharField):
    """A field people never see or fill in; bots that fill every field give themselves away."""

    def __init__(self, **kwargs):
        super().__init__(required=False, label=gettext_lazy("Leave this field empty"), **kwargs)
        self.widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.is_honeypot = True


class SpamProtectedFormBuilder(FormBuilder):
    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = HoneypotField()
        return fields


def looks_like_spam(data):
    return bool(data.get(HONEYPOT_FIELD, "").strip())


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def is_rate_limited(request, scope):
    """Count one attempt for this address and scope; True once over the limit."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode()).hexdigest()[:32]
    key = f"rate:{scope}:{digest}"
    window = settings.FORM_RATE_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts > settings.FORM_RATE_LIMIT
