"""What a visitor sees on /progress/: headline, counts, chart and table, filters, sorting and past views."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def table_titles(response):
    html = response.content.decode()
    table = html[html.index('class="govuk-table app-progress-table"') :]
    return re.findall(r'<a class="govuk-link" href="/progress/recommendation-\d+/[^"]*">([^<]+)</a>', table)


def counts_table(html):
    table = html[html.index("app-progress-counts") :]
    table = table[: table.index("</table>")]
    return dict(re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th><td[^>]*>(\d+)</td>', table))


def test_dashboard_headline_counts_chart_and_table(client, history):
    response = client.get("/progress/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 of 3 delivered" in html
    assert "Latest update 20 May 2019" in html
    assert counts_table(html) == {
        "Not started": "1",
        "In progress": "1",
        "Delivered": "1",
        "Delivered and embedded": "0",
        "Paused": "0",
        "Total": "3",
    }
    # The chart states the same figures in text, so it works without colour or JavaScript.
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg
    assert "Not started: 1; In progress: 1; Delivered: 1; Delivered and embedded: 0; Paused: 0." in svg
    assert re.findall(r'class="app-progress-chart__count">(\d+)<', svg) == ["1", "1", "1", "0", "0"]
    assert "<script" not in html[html.index("<main") : html.index("</main>")]
    assert table_titles(response) == ["Assess risk well", "Listen to young people", "Train all staff"]


def test_table_rows_show_lead_status_rag_percentage_and_dates(client, history):
    html = client.get("/progress/").content.decode()
    rows = re.findall(
        r"<tr class=\"govuk-table__row\">\s*<td class=\"govuk-table__cell\">(\d+)</td>(.*?)</tr>", html, re.S
    )
    cells = {number: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for number, row in rows}
    assert cells["1"] == "Assess risk well Council Delivered Green (on track) 100% 30 Jun 2017 1 Jun 2017"
    assert cells["2"] == "Listen to young people Priority Police In progress Not rated 50% None set 20 May 2019"
    assert cells["3"] == "Train all staff Not assigned Not started Not rated Not yet assessed None set No update yet"
    # Status and RAG are tags with words, never colour alone.
    assert '<strong class="govuk-tag govuk-tag--green">Delivered</strong>' in html
    assert 'govuk-tag--green app-rag app-rag--green">Green</strong>' in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("status=in-progress", ["Listen to young people"]),
        ("status=not-started", ["Train all staff"]),
        ("lead=police", ["Listen to young people"]),
        ("lead=council", ["Assess risk well"]),
        ("priority=1", ["Listen to young people"]),
        ("theme=training", ["Train all staff"]),
        ("theme=training&status=delivered", []),
        ("status=delivered&lead=council", ["Assess risk well"]),
    ],
)
def test_filters(client, history, query, expected):
    response = client.get(f"/progress/?{query}")
    assert response.status_code == 200
    assert table_titles(response) == expected if expected else "No recommendations match" in response.content.decode()
    # The headline always describes the whole tracker.
    assert "1 of 3 delivered" in response.content.decode()


def test_filter_options_are_offered_in_the_form(client, history):
    html = client.get("/progress/?lead=police").content.decode()
    assert '<option value="police" selected>Police</option>' in html
    assert '<option value="council">Council</option>' in html
    assert '<option value="training">Training</option>' in html
    assert "Clear filters" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("status=finished", "We do not recognise that status"),
        ("lead=nobody", "We do not recognise that lead organisation"),
        ("theme=%00", "We do not recognise that theme"),
        ("priority=yes", "use priority=1"),
        ("sort=colour", "We cannot sort by that"),
    ],
)
def test_unknown_filter_values_are_ignored_with_a_message(client, history, query, message):
    response = client.get(f"/progress/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(table_titles(response)) == 3


def test_sorting_by_each_column(client, history):
    assert table_titles(client.get("/progress/?sort=-number")) == [
        "Train all staff",
        "Listen to young people",
        "Assess risk well",
    ]
    assert table_titles(client.get("/progress/?sort=status"))[0] == "Train all staff"
    assert table_titles(client.get("/progress/?sort=-status"))[0] == "Assess risk well"
    # Blanks (no percentage, no target date) sort last whichever the column.
    assert table_titles(client.get("/progress/?sort=percentage")) == [
        "Listen to young people",
        "Assess risk well",
        "Train all staff",
    ]
    assert table_titles(client.get("/progress/?sort=updated"))[-1] == "Train all staff"
    html = client.get("/progress/?sort=title").content.decode()
    assert 'aria-sort="ascending"' in html
    assert 'href="?sort=-title#recommendations"' in html  # selecting it again reverses the order


class TestPointInTime:
    def test_as_at_shows_the_position_on_that_date(self, client, history):
        response = client.get("/progress/?as_at=2016-12-31")
        html = response.content.decode()
        assert response.status_code == 200
        assert "This shows the position on 31 December 2016, not today." in html
        assert "0 of 3 delivered" in html
        assert counts_table(html)["In progress"] == "2"
        assert counts_table(html)["Not started"] == "1"
        # Links keep the date, so a visitor stays in the past view.
        assert 'href="/progress/recommendation-1/?as_at=2016-12-31"' in html
        assert 'href="/progress/export.csv?as_at=2016-12-31"' in html

    def test_as_at_on_the_day_of_an_update_includes_it(self, client, history):
        html = client.get("/progress/?as_at=2017-06-01").content.decode()
        assert "1 of 3 delivered" in html

    def test_as_at_before_any_update(self, client, history):
        html = client.get("/progress/?as_at=2000-01-01").content.decode()
        assert "0 of 3 delivered" in html
        assert counts_table(html)["Not started"] == "3"

    def test_today_is_allowed(self, client, history):
        assert client.get(f"/progress/?as_at={timezone.localdate().isoformat()}").status_code == 200

    @pytest.mark.parametrize(
        "value, message",
        [
            ("2019-02-30", "must be a real date"),
            ("2019-13-01", "must be a real date"),
            ("31/12/2019", "year-month-day"),
            ("yesterday", "year-month-day"),
            ("2019-1-1", "year-month-day"),
            ("0000-01-01", "must be a real date"),
            ("1800-01-01", "after 1900"),
            ("<script>", "year-month-day"),
            ("9" * 500, "year-month-day"),
        ],
    )
    def test_bad_dates_get_a_clear_400(self, client, history, value, message):
        response = client.get("/progress/", {"as_at": value})
        html = response.content.decode()
        assert response.status_code == 400
        assert "There is a problem" in html
        assert message in html
        assert 'href="#as_at"' in html and 'id="as_at"' in html
        assert "<script>" not in html[html.index("<main") :]
        assert "1 of 3 delivered" in html  # the current position is still shown

    def test_future_date_gets_a_clear_400(self, client, history):
        tomorrow = timezone.localdate() + timedelta(days=1)
        response = client.get(f"/progress/?as_at={tomorrow.isoformat()}")
        assert response.status_code == 400
        assert "must be today or in the past" in response.content.decode()


def test_dashboard_offers_downloads_feed_changes_and_licence(client, history):
    html = client.get("/progress/").content.decode()
    for href in [
        "/progress/export.csv",
        "/progress/export.json",
        "/progress/actions.csv",
        "/progress/feed/",
        "/progress/changes/",
    ]:
        assert f'href="{href}' in html, href
    assert "Open Government Licence v3.0" in html


def test_dashboard_without_updates_or_recommendations(client, tracker):
    response = client.get("/progress/")
    assert response.status_code == 200
    assert "0 of 3 delivered" in response.content.decode()
    assert "No updates have been published yet." in response.content.decode()


def test_no_cookies_on_public_progress_pages(client, history):
    for url in ["/progress/", "/progress/?as_at=2019-02-30", "/progress/recommendation-1/", "/progress/changes/"]:
        assert client.get(url).cookies == {}, url


def test_junk_in_the_query_string_never_errors(client, history):
    for query in [
        "status=%FF",
        "lead=" + "x" * 5000,
        "sort=--number",
        "as_at=2019-02-29",
        "priority=1&priority=0",
        "as_at=",
    ]:
        assert client.get(f"/progress/?{query}").status_code in {200, 400}, query


def test_as_at_accepts_a_leap_day(client, history):
    assert client.get("/progress/?as_at=2020-02-29").status_code == 200


class TestALongTracker:
    """The inquiry's 15 fit on one page; a longer tracker is split into pages of 25, like any long list."""

    @pytest.fixture
    def long_tracker(self, tracker):
        from tests.factories import RecommendationPageFactory

        for number in range(1, 31):
            RecommendationPageFactory(parent=tracker, number=number, title=f"Recommendation number {number}")
        return tracker

    def test_the_table_shows_25_rows_and_links_to_the_next_page(self, client, long_tracker):
        response = client.get("/progress/")
        html = response.content.decode()
        assert len(table_titles(response)) == 25
        assert "Showing 30 of 30 recommendations." in html
        assert 'href="?page=2#recommendations" rel="next"' in html
        page_two = client.get("/progress/?page=2")
        assert table_titles(page_two) == [f"Recommendation number {n}" for n in range(26, 31)]
        assert 'rel="prev"' in page_two.content.decode()

    def test_a_page_that_does_not_exist_shows_the_first_with_a_message(self, client, long_tracker):
        for page in ("99", "x", "0"):
            response = client.get(f"/progress/?page={page}")
            assert response.status_code == 200
            assert "That page of results does not exist, so the first page is shown." in response.content.decode()
            assert table_titles(response)[0] == "Recommendation number 1"

    def test_sorting_starts_again_on_the_first_page(self, client, long_tracker):
        html = client.get("/progress/?page=2&sort=-number").content.decode()
        assert 'href="?sort=number#recommendations"' in html
        assert "page=2&amp;sort=number" not in html
        assert table_titles(client.get("/progress/?page=2&sort=-number"))[-1] == "Recommendation number 1"

    def test_filters_keep_their_values_across_pages(self, client, long_tracker):
        html = client.get("/progress/?sort=-number").content.decode()
        assert 'href="?sort=-number&amp;page=2#recommendations"' in html
