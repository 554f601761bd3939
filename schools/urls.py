"""School staff account URLs under /schools/. Pages (hub, modules, briefings) route through Wagtail."""

from django.urls import path

from . import views

app_name = "schools"

urlpatterns = [
    path("schools/sign-up/", views.SignUpView.as_view(), name="sign_up"),
    path("schools/sign-up/check-your-email/", views.SignUpDoneView.as_view(), name="sign_up_done"),
    path("schools/verify/<str:token>/", views.verify_email, name="verify_email"),
    path("schools/sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("schools/sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("schools/account/", views.AccountView.as_view(), name="account"),
    path("schools/account/resend-link/", views.resend_verification, name="resend_verification"),
    path("schools/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("schools/password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "schools/password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("schools/password-reset/done/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
