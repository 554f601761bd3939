"""Admin-only security checks that run on every admin request.

Public pages are untouched: the checks apply only to signed-in users under the
admin's URL prefix, so anonymous visitors still get no cookie.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django_otp import user_has_device

# Admin URLs a signed-in user may reach before the second factor.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "editorial_2fa_verify",
    "editorial_2fa_setup",
}
SESSION_STARTED = "editorial_session_started"
SESSION_LAST_SEEN = "editorial_last_seen"


def two_factor_required():
    return getattr(settings, "JIGSAW_REQUIRE_2FA", True)


def can_use_admin(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


class AdminSecurityMiddleware:
    """Ends idle admin sessions, and asks for a second factor before any admin page.

    Must come after AuthenticationMiddleware, django-otp's OTPMiddleware and
    MessageMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    @property
    def admin_prefix(self):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def __call__(self, request):
        if request.path_info.startswith(self.admin_prefix) and can_use_admin(request.user):
            response = self.end_idle_session(request) or self.require_second_factor(request)
            if response is not None:
                return response
        return self.get_response(request)

    def end_idle_session(self, request):
        now = int(time.time())
        started = request.session.setdefault(SESSION_STARTED, now)
        last_seen = request.session.get(SESSION_LAST_SEEN, now)
        idle = getattr(settings, "JIGSAW_ADMIN_IDLE_TIMEOUT", 3600)
        longest = getattr(settings, "JIGSAW_ADMIN_MAX_SESSION", 36000)
        if now - last_seen > idle or now - started > longest:
            logout(request)
            messages.info(request, "You were signed out because your session timed out. Sign in again to carry on.")
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        request.session[SESSION_LAST_SEEN] = now
        return None

    def require_second_factor(self, request):
        if not two_factor_required() or request.user.is_verified():
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        target = "editorial_2fa_verify" if user_has_device(request.user, confirmed=True) else "editorial_2fa_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
