"""The demo: one command builds it, and a second run changes nothing."""

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage, SupportService
from home.models.snippets import AUDIENCE_FIELDS

pytestmark = pytest.mark.django_db


def model_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models() if not model._meta.proxy}


def test_seed_builds_the_demo_site(client):
    call_command("seed_demo", "--with-admin", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    services = SupportService.objects.all()
    assert services.count() >= 8
    for field in AUDIENCE_FIELDS.values():
        assert services.filter(**{field: True}).exists(), field
    for age in (5, 12, 16, 21, 40):
        assert client.get(f"/get-help/?age={age}").status_code == 200
    for url in [
        "/",
        "/get-help/",
        "/get-help/staying-safe-online/",
        "/about/",
        "/about/voice-and-influence/",
        "/accessibility/",
        "/privacy/",
        "/have-your-say/",
    ]:
        assert client.get(url).status_code == 200, url
    assert "Staying safe online" in client.get("/get-help/").content.decode()


def test_seed_is_idempotent(db):
    call_command("seed_demo", "--with-admin", verbosity=0)
    first = model_counts()
    call_command("seed_demo", "--with-admin", verbosity=0)
    assert model_counts() == first
    assert Page.objects.filter(depth=2).count() == len(settings.LANGUAGES)  # the home page in each language


def test_seed_creates_no_admin_on_a_server(db, settings, django_user_model):
    settings.DEBUG = False
    call_command("seed_demo", verbosity=0)
    assert not django_user_model.objects.filter(is_superuser=True).exists()
