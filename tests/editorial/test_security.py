"""Admin sign-in: two-step verification with production settings, lockout, idle timeout."""

import secrets
import time

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.editorial.security import SESSION_LAST_SEEN

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

# Throttling of wrong codes is django-otp's; switched off here so a test can retry at once.
PRODUCTION_LIKE = {"JIGSAW_REQUIRE_2FA": True, "OTP_TOTP_THROTTLE_FACTOR": 0, "OTP_STATIC_THROTTLE_FACTOR": 0}


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password, "next": "/admin/"})


@pytest.fixture
def reviewer(users):
    return users["reviewer"]


@override_settings(**PRODUCTION_LIKE)
def test_a_password_alone_does_not_open_the_admin(client, reviewer):
    response = sign_in(client, "council.reviewer")
    assert response.status_code == 302
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("editorial_2fa_setup"))
    assert "Set up two-step verification" in response.content.decode()
    for url in ["/admin/pages/", "/admin/images/", "/admin/users/"]:
        assert client.get(url).url.startswith(reverse("editorial_2fa_setup")), url


@override_settings(**PRODUCTION_LIKE)
def test_setting_up_an_app_gives_recovery_codes_and_opens_the_admin(client, reviewer):
    sign_in(client, "council.reviewer")
    page = client.get(reverse("editorial_2fa_setup")).content.decode()
    assert "<svg" in page and "data-secret" in page
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)

    response = client.post(reverse("editorial_2fa_setup"), {"code": "000000", "next": "/admin/"})
    assert "The code is wrong or has expired" in response.content.decode()

    response = client.post(
        reverse("editorial_2fa_setup"), {"code": current_code(device), "next": "/admin/"}, follow=True
    )
    html = response.content.decode()
    assert "Your recovery codes" in html
    codes = list(StaticToken.objects.filter(device__user=reviewer).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in html for code in codes)
    assert client.get("/admin/").status_code == 200
    # Shown once only.
    assert "Your recovery codes" not in client.get(reverse("editorial_2fa_recovery_codes")).content.decode()


@pytest.fixture
def reviewer_with_app(reviewer):
    device = TOTPDevice.objects.create(user=reviewer, name="Authenticator app", confirmed=True)
    from home.editorial.two_factor import issue_recovery_codes

    return device, issue_recovery_codes(reviewer)


@override_settings(**PRODUCTION_LIKE)
def test_signing_in_asks_for_the_code(client, reviewer_with_app):
    device, _ = reviewer_with_app
    sign_in(client, "council.reviewer")
    response = client.get("/admin/pages/")
    assert response.url.startswith(reverse("editorial_2fa_verify"))
    # Cannot set up a second app to get round it.
    assert client.get(reverse("editorial_2fa_setup")).url.startswith(reverse("editorial_2fa_verify"))

    response = client.post(reverse("editorial_2fa_verify"), {"code": "123456", "next": "/admin/pages/"})
    assert "The code is wrong or has expired" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302

    response = client.post(reverse("editorial_2fa_verify"), {"code": current_code(device), "next": "/admin/pages/"})
    assert response.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@override_settings(**PRODUCTION_LIKE)
def test_a_recovery_code_works_once(client, reviewer_with_app):
    _, codes = reviewer_with_app
    sign_in(client, "council.reviewer")
    response = client.post(reverse("editorial_2fa_verify"), {"code": codes[0], "next": "/admin/"}, follow=True)
    assert "You used a recovery code. You have 9 left" in response.content.decode()
    client.logout()
    sign_in(client, "council.reviewer")
    response = client.post(reverse("editorial_2fa_verify"), {"code": codes[0], "next": "/admin/"})
    assert "The code is wrong or has expired" in response.content.decode()


@override_settings(**PRODUCTION_LIKE)
def test_superusers_need_a_second_factor_too(client, django_user_model):
    django_user_model.objects.create_superuser("root.admin", "root@example.org", PASSWORD)
    sign_in(client, "root.admin")
    assert client.get("/admin/").url.startswith(reverse("editorial_2fa_setup"))


@override_settings(**PRODUCTION_LIKE)
def test_public_pages_are_not_affected(client, editorial):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.cookies


def test_production_settings_switch_two_step_verification_on(monkeypatch):
    """production.py always sets JIGSAW_REQUIRE_2FA, whatever dev.py does."""
    import importlib
    import sys

    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(64))
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org")
    monkeypatch.setenv("CSRF_TRUSTED_ORIGINS", "https://example.org")
    sys.modules.pop("config.settings.production", None)
    production = importlib.import_module("config.settings.production")
    try:
        assert production.JIGSAW_REQUIRE_2FA is True
        assert "home.editorial.security.AdminSecurityMiddleware" in production.MIDDLEWARE
        assert "axes.middleware.AxesMiddleware" in production.MIDDLEWARE
        assert production.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
        assert getattr(production, "AXES_ENABLED", True) is True
    finally:
        sys.modules.pop("config.settings.production", None)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account(client, reviewer):
    for _ in range(3):
        response = sign_in(client, "council.reviewer", "wrong-password")
    response = sign_in(client, "council.reviewer")  # the right password no longer works
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_success_before_the_limit_resets_the_count(client, reviewer):
    for _ in range(2):
        sign_in(client, "council.reviewer", "wrong-password")
    assert sign_in(client, "council.reviewer").url == "/admin/"
    client.logout()
    for _ in range(2):
        sign_in(client, "council.reviewer", "wrong-password")
    assert sign_in(client, "council.reviewer").status_code == 302


@override_settings(JIGSAW_ADMIN_IDLE_TIMEOUT=60)
def test_an_idle_admin_session_ends(client, reviewer):
    client.force_login(reviewer)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[SESSION_LAST_SEEN] = int(time.time()) - 120
    session.save()
    response = client.get("/admin/pages/")
    assert response.url.startswith(reverse("wagtailadmin_login"))
    assert client.get("/admin/").status_code == 302  # signed out


@override_settings(**PRODUCTION_LIKE)
def test_an_administrator_can_reset_a_lost_device(client, reviewer_with_app):
    from django.core.management import call_command

    call_command("reset_two_factor", "council.reviewer", verbosity=0)
    sign_in(client, "council.reviewer")
    assert client.get("/admin/").url.startswith(reverse("editorial_2fa_setup"))
