"""Request a session in school: a form builder page whose answers are kept, linked and emailed."""

import pytest
from django.core import mail

from schools.models import SessionRequest

pytestmark = pytest.mark.django_db

URL = "/schools/request-a-session/"


def request_data(**changes):
    return {
        "school": "100001",
        "your_name": "Kim Example",
        "your_work_email_address": "kim@northfield-schools.example.org",
        "key_stage": "KS2",
        "topic": "online-safety",
        "preferred_dates": "Any Tuesday in March",
        "website_url": "",
        **changes,
    }


def test_the_form_offers_the_register_of_schools_key_stages_and_topics(client, session_page, school):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="100001">Northfield Primary School</option>' in html
    assert '<option value="KS2">Key stage 2</option>' in html
    assert '<option value="online-safety">Online safety</option>' in html
    assert set(response.cookies) <= {"csrftoken"}  # a form page


def test_a_request_is_kept_with_its_school_key_stage_and_topic_and_emailed(
    client, session_page, school, taxonomy, settings
):
    settings.SCHOOLS_TEAM_EMAIL = "healthy-schools@example.org"
    response = client.post(URL, request_data())
    assert response.status_code == 200 and "Request sent" in response.content.decode()
    request = SessionRequest.objects.get()
    assert (request.school, request.key_stage, request.topic) == (school, taxonomy["ks2"], taxonomy["online"])
    assert request.form_data["school"] == "Northfield Primary School"
    assert request.form_data["preferred_dates"] == "Any Tuesday in March"
    assert "website_url" not in request.form_data
    assert mail.outbox[0].to == ["healthy-schools@example.org"]
    assert "School: Northfield Primary School" in mail.outbox[0].body
    assert "Key stage: Key stage 2" in mail.outbox[0].body


def test_the_pages_own_address_wins(client, session_page, school, settings):
    settings.SCHOOLS_TEAM_EMAIL = "healthy-schools@example.org"
    session_page.to_address = "sessions@example.org"
    session_page.save()
    client.post(URL, request_data())
    assert mail.outbox[0].to == ["sessions@example.org"]


def test_unknown_choices_are_errors_and_nothing_is_kept(client, session_page, school):
    response = client.post(URL, request_data(school="999999", key_stage="KS9"))
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert "Any Tuesday in March" in html  # what was typed is kept
    assert not SessionRequest.objects.exists() and not mail.outbox


def test_the_honeypot_pretends_and_keeps_nothing(client, session_page, school):
    response = client.post(URL, request_data(website_url="http://spam.example"))
    assert "Request sent" in response.content.decode()
    assert not SessionRequest.objects.exists()


def test_approved_staff_find_their_school_already_chosen(client, session_page, approved_user):
    client.force_login(approved_user)
    assert '<option value="100001" selected>' in client.get(URL).content.decode()


def test_the_hub_links_to_it(client, session_page):
    assert f'href="{URL}"' in client.get("/schools/").content.decode()
