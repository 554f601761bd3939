"""A Healthy Schools hub with a module, a briefing and a session request page, and staff in every state."""

import pytest
from django.core.cache import cache

from schools.models import StaffProfile
from tests.factories.resources import KeyStageFactory, ResourceTopicFactory
from tests.factories.schools import (
    BriefingPageFactory,
    ELearningIndexPageFactory,
    ELearningModulePageFactory,
    SchoolFactory,
    SchoolsHubPageFactory,
    SessionRequestPageFactory,
    StaffEmailDomainFactory,
    StaffProfileFactory,
    UserFactory,
    add_session_request_fields,
)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()  # rate limits count in the cache, which outlives a test
    yield
    cache.clear()


@pytest.fixture
def school(db):
    return SchoolFactory(urn="100001", name="Northfield Primary School")


@pytest.fixture
def hub(home_page):
    return SchoolsHubPageFactory(parent=home_page)


@pytest.fixture
def elearning(hub):
    return ELearningIndexPageFactory(parent=hub)


@pytest.fixture
def module(elearning):
    return ELearningModulePageFactory(parent=elearning, title="Spotting the signs", slug="spotting-the-signs")


@pytest.fixture
def briefing(hub):
    return BriefingPageFactory(
        parent=hub,
        title="Operation Lantern briefing",
        slug="operation-lantern",
        summary="A police briefing about a current operation.",
        body=[{"type": "text", "value": "<p>SECRET-OPERATIONAL-DETAIL</p>"}],
    )


@pytest.fixture
def taxonomy(db):
    return {
        "ks2": KeyStageFactory(code="KS2", name="Key stage 2", sort_order=2),
        "ks3": KeyStageFactory(code="KS3", name="Key stage 3", sort_order=3),
        "online": ResourceTopicFactory(name="Online safety", slug="online-safety"),
        "consent": ResourceTopicFactory(name="Consent", slug="consent"),
    }


@pytest.fixture
def session_page(hub, taxonomy):
    return add_session_request_fields(SessionRequestPageFactory(parent=hub))


def staff(school, status, email):
    return StaffProfileFactory(user=UserFactory(username=email, email=email), school=school, status=status).user


@pytest.fixture
def approved_user(school):
    return staff(school, StaffProfile.Status.APPROVED, "approved@northfield-schools.example.org")


@pytest.fixture
def awaiting_user(school):
    return staff(school, StaffProfile.Status.AWAITING_APPROVAL, "awaiting@northfield-schools.example.org")


@pytest.fixture
def unverified_user(school):
    return staff(school, StaffProfile.Status.PENDING_VERIFICATION, "unverified@northfield-schools.example.org")


@pytest.fixture
def refused_user(school):
    return staff(school, StaffProfile.Status.REFUSED, "refused@northfield-schools.example.org")


@pytest.fixture
def authority_domain(db):
    return StaffEmailDomainFactory(domain="northfield-schools.example.org")
