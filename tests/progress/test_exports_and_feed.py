"""Open data: CSV and JSON exports parsed back, and the Atom feed parsed as XML."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.utils import timezone

from progress.exports import ACTION_COLUMNS, LICENCE_URL, RECOMMENDATION_COLUMNS
from progress.models import ProgressUpdate

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(content):
    # Our own server's output in a test, not untrusted input; the brief asks for the standard library.
    return ET.fromstring(content)  # noqa: S314


def parse_csv(response):
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


class TestCsvExport:
    def test_one_row_per_recommendation_with_documented_columns(self, client, history):
        response = client.get("/progress/export.csv")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="progress.csv"'
        rows = parse_csv(response)
        assert list(rows[0]) == RECOMMENDATION_COLUMNS
        by_ref = {row["reference"]: row for row in rows}
        assert list(by_ref) == ["R01", "R02", "R03"]
        assert by_ref["R01"] | {"summary": "", "original_wording": "", "url": ""} == {
            "reference": "R01",
            "number": "1",
            "title": "Assess risk well",
            "summary": "",
            "original_wording": "",
            "theme": "risk-assessment",
            "response": "accepted",
            "response_reason": "",
            "lead": "Northfield Council",
            "priority": "no",
            "original_target_date": "2016-03-31",
            "status": "delivered",
            "status_reason": "",
            "rag": "green",
            "rag_rationale": "Done.",
            "percentage": "100",
            "current_target_date": "2017-06-30",
            "target_date_reason": "Consultation took longer.",
            "last_update": "2017-06-01",
            "next_review": "",
            "actions": "A02",
            "url": "",
        }
        assert by_ref["R01"]["url"].endswith("/progress/recommendation-1/")
        assert by_ref["R03"]["status"] == "not-started"
        assert by_ref["R03"]["percentage"] == ""  # not yet assessed, never 0
        assert by_ref["R02"]["actions"] == "A01"

    def test_licence_and_last_modified(self, client, history):
        response = client.get("/progress/export.csv")
        assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
        assert "Open Government Licence v3.0" in response["X-Licence"]
        latest = max(ProgressUpdate.objects.published().values_list("last_published_at", flat=True))
        assert abs(parsedate_to_datetime(response["Last-Modified"]) - latest) < timedelta(seconds=1)

    def test_as_at(self, client, history):
        response = client.get("/progress/export.csv?as_at=2019-05-10")
        assert response["Content-Disposition"] == 'attachment; filename="progress-as-at-2019-05-10.csv"'
        rows = {row["reference"]: row for row in parse_csv(response)}
        assert rows["R02"]["status"] == "paused"
        assert rows["R02"]["status_reason"] == "Waiting for funding."
        assert rows["R01"]["status"] == "delivered"
        rows = {row["reference"]: row for row in parse_csv(client.get("/progress/export.csv?as_at=2015-06-01"))}
        assert (rows["R01"]["status"], rows["R01"]["percentage"], rows["R01"]["current_target_date"]) == (
            "in-progress",
            "40",
            "2016-03-31",
        )

    def test_text_with_commas_quotes_newlines_and_accents_survives(self, client, history):
        page = history["r1"]
        page.summary = 'Assess, "then" act;\nrevisit — café'
        page.save_revision().publish()
        rows = parse_csv(client.get("/progress/export.csv"))
        assert rows[0]["summary"] == 'Assess, "then" act;\nrevisit — café'

    @pytest.mark.parametrize("url", ["/progress/export.csv", "/progress/export.json"])
    @pytest.mark.parametrize("value", ["2019-02-30", "soon", (timezone.localdate() + timedelta(days=1)).isoformat()])
    def test_bad_as_at_is_a_clear_400(self, client, history, url, value):
        response = client.get(url, {"as_at": value})
        assert response.status_code == 400
        assert "There is a problem" in response.content.decode()

    def test_actions_csv(self, client, history):
        response = client.get("/progress/actions.csv")
        rows = parse_csv(response)
        assert list(rows[0]) == ACTION_COLUMNS
        assert [(row["reference"], row["priority"], row["recommendations"]) for row in rows] == [
            ("A01", "yes", "R02"),
            ("A02", "no", "R01; R03"),
        ]
        assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'


class TestJsonExport:
    def test_parses_and_matches_the_csv(self, client, history):
        response = client.get("/progress/export.json")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json; charset=utf-8"
        data = json.loads(response.content)
        assert data["licence"] == {"name": "Open Government Licence v3.0", "url": LICENCE_URL}
        assert data["as_at"] is None
        assert "Last-Modified" in response
        csv_rows = parse_csv(client.get("/progress/export.csv"))
        assert [r["reference"] for r in data["recommendations"]] == [r["reference"] for r in csv_rows]
        r2 = data["recommendations"][1]
        assert (r2["status"], r2["percentage"], r2["actions"], r2["number"]) == ("in-progress", 50, ["A01"], 2)
        assert data["recommendations"][2]["percentage"] is None
        assert [a["reference"] for a in data["actions"]] == ["A01", "A02"]
        assert data["actions"][1]["recommendations"] == ["R01", "R03"]

    def test_as_at(self, client, history):
        data = json.loads(client.get("/progress/export.json?as_at=2016-12-31").content)
        assert data["as_at"] == "2016-12-31"
        assert [r["status"] for r in data["recommendations"]] == ["in-progress", "in-progress", "not-started"]


class TestFeed:
    def test_atom_feed_of_published_updates_parses(self, client, history):
        response = client.get("/progress/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = parse_atom(response.content)
        assert feed.tag == f"{ATOM}feed"
        assert feed.find(f"{ATOM}title").text == "Progress on the recommendations: progress updates"
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 5  # the draft is not in the feed
        titles = [entry.find(f"{ATOM}title").text for entry in entries]
        assert titles[0] == "R02 Listen to young people: In progress (correction)"
        assert titles[-1] == "R01 Assess risk well: In progress"
        first = entries[0]
        correction = history["updates"]["r2c"]
        link = first.find(f"{ATOM}link").get("href")
        assert link == f"http://testserver/progress/recommendation-2/#update-{correction.pk}"
        assert first.find(f"{ATOM}id").text == link
        assert "The pause was recorded in error." in first.find(f"{ATOM}summary").text
        assert first.find(f"{ATOM}updated").text
        authors = [entry.find(f"{ATOM}author/{ATOM}name") for entry in entries]
        assert authors[-1].text == "Northfield Council"

    def test_feed_is_linked_as_absolute_self(self, client, history):
        feed = parse_atom(client.get("/progress/feed/").content)
        links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
        assert links["self"] == "http://testserver/progress/feed/"
        assert links["alternate"] == "http://testserver/progress/"

    def test_empty_feed_parses(self, client, tracker):
        feed = parse_atom(client.get("/progress/feed/").content)
        assert feed.findall(f"{ATOM}entry") == []


def test_downloads_under_other_pages_are_404(client, history):
    assert client.get("/about/export.csv").status_code == 404
    assert client.get("/progress/recommendation-1/export.csv").status_code == 404


def test_home_page_shows_the_latest_published_updates(client, history):
    html = client.get("/").content.decode()
    section = html[html.index("Latest progress on the recommendations") :]
    assert (
        f'href="/progress/recommendation-2/#update-{history["updates"]["r2c"].pk}">R02: Listen to young people</a>'
        in section
    )
    assert "20 May 2019" in section
    assert 'href="/progress/">See where every recommendation stands</a>' in section
    assert "R03" not in section[: section.index("See where")]  # the draft is not shown


def test_home_page_without_a_tracker_shows_nothing_extra(client, home_page):
    assert "Latest progress" not in client.get("/").content.decode()


def test_last_modified_moves_when_an_update_is_published(client, history):
    from tests.factories import ProgressUpdateFactory

    before = parsedate_to_datetime(client.get("/progress/export.json")["Last-Modified"])
    ProgressUpdateFactory(recommendation=history["r3"], date=date(2022, 1, 1))
    after = parsedate_to_datetime(client.get("/progress/export.json")["Last-Modified"])
    assert after >= before
