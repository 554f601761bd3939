"""Shared set-up for the resource library tests: vocabularies, a library page and school staff."""

import pytest
from django.contrib.auth import get_user_model

from resources.collections import professional_collection
from tests.factories import (
    KeyStageFactory,
    ResourceDocumentFactory,
    ResourceFormatFactory,
    ResourceIndexPageFactory,
    ResourceTopicFactory,
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded test files go to a temporary folder, not the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def vocabularies(db):
    key_stages = {
        code: KeyStageFactory(code=code, name=name, sort_order=i)
        for i, (code, name) in enumerate(
            [
                ("EYFS", "Early years"),
                ("KS1", "Key stage 1"),
                ("KS2", "Key stage 2"),
                ("KS3", "Key stage 3"),
                ("KS4", "Key stage 4"),
                ("KS5", "Key stage 5"),
            ]
        )
    }
    topics = {
        slug: ResourceTopicFactory(name=name, slug=slug)
        for slug, name in [("online-safety", "Online safety"), ("consent", "Consent"), ("grooming", "Grooming")]
    }
    formats = {
        slug: ResourceFormatFactory(name=name, slug=slug)
        for slug, name in [("lesson-plan", "Lesson plan"), ("film", "Film"), ("guidance", "Guidance")]
    }
    return {"key_stages": key_stages, "topics": topics, "formats": formats}


@pytest.fixture
def library(home_page, vocabularies):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def restricted_file(db):
    return ResourceDocumentFactory(title="Police briefing slides", collection=professional_collection())


def make_staff(status, username="teacher", school=None):
    """A signed-up school staff member with the given StaffProfile status."""
    from schools.models import School, StaffProfile

    school = (
        school
        or School.objects.get_or_create(urn="100001", defaults={"name": "Northfield Primary", "phase": "primary"})[0]
    )
    user = get_user_model().objects.create_user(username, f"{username}@northfield-schools.example.org", "pw")
    StaffProfile.objects.create(user=user, school=school, work_email=user.email, status=status)
    return user


@pytest.fixture
def approved_staff(db):
    from schools.models import StaffProfile

    return make_staff(StaffProfile.Status.APPROVED, "approved")


@pytest.fixture
def pending_staff(db):
    from schools.models import StaffProfile

    return make_staff(StaffProfile.Status.AWAITING_APPROVAL, "pending")
