"""The subscription pages, at fixed addresses under /newsletters/ (the archive and feed are Wagtail pages)."""

from django.conf import settings
from django.urls import include, path

from newsletters import views

app_name = "newsletters"

urlpatterns = [
    path("newsletters/subscribe/", views.subscribe, name="subscribe"),
    path("newsletters/subscribe/check-your-email/", views.check_email, name="check_email"),
    path("newsletters/subscribe/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletters/preferences/<str:token>/", views.preferences, name="preferences"),
    path("newsletters/preferences/<str:token>/data.json", views.download_data, name="download_data"),
    path("newsletters/preferences/<str:token>/delete/", views.delete_data, name="delete_data"),
    path("newsletters/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

# Bounce and complaint webhooks from an email provider, through django-anymail. Only
# when a webhook secret is set: anymail refuses unauthenticated webhooks, and
# without one these addresses would be errors rather than 404s.
if getattr(settings, "ANYMAIL", {}).get("WEBHOOK_SECRET"):
    urlpatterns.append(path("newsletters/email-events/", include("anymail.urls")))
