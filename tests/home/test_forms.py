"""Consultation forms: responses are kept, spam is not, and nothing typed is lost."""

import pytest
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import FormFieldFactory, FormPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(home_page):
    cache.clear()
    page = FormPageFactory(parent=home_page, slug="have-your-say", title="Have your say")
    FormFieldFactory(page=page, label="Your idea", clean_name="your_idea", field_type="multiline")
    return page


def test_response_is_stored_and_thanked(client, form_page):
    response = client.post("/have-your-say/", {"your_idea": "More youth workers"})
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    submission = FormSubmission.objects.get(page=form_page)
    assert submission.get_data()["your_idea"] == "More youth workers"
    assert "website_url" not in submission.form_data  # the honeypot is not part of the answer


def test_missing_answer_shows_error_and_keeps_nothing_lost(client, form_page):
    response = client.post("/have-your-say/", {"your_idea": ""})
    html = response.content.decode()
    assert "There is a problem" in html
    assert FormSubmission.objects.count() == 0


def test_honeypot_stores_nothing(client, form_page):
    response = client.post("/have-your-say/", {"your_idea": "spam", "website_url": "http://spam.example"})
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0


def test_rate_limit_per_address_keeps_what_was_typed(client, form_page, settings):
    settings.FORM_RATE_LIMIT = 2
    for _ in range(2):
        client.post("/have-your-say/", {"your_idea": "idea"}, REMOTE_ADDR="10.0.0.1")
    response = client.post("/have-your-say/", {"your_idea": "third idea"}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "third idea" in response.content.decode()
    assert FormSubmission.objects.count() == 2
    other = client.post("/have-your-say/", {"your_idea": "from elsewhere"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200
    assert FormSubmission.objects.count() == 3


def test_editors_can_export_submissions(admin_client, form_page):
    FormSubmission.objects.create(page=form_page, form_data={"your_idea": "Exported idea"})
    response = admin_client.get(f"/admin/forms/submissions/{form_page.pk}/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert "Exported idea" in content.decode()
