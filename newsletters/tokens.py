"""Signed links in emails. Nobody can make one for an address they cannot read.

Confirmation links expire after 7 days (TimestampSigner). Preference and
unsubscribe links never expire, because people unsubscribe from old emails;
they sign the subscriber's random key, so deleting the data revokes them.
"""

from django.core import signing

from newsletters.conf import setting

CONFIRM_SALT = "newsletters.confirm"
SUBSCRIBER_SALT = "newsletters.subscriber"


class BadToken(Exception):
    """The link was altered, expired, or made for something that no longer exists."""


def confirmation_token(signup):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(signup.pk))


def read_confirmation_token(token):
    """The sign-up's primary key, if the link is genuine and younger than the confirmation window."""
    max_age = setting("NEWSLETTER_CONFIRMATION_DAYS") * 24 * 60 * 60
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadToken("expired") from error
    except signing.BadSignature as error:
        raise BadToken("invalid") from error
    if not value.isdigit():
        raise BadToken("invalid")
    return int(value)


def subscriber_token(subscriber):
    return signing.Signer(salt=SUBSCRIBER_SALT).sign(subscriber.key)


def read_subscriber_token(token):
    """The subscriber key a preference or unsubscribe link was made for."""
    try:
        return signing.Signer(salt=SUBSCRIBER_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadToken("invalid") from error
