"""Download counting: one counter per resource, file, day and school; nothing about the person downloading."""

import datetime

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from resources.models import ResourceDownload
from schools.models import School
from tests.factories import ResourceDocumentFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(library):
    return ResourcePageFactory(
        parent=library, title="Consent lesson", documents=[ResourceDocumentFactory(title="Lesson plan")]
    )


@pytest.fixture
def plan(lesson):
    return lesson.attachments.get().document


def download(client, page, document):
    return client.get(f"{page.url}download/{document.pk}/", HTTP_USER_AGENT="Tester/1.0", REMOTE_ADDR="203.0.113.9")


def test_each_download_adds_one_to_the_days_counter(client, lesson, plan):
    for _ in range(3):
        response = download(client, lesson, plan)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    counter = ResourceDownload.objects.get()
    assert (counter.resource_id, counter.document_id, counter.count) == (lesson.pk, plan.pk, 3)
    assert counter.date == timezone.localdate()


def test_anonymous_downloads_store_no_personal_data_and_set_no_cookie(client, lesson, plan):
    response = download(client, lesson, plan)
    assert response.cookies == {}
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies
    counter = ResourceDownload.objects.get()
    assert counter.school is None
    # The counter has no room for anything personal: just what, when, which school, how many.
    fields = {field.name for field in ResourceDownload._meta.get_fields()}
    assert fields == {"id", "resource", "document", "date", "school", "count"}
    stored = " ".join(str(value) for value in ResourceDownload.objects.values().get().values())
    assert "203.0.113.9" not in stored and "Tester" not in stored


def test_approved_staff_downloads_count_against_their_school(client, lesson, plan, approved_staff, pending_staff):
    school = approved_staff.school_staff.school
    client.force_login(approved_staff)
    download(client, lesson, plan)
    download(client, lesson, plan)
    client.force_login(pending_staff)  # not approved yet: counted like anyone else
    download(client, lesson, plan)
    counters = {counter.school_id: counter.count for counter in ResourceDownload.objects.all()}
    assert counters == {school.pk: 2, None: 1}


def test_counters_are_per_file_and_per_day(client, library, plan, lesson):
    other = ResourceDocumentFactory(title="Worksheet")
    page = ResourcePageFactory(parent=library, title="Two files", documents=[plan, other])
    download(client, page, plan)
    download(client, page, other)
    download(client, lesson, plan)  # the same file under another resource counts for that resource
    assert ResourceDownload.objects.filter(resource=page).count() == 2
    assert ResourceDownload.objects.get(resource=lesson).count == 1


def test_a_file_of_another_resource_or_no_file_is_not_found(client, library, lesson):
    stranger = ResourceDocumentFactory(title="Not attached here")
    assert download(client, lesson, stranger).status_code == 404
    assert client.get(f"{lesson.url}download/999999/").status_code == 404
    assert client.get(f"{lesson.url}download/abc/").status_code == 404
    assert ResourceDownload.objects.count() == 0


def test_a_conditional_request_for_a_file_already_held_is_not_counted(client, lesson, plan):
    response = client.get(f"{lesson.url}download/{plan.pk}/", HTTP_IF_NONE_MATCH=f'"{plan.file_hash}"')
    assert response.status_code == 304
    assert ResourceDownload.objects.count() == 0


def test_a_head_request_is_not_a_download(client, lesson, plan):
    assert client.head(f"{lesson.url}download/{plan.pk}/").status_code == 200
    assert ResourceDownload.objects.count() == 0


def test_an_unpublished_resource_serves_nothing(client, lesson, plan):
    lesson.unpublish()
    assert download(client, lesson, plan).status_code == 404
    assert ResourceDownload.objects.count() == 0


class TestRecord:
    day = datetime.date(2026, 10, 5)

    def test_adds_to_an_existing_counter_atomically(self, lesson, plan):
        ResourceDownload.record(lesson, plan, self.day)
        ResourceDownload.record(lesson, plan, self.day)
        assert ResourceDownload.objects.get().count == 2

    def test_a_lost_insert_race_still_counts(self, lesson, plan, monkeypatch):
        """Another request creates the counter between our UPDATE (0 rows) and our INSERT: we add to theirs."""
        ResourceDownload.objects.create(resource=lesson, document=plan, date=self.day, count=5)
        original = QuerySet.update
        calls = []

        def first_update_misses(queryset, **kwargs):
            calls.append(kwargs)
            return 0 if len(calls) == 1 else original(queryset, **kwargs)

        monkeypatch.setattr(QuerySet, "update", first_update_misses)
        ResourceDownload.record(lesson, plan, self.day)
        assert ResourceDownload.objects.get().count == 6

    def test_one_counter_per_school_and_one_for_everyone_else(self, lesson, plan):
        school = School.objects.create(urn="100002", name="Northfield Academy", phase="secondary")
        for school_ in [None, None, school, school, school]:
            ResourceDownload.record(lesson, plan, self.day, school=school_)
        assert dict(ResourceDownload.objects.values_list("school_id", "count")) == {None: 2, school.pk: 3}

    def test_the_database_refuses_a_second_counter_for_the_same_key(self, lesson, plan):
        from django.db import IntegrityError, transaction

        ResourceDownload.objects.create(resource=lesson, document=plan, date=self.day, count=1)
        with pytest.raises(IntegrityError), transaction.atomic():
            ResourceDownload.objects.create(resource=lesson, document=plan, date=self.day, count=1)

    def test_deleting_a_file_keeps_the_resources_totals(self, lesson, plan):
        ResourceDownload.record(lesson, plan, self.day)
        plan.delete()
        counter = ResourceDownload.objects.get()
        assert (counter.document_id, counter.count) == (None, 1)


def test_downloads_of_a_translation_count_for_the_original(client, home_page, library, lesson, plan):
    from wagtail.models import Locale

    polish = Locale.objects.create(language_code="pl")
    for page in [home_page, library]:
        page.copy_for_translation(polish).save_revision().publish()
    lesson.copy_for_translation(polish, alias=True)  # as the demo does for pages not translated yet
    response = client.get(f"/pl/resources/consent-lesson/download/{plan.pk}/")
    assert response.status_code == 200
    assert ResourceDownload.objects.get().resource_id == lesson.pk
