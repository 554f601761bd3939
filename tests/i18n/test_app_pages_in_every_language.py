"""The tracker, newsletters, resources and schools in every language of the demo.

Their pages exist in every locale (synchronised trees); each renders with the locale's
lang and dir, its interface text and the switcher back to the same page in English.
"""

import re

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Locale

from .conftest import OTHER_LANGUAGES, RTL_LANGUAGES, translated

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "progress.ProgressIndexPage",
    "progress.RecommendationPage",
    "newsletters.NewsletterIndexPage",
    "newsletters.NewsletterPage",
    "resources.ResourceIndexPage",
    "resources.ResourcePage",
    "schools.SchoolsHubPage",
    "schools.ELearningIndexPage",
    "schools.ELearningModulePage",
    "schools.BriefingPage",
    "schools.SessionRequestPage",
]


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def english_page_of(label):
    model = apps.get_model(label)
    return model.objects.live().filter(locale__language_code="en").order_by("path").first()


def test_every_app_page_type_renders_in_every_language(client, demo):
    for label in PAGE_TYPES:
        english = english_page_of(label)
        assert english is not None, f"the demo has no {label}"
        for code in OTHER_LANGUAGES:
            page = english.get_translation(Locale.objects.get(language_code=code))
            response = client.get(page.url)
            html = response.content.decode()
            where = f"{label} in {code} at {page.url}"
            assert response.status_code == 200, where
            direction = "rtl" if code in RTL_LANGUAGES else "ltr"
            assert f'<html lang="{code}" dir="{direction}"' in html, where
            assert translated(code, "Exit this page") in html, where
            assert f'href="{english.url}"' in html, where  # the switcher goes back to the same page


def test_library_filters_and_search_stay_in_the_visitors_language(client, demo):
    english = english_page_of("resources.ResourceIndexPage")
    urdu = english.get_translation(Locale.objects.get(language_code="ur"))
    filtered = client.get(urdu.url, {"key_stage": "no-such-stage"})
    assert filtered.status_code == 200
    assert translated("ur", "Filter resources") in filtered.content.decode()
    found = client.get(urdu.url, {"q": "grooming"}).content.decode()
    assert re.search(r'href="/ur/resources/[a-z0-9-]+/"', found)  # results are the Urdu copies...
    assert not re.search(r'href="/resources/[a-z0-9-]+/"', found)  # ...never the English pages
