"""The newsletters app's settings, with defaults, so a settings file only names what it changes.

NEWSLETTER_BASE_URL        where links in emails point (default: WAGTAILADMIN_BASE_URL); HTTPS in production
NEWSLETTER_FROM_EMAIL      the From address (default: DEFAULT_FROM_EMAIL)
NEWSLETTER_SEND_RATE       emails a second for each worker; 0 sends as fast as the mail server accepts
NEWSLETTER_BATCH_SIZE      emails sent over one SMTP connection before the delivery rows are updated
NEWSLETTER_SEND_LEASE_SECONDS  how long a worker may stay silent before another takes over its send
NEWSLETTER_CONFIRMATION_DAYS   how long a confirmation link works, and when unconfirmed sign-ups are deleted
NEWSLETTER_CONFIRMATIONS_PER_ADDRESS  confirmation emails sent to one address in 24 hours, at most
"""

from django.conf import settings

DEFAULTS = {
    "NEWSLETTER_SEND_RATE": 0,
    "NEWSLETTER_BATCH_SIZE": 100,
    "NEWSLETTER_SEND_LEASE_SECONDS": 120,
    "NEWSLETTER_CONFIRMATION_DAYS": 7,
    "NEWSLETTER_CONFIRMATIONS_PER_ADDRESS": 3,
}


def setting(name):
    if name == "NEWSLETTER_BASE_URL":
        return (getattr(settings, name, "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    if name == "NEWSLETTER_FROM_EMAIL":
        return getattr(settings, name, "") or settings.DEFAULT_FROM_EMAIL
    return getattr(settings, name, DEFAULTS[name])
