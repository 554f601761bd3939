"""Emails to school staff and to the schools team, with signed links for email verification."""

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

VERIFY_SALT = "schools.verify-email"


def verification_token(profile):
    return signing.TimestampSigner(salt=VERIFY_SALT).sign_object({"p": profile.pk, "e": profile.work_email})


def read_verification_token(token):
    """The {p, e} payload of a valid, unexpired token; raises signing.BadSignature otherwise."""
    max_age = getattr(settings, "SCHOOLS_VERIFICATION_MAX_AGE", 3 * 24 * 60 * 60)
    return signing.TimestampSigner(salt=VERIFY_SALT).unsign_object(token, max_age=max_age)


def _send(template, subject, recipients, **context):
    context.setdefault("partnership_name", _partnership_name())
    body = render_to_string(f"schools/emails/{template}.txt", context)
    send_mail(subject, body, None, recipients)


def _partnership_name():
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).partnership_name if site else "the partnership"


def send_verification(request, profile):
    link = request.build_absolute_uri(reverse("schools:verify_email", args=[verification_token(profile)]))
    _send("verify", "Confirm your email address", [profile.work_email], profile=profile, link=link)


def send_already_registered(request, user):
    """Sent instead of a second account, so the sign-up page never reveals who has an account."""
    profile = getattr(user, "school_staff", None)
    verify_link = None
    if profile is not None and profile.status == profile.Status.PENDING_VERIFICATION:
        verify_link = request.build_absolute_uri(reverse("schools:verify_email", args=[verification_token(profile)]))
    _send(
        "already_registered",
        "You already have an account",
        [user.email],
        user=user,
        sign_in_link=request.build_absolute_uri(reverse("schools:sign_in")),
        reset_link=request.build_absolute_uri(reverse("schools:password_reset")),
        verify_link=verify_link,
    )


def notify_team_awaiting_approval(profile):
    team = getattr(settings, "SCHOOLS_TEAM_EMAIL", "")
    if not team:
        return
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("schools_staff:index") + "?status=awaiting-approval"
    _send(
        "awaiting_approval",
        f"School staff account to approve: {profile.work_email}",
        [address.strip() for address in team.split(",") if address.strip()],
        profile=profile,
        link=link,
    )


def send_decision(request, profile):
    approved = profile.status == profile.Status.APPROVED
    _send(
        "approved" if approved else "refused",
        "Your school staff account is approved" if approved else "Your school staff account request",
        [profile.work_email],
        profile=profile,
        sign_in_link=request.build_absolute_uri(reverse("schools:sign_in")),
    )
