"""The public archive, a newsletter page, the feed and the home page's latest newsletters."""

import datetime
import re

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletters.demo import NEWSLETTERS
from newsletters.models import NewsletterPage
from progress.summary import ProgressSummary
from tests.factories import NewsletterPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def two_years(archive, topics):
    pages = {}
    for number, (year, month, topic) in enumerate(
        [(2025, 3, "public"), (2025, 9, "schools"), (2026, 1, "schools"), (2026, 5, "public")]
    ):
        pages[(year, month)] = NewsletterPageFactory(
            parent=archive,
            slug=f"issue-{number}",
            title=f"Issue {year}-{month:02d}",
            date=datetime.date(year, month, 10),
            topics=[topics[topic]],
        )
    return pages


def titles(response):
    html = response.content.decode()
    return [line.split(">")[1].split("<")[0] for line in html.split('<h2 class="govuk-heading-m"><a ')[1:]]


def test_archive_lists_newsletters_newest_first(client, two_years):
    response = client.get("/newsletters/")
    assert response.status_code == 200
    assert titles(response) == ["Issue 2026-05", "Issue 2026-01", "Issue 2025-09", "Issue 2025-03"]
    assert "4 newsletters" in response.content.decode()


def test_each_card_links_to_its_newsletter_and_names_its_topics_in_order(client, archive, topics):
    NewsletterPageFactory(
        parent=archive,
        slug="both-topics",
        title="Both topics",
        topics=[topics["partners"], topics["public"], topics["schools"]],
    )
    html = client.get("/newsletters/").content.decode()
    card = html[html.index('<a class="govuk-link" href="/newsletters/both-topics/">Both topics</a>') :]
    card = card[: card.index("</li>")]
    assert '<span class="govuk-visually-hidden">. Topics:</span>' in card
    assert re.findall(r'govuk-tag--grey">([^<]+)<', card) == ["Public updates", "Schools", "Partners"]


def test_archive_filters_by_topic_and_year(client, two_years):
    assert titles(client.get("/newsletters/?topic=schools")) == ["Issue 2026-01", "Issue 2025-09"]
    assert titles(client.get("/newsletters/?year=2025")) == ["Issue 2025-09", "Issue 2025-03"]
    assert titles(client.get("/newsletters/?topic=schools&year=2026")) == ["Issue 2026-01"]


@pytest.mark.parametrize(
    "query",
    ["topic=aliens", "year=1999", "year=abc", "year=20255", "page=999", "page=-1", "page=abc", "topic=%00&year=%FF"],
)
def test_unknown_filters_are_ignored_with_a_message(client, two_years, query):
    response = client.get(f"/newsletters/?{query}")
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert 'class="govuk-inset-text" role="status"' in response.content.decode()


def test_archive_is_paginated(client, archive, topics):
    for number in range(12):
        NewsletterPageFactory(
            parent=archive, slug=f"n-{number}", date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number)
        )
    first, second = client.get("/newsletters/"), client.get("/newsletters/?page=2")
    assert len(titles(first)) == 10 and len(titles(second)) == 2
    assert 'aria-label="Pagination"' in first.content.decode()


def test_topic_and_year_choices_follow_publishing_and_a_renamed_topic_at_the_next_request(
    client, archive, two_years, topics
):
    assert '<option value="2027">' not in client.get("/newsletters/").content.decode()
    new = NewsletterPageFactory(parent=archive, slug="issue-2027", date=datetime.date(2027, 1, 5), topics=[])
    new.topics.add(topics["partners"])
    new.save_revision().publish()
    html = client.get("/newsletters/").content.decode()
    assert '<option value="2027">2027</option>' in html
    assert '<option value="partners">Partners</option>' in html
    topics["partners"].name = "Partner agencies"
    topics["partners"].save()
    assert '<option value="partners">Partner agencies</option>' in client.get("/newsletters/").content.decode()
    new.unpublish()
    html = client.get("/newsletters/").content.decode()
    assert '<option value="2027">' not in html and '<option value="partners">' not in html


def test_unpublished_newsletters_are_not_listed(client, two_years):
    page = two_years[(2026, 5)]
    page.unpublish()
    assert "Issue 2026-05" not in titles(client.get("/newsletters/"))


def test_newsletter_page_shows_every_block(client, newsletter, monkeypatch):
    summary = ProgressSummary(
        total=15,
        delivered=6,
        status_counts=[("delivered", "Delivered", 6), ("in-progress", "In progress", 9)],
        updated=datetime.date(2026, 3, 1),
        url="/progress/",
    )
    monkeypatch.setattr("newsletters.blocks.current_progress_summary", lambda: summary)
    html = client.get("/newsletters/spring-2026/").content.decode()
    assert "Spring 2026: one year on" in html
    assert 'href="https://example.org/plan"' in html
    assert "Worried about a child?" in html
    assert 'href="https://example.org/training"' in html
    assert "6 of 15 delivered" in html
    assert 'Delivered</th><td class="govuk-table__cell govuk-table__cell--numeric">6' in html
    assert "1 March 2026" in html


def test_progress_summary_block_uses_the_real_tracker(client, newsletter, home_page):
    from tests.factories import ProgressIndexPageFactory, ProgressUpdateFactory, RecommendationPageFactory

    tracker = ProgressIndexPageFactory(parent=home_page, recommendations_total=15)
    first = RecommendationPageFactory(parent=tracker, number=1)
    RecommendationPageFactory(parent=tracker, number=2)
    ProgressUpdateFactory(recommendation=first, status="delivered", date=datetime.date(2026, 2, 1))
    html = client.get("/newsletters/spring-2026/").content.decode()
    assert "1 of 15 delivered" in html
    assert "See the progress on each recommendation" in html


def test_reserved_slugs_are_refused(newsletter):
    from django.core.exceptions import ValidationError

    newsletter.slug = "subscribe"
    with pytest.raises(ValidationError):
        newsletter.full_clean()


def test_feed_parses_and_lists_newsletters(client, two_years):
    response = client.get("/newsletters/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries][0] == "Issue 2026-05"
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith("http") and link.endswith("/newsletters/issue-3/")
    assert entries[0].find(f"{ATOM}category").get("term") == "Public updates"


def test_archive_and_newsletter_pages_set_no_cookie(client, newsletter):
    for url in ["/newsletters/", "/newsletters/?topic=nope", "/newsletters/spring-2026/", "/newsletters/feed/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cookies == {}, url


def test_home_page_shows_the_latest_newsletters(client, two_years):
    html = client.get("/").content.decode()
    section = html[html.index("Latest newsletters") :]
    assert section.index("Issue 2026-05") < section.index("Issue 2026-01") < section.index("Issue 2025-09")
    assert "Issue 2025-03" not in section
    assert 'href="/newsletters/"' in section and 'href="/newsletters/subscribe/"' in section


# With the shell's values cached (site, locale, routing, settings, navigation) and the progress summary
# kept with them (home.shell_cache), a newsletter costs its routing and its topics.
PINNED_QUERY_COUNTS = {"/newsletters/": 4, "/newsletters/issue-0/": 2}


@pytest.mark.parametrize("url", PINNED_QUERY_COUNTS)
def test_query_counts_are_pinned_with_ten_times_the_demo(client, archive, topics, url):
    """Ten times the demo's newsletters: the counts stay where they are pinned, whatever the content."""
    for number in range(len(NEWSLETTERS) * 10):
        NewsletterPageFactory(
            parent=archive,
            slug=f"issue-{number}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number * 7),
            topics=list(topics.values()),
            body=[
                {"type": "text", "value": "<p>Text</p>"},
                {"type": "progress_summary", "value": {"heading": "Progress", "show_status_counts": True}},
            ],
        )
    assert NewsletterPage.objects.count() == 60
    client.get(url)  # the first request fills per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == PINNED_QUERY_COUNTS[url], "\n".join(q["sql"][:300] for q in queries)


def test_newsletters_behind_a_password_are_not_listed(client, two_years):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=two_years[(2026, 5)], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "Issue 2026-05" not in titles(client.get("/newsletters/"))
    assert "Issue 2026-05" not in client.get("/").content.decode()
    assert "Issue 2026-01" in client.get("/").content.decode()


def test_home_page_latest_newsletters_cost_a_query_then_none_until_a_change(rf, two_years):
    from django.template import Context, Template

    from home.shell_cache import retire_all

    template = Template("{% load newsletter_tags %}{% latest_newsletters %}")
    context = Context({"request": rf.get("/"), "page": two_years[(2025, 3)].get_parent().get_parent().specific})
    template.render(context)  # reads the site's root paths once
    retire_all()
    with CaptureQueriesContext(connection) as first:
        template.render(context)
    with CaptureQueriesContext(connection) as kept:
        html = template.render(context)
    assert "Issue 2026-05" in html
    # The newsletters, and the paths of restricted pages they leave out (kept with them too).
    assert [len(first), len(kept)] == [2, 0]
