"""The Healthy Schools demo: twenty schools, staff in each state, modules, a briefing, requests and downloads."""

import factory.random
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from schools.models import (
    BriefingPage,
    ELearningModulePage,
    ModuleCompletion,
    School,
    SessionRequest,
    StaffEmailDomain,
    StaffProfile,
)

pytestmark = pytest.mark.django_db


def seed_all():
    from home import demo as home_demo
    from resources import demo as resources_demo
    from schools import demo as schools_demo

    factory.random.reseed_random("jigsaw-demo")
    context = home_demo.seed()
    context.update(resources_demo.seed(context))
    context.update(schools_demo.seed(context))
    return context


def schools_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("schools").get_models()
        if not model._meta.proxy
    } | {"resources.ResourceDownload": apps.get_model("resources", "ResourceDownload").objects.count()}


def test_the_demo_has_what_the_report_and_the_hub_need(client, settings, capsys):
    settings.DEBUG = True
    context = seed_all()
    assert School.objects.count() == 20
    assert StaffEmailDomain.objects.filter(domain="northfield-schools.example.org", school=None).exists()
    statuses = set(StaffProfile.objects.values_list("status", flat=True))
    assert {"approved", "awaiting-approval", "pending-verification"} <= statuses
    assert ELearningModulePage.objects.live().count() == 2
    for module in ELearningModulePage.objects.all():
        assert module.lessons.count() >= 3 and len(module.questions) >= 3
    assert BriefingPage.objects.live().count() == 1
    assert SessionRequest.objects.exclude(school=None).count() >= 5
    assert ModuleCompletion.objects.exclude(school=None).count() >= 5
    downloads = apps.get_model("resources", "ResourceDownload").objects
    assert downloads.exclude(school=None).values("school").distinct().count() == 14

    logins = context["school_staff_logins"]
    assert {login["status"] for login in logins} == {"approved", "awaiting-approval", "pending-verification"}
    printed = capsys.readouterr().out
    approved = next(login for login in logins if login["status"] == "approved")
    assert f"{approved['email']} / {approved['password']}" in printed
    briefing_url = "/schools/police-briefing-summer-risks/"
    assert "What we are seeing" not in client.get(briefing_url).content.decode()
    notes = context["briefing"].body[-1].value["document"]
    assert client.get(notes.url).status_code == 302  # its file is for approved staff only
    assert client.login(username=approved["email"], password=approved["password"])
    assert "What we are seeing" in client.get(briefing_url).content.decode()
    assert client.get(notes.url).status_code == 200
    for url in ["/schools/", "/schools/e-learning/", "/schools/e-learning/spotting-the-signs/lesson-2/"]:
        assert client.get(url).status_code == 200, url


def test_a_second_run_changes_nothing(settings):
    settings.DEBUG = True
    seed_all()
    first = schools_counts()
    hashes = dict(get_user_model().objects.values_list("username", "password"))
    seed_all()
    assert schools_counts() == first
    assert dict(get_user_model().objects.values_list("username", "password")) == hashes


def test_without_debug_no_staff_account_has_a_known_password(settings):
    settings.DEBUG = False
    context = seed_all()
    assert context["school_staff_logins"] == []
    assert not any(profile.user.has_usable_password() for profile in StaffProfile.objects.select_related("user"))
