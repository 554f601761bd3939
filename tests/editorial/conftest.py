"""An editorial site: a home page, two partners, their sections, groups and workflows."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from home.editorial.roles import PROGRESS_EDITORS, REVIEWERS, SIGN_OFF, setup_editorial
from tests.factories import PartnerOrganisationFactory

PASSWORD = "a-long-test-password"


@pytest.fixture
def partners(home_page):
    return {
        "Police": PartnerOrganisationFactory(name="Northfield Police", short_name="Police"),
        "Council": PartnerOrganisationFactory(name="Northfield Council", short_name="Council"),
    }


@pytest.fixture
def editorial(home_page, partners):
    """Runs setup_editorial over the site and returns the sections by partner."""
    setup_editorial()
    news = Page.objects.child_of(home_page).get(slug="news")
    return {
        "home": home_page,
        "news": news,
        "police_section": Page.objects.child_of(news).get(slug="police").specific,
        "council_section": Page.objects.child_of(news).get(slug="council").specific,
    }


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name, **extra):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=username.split(".")[0].title(), **extra
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def users(editorial, make_user):
    return {
        "police": make_user("police.drafter", "Police drafters"),
        "police2": make_user("police.colleague", "Police drafters"),
        "council_drafter": make_user("council.drafter", "Council drafters"),
        "reviewer": make_user("council.reviewer", REVIEWERS),
        "lead": make_user("cse.lead", SIGN_OFF),
        "progress": make_user("progress.editor", PROGRESS_EDITORS),
    }


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login
