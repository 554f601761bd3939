"""Two-step verification for the admin: an authenticator app, plus recovery codes.

Built on django-otp (maintained, works with Django 5.2): TOTP devices from
`otp_totp` and single-use recovery codes from `otp_static`. The QR code is an
inline SVG made by segno, so nothing is loaded from another site.
"""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .security import two_factor_required

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"
APP_DEVICE_NAME = "Authenticator app"
NEW_CODES_SESSION_KEY = "editorial_new_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def issue_recovery_codes(user):
    """Replace the user's recovery codes with a new set and return them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()


@never_cache
@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Second step of signing in: a code from the app or a recovery code."""
    if request.user.is_verified():
        return redirect(safe_next(request))
    if not user_has_device(request.user, confirmed=True):
        return redirect(f"{reverse('editorial_2fa_setup')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error("code", "The code is wrong or has expired. Enter the current code from your app.")
        else:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = remaining_recovery_codes(request.user)
                messages.warning(
                    request,
                    f"You used a recovery code. You have {left} left: make a new set from ‘Two-step verification’.",
                )
            return redirect(safe_next(request))
    return render(request, "editorial/two_factor_verify.html", {"form": form, "next": safe_next(request)})


@never_cache
@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Connect an authenticator app; allowed before the second factor only for users who have none yet."""
    has_device = user_has_device(request.user, confirmed=True)
    if has_device and not request.user.is_verified():
        return redirect(f"{reverse('editorial_2fa_verify')}?{request.GET.urlencode()}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    form.fields["code"].help_text = "The 6-digit code your app shows after you add the account."
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            otp_login(request, device)
            request.session[NEW_CODES_SESSION_KEY] = issue_recovery_codes(request.user)
            messages.success(request, "Two-step verification is on. Keep your recovery codes somewhere safe.")
            return redirect(f"{reverse('editorial_2fa_recovery_codes')}?next={safe_next(request)}")
        form.add_error("code", "The code is wrong or has expired. Enter the current code from your app.")
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr_svg": qr.svg_inline(scale=5, title="QR code for your authenticator app"),
        "secret": b32encode(device.bin_key).decode(),
        "next": safe_next(request),
        "required": two_factor_required(),
    }
    return render(request, "editorial/two_factor_setup.html", context)


@never_cache
@login_required(login_url="wagtailadmin_login")
def recovery_codes(request):
    """Show new recovery codes once; make a new set on request."""
    if request.method == "POST":
        if not user_has_device(request.user, confirmed=True):
            return redirect("editorial_2fa_setup")
        request.session[NEW_CODES_SESSION_KEY] = issue_recovery_codes(request.user)
        return redirect("editorial_2fa_recovery_codes")
    context = {
        "codes": request.session.pop(NEW_CODES_SESSION_KEY, None),
        "remaining": remaining_recovery_codes(request.user),
        "has_app": TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
        "next": safe_next(request),
        "header_title": "Two-step verification",
        "page_title": "Two-step verification",
        "header_icon": "key",
    }
    return render(request, "editorial/two_factor_recovery_codes.html", context)
