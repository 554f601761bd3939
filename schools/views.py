"""School staff accounts: sign up, verify the email address, sign in and out, reset a password.

Sign-up never says whether an address already has an account: both cases get
the same page, and the owner of the address gets an email saying what to do.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from home.forms import RATE_LIMIT_MESSAGE, is_rate_limited, looks_like_spam

from . import emails
from .forms import SignInForm, SignUpForm, StaffPasswordResetForm
from .models import ModuleCompletion, StaffProfile


class SignUpView(FormView):
    """A form page: it sets the CSRF cookie, which the no-cookie rule allows for forms."""

    template_name = "schools/sign_up.html"
    form_class = SignUpForm
    success_url = reverse_lazy("schools:sign_up_done")

    def post(self, request, *args, **kwargs):
        if looks_like_spam(request.POST):
            return redirect(self.success_url)
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        # Only complete sign-ups count: each sends an email, and a typo should not lock anyone out.
        if is_rate_limited(request, "schools-sign-up"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return self.form_valid(form)

    def form_valid(self, form):
        data = form.cleaned_data
        user_model = get_user_model()
        existing = user_model.objects.filter(username__iexact=data["email"]).first() or (
            user_model.objects.filter(email__iexact=data["email"]).first()
        )
        if existing is not None:
            emails.send_already_registered(self.request, existing)
            return redirect(self.success_url)
        try:
            with transaction.atomic():
                user = user_model.objects.create_user(
                    username=data["email"],
                    email=data["email"],
                    password=data["password1"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                )
                profile = StaffProfile.objects.create(
                    user=user, school=data["school"], work_email=data["email"], job_title=data["job_title"]
                )
        except IntegrityError:  # the same address signed up twice at once
            return redirect(self.success_url)
        emails.send_verification(self.request, profile)
        return redirect(self.success_url)


class SignUpDoneView(TemplateView):
    template_name = "schools/sign_up_done.html"


def verify_email(request, token):
    try:
        payload = emails.read_verification_token(token)
    except signing.BadSignature:
        return render(request, "schools/verify_failed.html", status=400)
    profile = StaffProfile.objects.filter(pk=payload.get("p"), work_email=payload.get("e")).first()
    if profile is None:
        return render(request, "schools/verify_failed.html", status=400)
    if profile.status == StaffProfile.Status.PENDING_VERIFICATION:
        profile.email_verified_at = timezone.now()
        profile.status = StaffProfile.Status.AWAITING_APPROVAL
        profile.save(update_fields=["email_verified_at", "status"])
        emails.notify_team_awaiting_approval(profile)
    return render(request, "schools/verified.html", {"profile": profile})


class SignInView(auth_views.LoginView):
    template_name = "schools/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("schools:account")


class SignOutView(auth_views.LogoutView):
    """Signing out is a POST (Django's LogoutView refuses GET), so a link cannot sign anyone out."""

    template_name = "schools/signed_out.html"


@method_decorator(login_required, name="dispatch")
class AccountView(TemplateView):
    template_name = "schools/account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        profile = StaffProfile.objects.filter(user=user).select_related("school").first()
        completions = []
        if profile is not None and profile.is_approved:
            completions = list(
                ModuleCompletion.objects.filter(user=user)
                .select_related("module")
                .only("completed_at", "score", "module__title", "module__url_path", "module__path", "module__depth")
            )
            for completion in completions:
                module_url = completion.module.get_url(request=self.request)
                completion.module_url = module_url
                completion.certificate_url = f"{module_url}certificate/" if module_url else None
        context.update({"profile": profile, "completions": completions})
        return context


@login_required
@require_POST
def resend_verification(request):
    profile = StaffProfile.objects.filter(user=request.user).first()
    if profile is not None and profile.status == StaffProfile.Status.PENDING_VERIFICATION:
        if is_rate_limited(request, "schools-resend-verification"):
            return render(request, "schools/account.html", {"profile": profile, "rate_limited": True}, status=429)
        emails.send_verification(request, profile)
    return redirect(f"{reverse('schools:account')}?sent=1")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "schools/password_reset.html"
    form_class = StaffPasswordResetForm
    email_template_name = "schools/emails/password_reset.txt"
    subject_template_name = "schools/emails/password_reset_subject.txt"
    success_url = reverse_lazy("schools:password_reset_done")

    def post(self, request, *args, **kwargs):
        if is_rate_limited(request, "schools-password-reset"):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, RATE_LIMIT_MESSAGE)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "schools/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "schools/password_reset_confirm.html"
    success_url = reverse_lazy("schools:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "schools/password_reset_complete.html"
