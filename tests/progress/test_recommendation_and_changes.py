"""A recommendation's page and the 'what changed' view, as a visitor sees them."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def facts(html):
    block = html[html.index("app-progress-facts") : html.index("</dl>")]
    return {
        text(key): text(value)
        for key, value in re.findall(
            r'<dt class="govuk-summary-list__key">(.*?)</dt>\s*<dd class="govuk-summary-list__value">(.*?)</dd>',
            block,
            re.S,
        )
    }


def timeline_dates(html):
    found = re.findall(
        r'<li class="app-progress-timeline__item" id="update-\d+">\s*<h3 class="govuk-heading-m">([^<]+)', html
    )
    return [value.strip() for value in found]


class TestRecommendationPage:
    def test_shows_its_facts_from_the_latest_update(self, client, history):
        response = client.get("/progress/recommendation-1/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Recommendation 1 (R01)" in html
        assert facts(html) == {
            "Reference": "R01",
            "Theme": "Risk assessment",
            "Partnership's response": "Accepted",
            "Lead organisation": "Northfield Council",
            "Status": "Delivered",
            "RAG rating": "Green (on track) Done.",
            "Progress": "100%",
            "Original target date": "31 March 2016",
            "Current target date": "30 June 2017 Changed from 31 March 2016. Consultation took longer.",
            "Last reviewed": "1 June 2017",
            "Next review": "Not set",
        }

    def test_keeps_the_original_wording_verbatim(self, client, history):
        page = history["r1"]
        page.original_wording = "The partners should, within 12 months,\nassess risk & act on it."
        page.save_revision().publish()
        html = client.get("/progress/recommendation-1/").content.decode()
        assert "<p>The partners should, within 12 months,<br>assess risk &amp; act on it.</p>" in html

    def test_lists_every_action_serving_it_and_what_else_they_serve(self, client, history):
        html = client.get("/progress/recommendation-3/").content.decode()
        actions = html[html.index('id="actions"') : html.index('id="updates"')]
        assert "A02: Shared training" in actions
        assert 'href="/progress/recommendation-1/">R01</a>' in actions
        assert "Joint plan" not in actions

    def test_timeline_of_published_updates_newest_first_with_corrections(self, client, history):
        html = client.get("/progress/recommendation-2/").content.decode()
        assert timeline_dates(html) == ["20 May 2019", "5 May 2019", "1 February 2016"]
        correction = history["updates"]["r2c"]
        assert f'id="update-{correction.pk}"' in html
        assert "Correction</strong>" in html
        assert (
            f'This corrects the <a class="govuk-link" href="#update-{history["updates"]["r2b"].pk}">update of 5 May 2019</a>'
            in html
        )
        assert "Why it is paused:</strong> Waiting for funding." in html
        assert "Not yet assessed" in html  # the 2016 update left the percentage blank

    def test_drafts_are_not_shown(self, client, history):
        html = client.get("/progress/recommendation-3/").content.decode()
        assert timeline_dates(html) == []
        assert "No update has been published yet." in html
        assert facts(html)["Status"] == "Not started"

    def test_evidence_documents_and_links(self, client, history, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        from django.core.files.base import ContentFile
        from wagtail.documents.models import Document

        document = Document.objects.create(title="Audit", file=ContentFile(b"%PDF-1.4 audit", name="audit.pdf"))
        update = ProgressUpdateFactory(
            recommendation=history["r3"],
            date=date(2021, 3, 1),
            evidence=[
                {"title": "Audit report, March 2021", "document": document},
                {"title": "Board minutes", "url": "https://example.org/minutes"},
            ],
        )
        html = client.get("/progress/recommendation-3/").content.decode()
        item = html[html.index(f'id="update-{update.pk}"') :]
        assert f'<a class="govuk-link" href="{document.url}">Audit report, March 2021</a>' in item
        assert "(PDF," in item
        assert '<a class="govuk-link" href="https://example.org/minutes">Board minutes</a>' in item

    def test_links_to_email_updates_for_this_recommendation(self, client, history):
        html = client.get("/progress/recommendation-2/").content.decode()
        assert (
            '<a class="govuk-link" href="/newsletters/subscribe/?recommendation=R02">Get email updates about this recommendation</a>'
            in html
        )

    def test_as_at_shows_the_past_position_and_history(self, client, history):
        response = client.get("/progress/recommendation-2/?as_at=2019-05-10")
        html = response.content.decode()
        assert response.status_code == 200
        assert "This shows the position on 10 May 2019, not today." in html
        assert facts(html)["Status"] == "Paused Waiting for funding."
        assert timeline_dates(html) == ["5 May 2019", "1 February 2016"]
        assert 'href="/progress/recommendation-2/">See the position today</a>' in html

    def test_as_at_before_any_update(self, client, history):
        html = client.get("/progress/recommendation-1/?as_at=2014-01-01").content.decode()
        assert "No update had been published by 1 January 2014." in html
        assert facts(html)["Current target date"] == "31 March 2016"

    @pytest.mark.parametrize(
        "value", ["2019-02-30", "nonsense", "20190101", (timezone.localdate() + timedelta(days=3)).isoformat()]
    )
    def test_bad_as_at_gets_a_clear_400(self, client, history, value):
        response = client.get("/progress/recommendation-1/", {"as_at": value})
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html and 'href="#as_at"' in html
        assert timeline_dates(html) == ["1 June 2017", "10 January 2015"]

    def test_unknown_recommendation_is_404(self, client, history):
        assert client.get("/progress/recommendation-99/").status_code == 404


class TestChanges:
    def entries(self, html):
        return [
            text(entry)
            for entry in re.findall(
                r'<li class="app-progress-change">(.*?)</li>\s*(?=<li class="app-progress-change">|</ol>)', html, re.S
            )
        ]

    def test_lists_new_updates_status_moves_and_target_changes_since_a_date(self, client, history):
        response = client.get("/progress/changes/?since=2017-01-01")
        html = response.content.decode()
        assert response.status_code == 200
        assert "What changed since 1 January 2017" in html
        assert "3 updates on 2 recommendations, with 3 changes of status." in html
        assert self.entries(html) == [
            "20 May 2019: R02 Listen to young people Correction to an earlier update Status changed from Paused to In progress",
            "5 May 2019: R02 Listen to young people New update Status changed from In progress to Paused",
            "1 June 2017: R01 Assess risk well New update "
            "Status changed from In progress to Delivered "
            "Target date changed from 31 March 2016 to 30 June 2017: Consultation took longer.",
        ]
        assert f'href="/progress/recommendation-2/#update-{history["updates"]["r2c"].pk}"' in html

    def test_since_is_inclusive(self, client, history):
        html = client.get("/progress/changes/?since=2019-05-20").content.decode()
        assert len(self.entries(html)) == 1

    def test_nothing_changed(self, client, history):
        html = client.get("/progress/changes/?since=2020-01-01").content.decode()
        assert "Nothing has changed since then." in html

    def test_without_a_date_shows_the_last_twelve_months(self, client, history):
        ProgressUpdateFactory(
            recommendation=history["r3"], date=timezone.localdate() - timedelta(days=10), status="in-progress"
        )
        html = client.get("/progress/changes/").content.decode()
        assert "Showing the last 12 months." in html
        assert len(self.entries(html)) == 1

    @pytest.mark.parametrize(
        "value", ["2019-02-30", "last week", "2019/01/01", (timezone.localdate() + timedelta(days=1)).isoformat()]
    )
    def test_bad_since_gets_a_clear_400(self, client, history, value):
        response = client.get("/progress/changes/", {"since": value})
        html = response.content.decode()
        assert response.status_code == 400
        assert "There is a problem" in html and 'href="#since"' in html and 'id="since"' in html
        assert self.entries(html) == []

    def test_drafts_are_not_changes(self, client, history):
        html = client.get("/progress/changes/?since=2019-12-01").content.decode()
        assert "Nothing has changed since then." in html
