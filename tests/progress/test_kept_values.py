"""Where each recommendation stands is kept between requests with the shell's values (home.shell_cache),
with the page cache off: the dashboard's states, a recommendation's history, the summary and the home
page's latest updates. Every change an editor can make shows at the next request."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from progress.summary import current_summary
from tests.factories import NewsletterIndexPageFactory, NewsletterPageFactory, ProgressUpdateFactory
from tests.progress.test_dashboard import table_titles

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_dashboard_and_a_recommendation_are_kept_until_a_change(client, history):
    for url in ("/progress/", "/progress/recommendation-2/"):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) == 1, url  # routing only: the tracker's data is kept


def test_a_published_update_shows_on_the_dashboard_the_recommendation_and_the_home_page(client, history):
    for url in ("/", "/progress/", "/progress/recommendation-3/"):
        page(client, url)
    assert "1 of 3 delivered" in page(client, "/progress/")
    update = ProgressUpdateFactory(
        recommendation=history["r3"], date=timezone.localdate(), status="delivered",
        narrative="<p>Every member of staff has now been trained.</p>",
    )  # fmt: skip
    assert "2 of 3 delivered" in page(client, "/progress/")
    assert "Every member of staff has now been trained." in page(client, "/progress/recommendation-3/")
    assert f"#update-{update.pk}" in page(client, "/")
    assert current_summary().delivered == 2


def test_an_unpublished_update_leaves_every_page_at_the_next_request(client, history):
    delivered = history["updates"]["r1b"]
    assert "1 of 3 delivered" in page(client, "/progress/")
    assert f"update-{delivered.pk}" in page(client, "/progress/recommendation-1/")
    assert f"#update-{delivered.pk}" in page(client, "/")
    assert current_summary().delivered == 1
    delivered.unpublish()
    assert "0 of 3 delivered" in page(client, "/progress/")
    assert f"update-{delivered.pk}" not in page(client, "/progress/recommendation-1/")
    assert f"#update-{delivered.pk}" not in page(client, "/")
    assert current_summary().delivered == 0


def test_a_priority_action_and_its_recommendations_show_at_the_next_request(client, history):
    assert table_titles(client.get("/progress/?priority=1")) == ["Listen to young people"]
    shared = history["actions"][1]
    shared.is_priority = True
    shared.save()
    assert table_titles(client.get("/progress/?priority=1")) == [
        "Assess risk well", "Listen to young people", "Train all staff",
    ]  # fmt: skip
    shared.is_priority = False
    shared.save()
    assert table_titles(client.get("/progress/?priority=1")) == ["Listen to young people"]
    history["actions"][0].recommendations.add(history["r1"])  # only the link between them changes
    assert table_titles(client.get("/progress/?priority=1")) == ["Assess risk well", "Listen to young people"]
    assert "Joint plan" in page(client, "/progress/recommendation-1/")


def test_a_renamed_lead_partner_shows_at_the_next_request(client, history, partners):
    lead_cell = '<td class="govuk-table__cell">{}</td>'
    assert lead_cell.format("Council") in page(client, "/progress/")
    council = partners["council"]
    council.short_name = "City Council"
    council.save()
    html = page(client, "/progress/")
    assert lead_cell.format("City Council") in html and lead_cell.format("Council") not in html


def test_a_past_date_is_read_afresh_not_kept(client, history):
    page(client, "/progress/?as_at=2016-06-30")
    with CaptureQueriesContext(connection) as queries:
        html = page(client, "/progress/?as_at=2016-06-30")
    assert "0 of 3 delivered" in html  # R01 was delivered in 2017
    assert len(queries) > 1
    assert current_summary(as_at=date(2016, 6, 30)).delivered == 0
    assert current_summary().delivered == 1


def test_a_newly_published_newsletter_shows_on_the_home_page_at_the_next_request(client, home_page):
    archive = NewsletterIndexPageFactory(parent=home_page, slug="newsletters")
    NewsletterPageFactory(parent=archive, slug="spring", title="Spring issue", date=date(2026, 3, 1))
    assert "Spring issue" in page(client, "/")
    NewsletterPageFactory(parent=archive, slug="autumn", title="Autumn issue", date=date(2026, 9, 1))
    assert "Autumn issue" in page(client, "/")
