"""What a teacher sees in the library at /resources/: filters with counts, search, sort, pages, bad input."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from resources.queries import featured_resources
from tests.factories import ResourceDocumentFactory, ResourcePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h3 class="govuk-heading-m" id="resource-\d+"><a [^>]+>([^<]+)</a>', response.content.decode())


def option(response, facet, value):
    """The visible text of one filter option, for example 'Key stage 2 (3)'."""
    html = response.content.decode()
    select = html[html.index(f'id="filter-{facet}"') :]
    select = select[: select.index("</select>")]
    match = re.search(rf'<option value="{re.escape(value)}"(?: selected)?>([^<]+)</option>', select)
    return match.group(1) if match else None


def status_text(response):
    return re.search(r'<h2 class="govuk-heading-m" role="status">(.*?)</h2>', response.content.decode(), re.S).group(1)


@pytest.fixture
def shelf(library, vocabularies):
    ks, topics, formats = vocabularies["key_stages"], vocabularies["topics"], vocabularies["formats"]
    return {
        "films": ResourcePageFactory(
            parent=library,
            title="Online friends film",
            summary="A short film about online friendships.",
            key_stages=[ks["KS2"], ks["KS3"]],
            topics=[topics["online-safety"], topics["grooming"]],
            formats=[formats["film"]],
            for_pupils=True,
            for_teachers=False,
            language_codes=["en", "bfi"],
        ),
        "consent": ResourcePageFactory(
            parent=library,
            title="Consent lesson",
            summary="Lesson plan on consent and respect.",
            key_stages=[ks["KS3"]],
            topics=[topics["consent"]],
            formats=[formats["lesson-plan"]],
            for_pupils=True,
            language_codes=["en", "ur"],
        ),
        "parents": ResourcePageFactory(
            parent=library,
            title="Apps guide for parents",
            summary="Settings that keep children safer on phones.",
            key_stages=[ks["KS2"]],
            topics=[topics["online-safety"]],
            formats=[formats["guidance"]],
            for_teachers=False,
            for_parents=True,
            language_codes=["en", "pl"],
        ),
        "briefing": ResourcePageFactory(
            parent=library,
            title="Police briefing on grooming",
            summary="For staff only.",
            key_stages=[ks["KS4"]],
            topics=[topics["grooming"]],
            formats=[formats["guidance"]],
            professional_only=True,
        ),
    }


class TestListing:
    def test_lists_live_resources_newest_first_with_a_count(self, client, shelf):
        response = client.get("/resources/")
        assert response.status_code == 200
        assert titles(response) == [
            "Police briefing on grooming",
            "Apps guide for parents",
            "Consent lesson",
            "Online friends film",
        ]
        assert status_text(response).strip() == "4 resources"

    def test_sorts_by_title(self, client, shelf):
        assert titles(client.get("/resources/?sort=title")) == [
            "Apps guide for parents",
            "Consent lesson",
            "Online friends film",
            "Police briefing on grooming",
        ]

    def test_drafts_private_sections_and_other_languages_are_left_out(self, client, home_page, library, shelf):
        shelf["consent"].unpublish()
        restricted = ResourcePageFactory(parent=library, title="Behind a password")
        PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
        french = Locale.objects.create(language_code="fr")
        home_fr = home_page.copy_for_translation(french)
        library_fr = library.copy_for_translation(french)
        ResourcePageFactory(parent=library_fr, title="Leçon en français")
        assert home_fr.pk and library_fr.live is not None
        assert "Consent lesson" not in titles(client.get("/resources/"))
        assert "Behind a password" not in titles(client.get("/resources/"))
        assert "Leçon en français" not in titles(client.get("/resources/"))
        assert len(titles(client.get("/resources/"))) == 3

    def test_professional_only_resources_are_listed_and_labelled(self, client, shelf):
        html = client.get("/resources/").content.decode()
        card = html[html.index("Police briefing on grooming") - 400 :]
        assert "For approved school staff" in card[: card.index("</article>")]
        assert "For staff only." in html  # the summary is public

    def test_cards_show_key_stages_and_formats_in_order_and_link_to_the_resource(
        self, client, library, vocabularies, shelf
    ):
        ks, formats = vocabularies["key_stages"], vocabularies["formats"]
        ResourcePageFactory(
            parent=library,
            title="Mixed pack",
            slug="mixed-pack",
            key_stages=[ks["KS4"], ks["EYFS"], ks["KS2"]],
            formats=[formats["lesson-plan"], formats["film"], formats["guidance"]],
        )
        html = client.get("/resources/?sort=title").content.decode()
        cards = {
            title: (url, re.findall(r'<strong class="govuk-tag govuk-tag--(?:grey|blue)">([^<]+)</strong>', rest))
            for url, title, rest in re.findall(
                r'<a class="govuk-link" href="([^"]+)">([^<]+)</a></h3>(.*?)</article>', html, re.S
            )
        }
        assert cards["Mixed pack"] == (
            "/resources/mixed-pack/",
            ["EYFS", "KS2", "KS4", "Film", "Guidance", "Lesson plan"],  # stage order, then formats by name
        )
        assert cards["Online friends film"][1] == ["KS2", "KS3", "Film"]


class TestFilters:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("key_stage=KS2", {"Online friends film", "Apps guide for parents"}),
            ("key_stage=ks3", {"Online friends film", "Consent lesson"}),
            ("topic=grooming", {"Online friends film", "Police briefing on grooming"}),
            ("format=guidance", {"Apps guide for parents", "Police briefing on grooming"}),
            ("audience=parents", {"Apps guide for parents"}),
            ("audience=pupils", {"Online friends film", "Consent lesson"}),
            ("language=ur", {"Consent lesson"}),
            ("language=bfi", {"Online friends film"}),
            ("key_stage=KS2&topic=online-safety&format=film", {"Online friends film"}),
            ("key_stage=EYFS", set()),
        ],
    )
    def test_each_filter_narrows_the_results(self, client, shelf, query, expected):
        assert set(titles(client.get(f"/resources/?{query}"))) == expected

    def test_counts_beside_each_option(self, client, shelf):
        response = client.get("/resources/")
        assert option(response, "key_stage", "KS2") == "Key stage 2 (2)"
        assert option(response, "key_stage", "KS3") == "Key stage 3 (2)"
        assert option(response, "key_stage", "EYFS") == "Early years (0)"
        assert option(response, "topic", "online-safety") == "Online safety (2)"
        assert option(response, "format", "guidance") == "Guidance (2)"
        assert option(response, "audience", "teachers") == "Teachers and school staff (2)"
        assert option(response, "audience", "parents") == "Parents and carers (1)"
        assert option(response, "language", "en") == "English (4)"
        assert option(response, "language", "pl") == "Polish (1)"
        assert option(response, "language", "fr") is None  # only languages resources are in

    def test_counts_follow_a_publish_unpublish_and_a_renamed_topic_at_the_next_request(
        self, client, library, shelf, vocabularies
    ):
        assert option(client.get("/resources/?format=film"), "key_stage", "KS2") == "Key stage 2 (1)"
        another = ResourcePageFactory(
            parent=library, title="Second film", key_stages=[vocabularies["key_stages"]["KS2"]], formats=[]
        )
        another.formats.add(vocabularies["formats"]["film"])
        another.save_revision().publish()
        assert option(client.get("/resources/?format=film"), "key_stage", "KS2") == "Key stage 2 (2)"
        another.unpublish()
        assert option(client.get("/resources/?format=film"), "key_stage", "KS2") == "Key stage 2 (1)"
        topic = vocabularies["topics"]["online-safety"]
        topic.name = "Staying safe online"
        topic.save()
        assert option(client.get("/resources/?format=film"), "topic", "online-safety") == "Staying safe online (1)"

    def test_cards_follow_a_publish_an_edit_and_an_unpublish_at_the_next_request(
        self, client, library, shelf, vocabularies
    ):
        """A page of results is kept (without a search) until a change retires it."""
        assert titles(client.get("/resources/?topic=online-safety"))[0] == "Apps guide for parents"
        newest = ResourcePageFactory(
            parent=library, title="Safer gaming guide", topics=[vocabularies["topics"]["online-safety"]]
        )
        assert titles(client.get("/resources/?topic=online-safety"))[0] == "Safer gaming guide"
        newest.title = "Safer gaming: a guide for parents"
        newest.save_revision().publish()
        assert titles(client.get("/resources/?topic=online-safety"))[0] == "Safer gaming: a guide for parents"
        newest.unpublish()
        assert titles(client.get("/resources/?topic=online-safety"))[0] == "Apps guide for parents"

    def test_counts_follow_the_other_filters(self, client, shelf):
        response = client.get("/resources/?key_stage=KS2")
        # The other facets count within key stage 2; key stage options still show what each would give.
        assert option(response, "topic", "online-safety") == "Online safety (2)"
        assert option(response, "topic", "consent") == "Consent (0)"
        assert option(response, "format", "film") == "Film (1)"
        assert option(response, "key_stage", "KS3") == "Key stage 3 (2)"
        assert 'value="KS2" selected' in response.content.decode()
        assert status_text(response).strip() == "2 resources for Key stage 2"

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ("key_stage=KS9", "We do not recognise that key stage"),
            ("topic=astrology", "We do not recognise that topic"),
            ("format=%00", "We do not recognise that format"),
            ("audience=aliens", "We do not recognise that group"),
            ("language=xx", "We do not recognise that language"),
            ("sort=random", "We cannot sort that way"),
            ("page=abc", "That page of results does not exist"),
            ("page=0", "That page of results does not exist"),
            ("page=-1", "That page of results does not exist"),
            ("page=99999999999999999999999", "That page of results does not exist"),
            ("page=%FF", "That page of results does not exist"),
            ("q=%22%28*%29", "Enter words to search for"),
        ],
    )
    def test_unknown_values_are_ignored_with_a_message(self, client, shelf, query, message):
        response = client.get(f"/resources/?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert len(titles(response)) == 4

    def test_clear_link_only_when_filtered(self, client, shelf):
        assert "Clear search and filters" not in client.get("/resources/").content.decode()
        assert "Clear search and filters" in client.get("/resources/?topic=consent").content.decode()

    def test_no_match_offers_the_way_back(self, client, shelf):
        html = client.get("/resources/?key_stage=EYFS").content.decode()
        assert "No resources match" in html
        assert "0 resources for Early years" in html

    def test_the_form_works_without_javascript(self, client, shelf):
        html = client.get("/resources/").content.decode()
        form = html[html.index('<form method="get"') : html.index("</form>")]
        for name in ["q", "key_stage", "topic", "format", "audience", "language", "sort"]:
            assert f'name="{name}"' in form
        assert 'type="submit"' in form


class TestSearch:
    def test_finds_words_in_title_and_summary(self, client, shelf):
        assert titles(client.get("/resources/?q=respect")) == ["Consent lesson"]
        assert set(titles(client.get("/resources/?q=film"))) == {"Online friends film"}

    def test_search_combines_with_filters_and_counts(self, client, shelf):
        response = client.get("/resources/?q=online&key_stage=KS3")
        assert titles(response) == ["Online friends film"]
        assert option(response, "key_stage", "KS2") == "Key stage 2 (1)"  # 'online' matches one KS2 resource
        assert "matching &lsquo;online&rsquo;" in status_text(response)

    def test_restricted_text_is_not_searchable(self, client, shelf):
        shelf["briefing"].body = [{"type": "text", "value": "<p>Operation Kestrel codeword</p>"}]
        shelf["briefing"].save()
        assert titles(client.get("/resources/?q=Kestrel")) == []
        shelf["consent"].body = [{"type": "text", "value": "<p>Kestrel scenario</p>"}]
        shelf["consent"].save()
        assert titles(client.get("/resources/?q=Kestrel")) == ["Consent lesson"]

    @pytest.mark.parametrize(
        "q", ['"unclosed', "a AND", "NOT", "x:y", "^*", "é💥", "%", "NEAR(a b)", "a" * 500, "\x00help"]
    )
    def test_junk_never_breaks_the_page(self, client, shelf, q):
        response = client.get("/resources/", {"q": q})
        assert response.status_code == 200
        assert "<input" in response.content.decode()

    def test_long_search_is_cut_with_a_message(self, client, shelf):
        html = client.get("/resources/", {"q": "film " * 60}).content.decode()
        assert "Your search was too long" in html


class TestPagination:
    @pytest.fixture
    def many(self, library):
        return ResourcePageFactory.create_batch(45, parent=library)

    def test_twenty_a_page_with_links(self, client, many):
        first = client.get("/resources/")
        assert len(titles(first)) == 20
        assert status_text(first).strip() == "45 resources"
        assert 'href="?page=2#resources"' in first.content.decode()
        last = client.get("/resources/?page=3")
        assert len(titles(last)) == 5
        assert 'rel="prev"' in last.content.decode()

    def test_page_links_keep_the_filters(self, client, many, vocabularies):
        response = client.get("/resources/?sort=title")
        assert 'href="?sort=title&amp;page=2#resources"' in response.content.decode()

    def test_huge_page_shows_the_first_page(self, client, many):
        response = client.get("/resources/?page=10000000000000000")
        assert response.status_code == 200
        assert len(titles(response)) == 20


def test_anonymous_library_sets_no_cookie(client, shelf):
    for url in ["/resources/", "/resources/?key_stage=KS2&q=film", "/resources/?topic=nope&page=zz"]:
        assert client.get(url).cookies == {}, url


def test_featured_resources_for_the_hub(shelf, library, django_assert_max_num_queries):
    shelf["consent"].featured = True
    shelf["consent"].save()
    with django_assert_max_num_queries(5):
        featured = featured_resources(2)
        [list(page.key_stages.all()) for page in featured]
    assert [page.title for page in featured] == ["Consent lesson", "Police briefing on grooming"]


def demo_sized_library(library, vocabularies, number):
    """`number` resources spread over the vocabularies, each with a file and two languages."""
    ks, topics, formats = (list(vocabularies[key].values()) for key in ("key_stages", "topics", "formats"))
    for i in range(number):
        ResourcePageFactory(
            parent=library,
            key_stages=[ks[i % 6], ks[(i + 1) % 6]],
            topics=[topics[i % 3]],
            formats=[formats[i % 3]],
            professional_only=i % 7 == 0,
            documents=[ResourceDocumentFactory()] if i % 10 == 0 else [],
            language_codes=["en", ["ur", "pl", "ar"][i % 3]],
        )


# A page of results, like its counts, is kept with the shell's values until a change retires it.
PINNED_QUERY_COUNTS = {
    "/resources/": 1,
    "/resources/?key_stage=KS2&topic=consent&format=film&audience=pupils&language=ur&sort=title": 1,
    "/resources/?q=resource&page=2": 7,
    "/resources/pinned-resource/": 6,
}


def query_counts(client):
    counts = {}
    for url in PINNED_QUERY_COUNTS:
        client.get(url)  # the first request fills per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_query_counts_are_pinned_and_do_not_grow(client, library, vocabularies):
    """The demo has about forty resources; with ten times as many every count is the same, and pinned."""
    demo_sized_library(library, vocabularies, 39)
    ResourcePageFactory(
        parent=library,
        slug="pinned-resource",
        key_stages=list(vocabularies["key_stages"].values()),
        topics=list(vocabularies["topics"].values()),
        formats=list(vocabularies["formats"].values()),
        documents=ResourceDocumentFactory.create_batch(3),
        language_codes=["en", "ur", "pl"],
        body=[{"type": "text", "value": "<p>How to use it</p>"}],
        external_links=[{"type": "link", "value": {"title": "National programme", "url": "https://example.org/"}}],
    )
    StandardPageFactory(parent=library.get_parent(), slug="about")
    few = query_counts(client)
    demo_sized_library(library, vocabularies, 360)
    many = query_counts(client)
    assert many == few
    assert many == PINNED_QUERY_COUNTS


def test_review_dates_are_shown_in_full(client, shelf):
    shelf["consent"].last_reviewed = datetime.date(2026, 3, 2)
    shelf["consent"].save()
    html = client.get(shelf["consent"].url).content.decode()
    assert '<time datetime="2026-03-02">2 March 2026</time>' in html


def test_a_translated_library_speaks_its_language(client, home_page, library, vocabularies):
    """Translations keep links to the original key stages and formats; the pages show the translated names."""
    polish = Locale.objects.create(language_code="pl")
    key_stage = vocabularies["key_stages"]["KS2"]
    film = vocabularies["formats"]["film"]
    resource = ResourcePageFactory(parent=library, slug="film", title="Film", key_stages=[key_stage], formats=[film])
    for snippet, name in [(key_stage, "Etap kluczowy 2"), (film, "Film po polsku")]:
        translated = snippet.copy_for_translation(polish)
        translated.name = name
        translated.save()
    for page in [home_page, library, resource]:
        page.copy_for_translation(polish).save_revision().publish()
    html = client.get("/pl/resources/film/").content.decode()
    assert "Etap kluczowy 2" in html
    listing = client.get("/pl/resources/")
    assert option(listing, "key_stage", "KS2") == "Etap kluczowy 2 (1)"
    assert ">Film po polsku<" in listing.content.decode()
    assert titles(listing) == ["Film"]
    assert titles(client.get("/resources/")) == ["Film"]  # and the English library lists only the English page
