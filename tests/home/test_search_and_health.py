import pytest
from django.db import DatabaseError

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_live_pages(client, home_page):
    StandardPageFactory(parent=home_page, title="Spotting the signs of grooming", slug="signs")
    response = client.get("/search/?q=grooming")
    assert response.status_code == 200
    assert "Spotting the signs of grooming" in response.content.decode()
    assert "1 result" in response.content.decode()


def test_search_hides_draft_pages(client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Unpublished grooming draft", slug="draft")
    draft.unpublish()
    assert "Unpublished grooming draft" not in client.get("/search/?q=grooming").content.decode()


def test_empty_search_asks_for_words(client, home_page):
    response = client.get("/search/?q=+")
    assert response.status_code == 200
    assert "Enter a word or phrase" in response.content.decode()


def test_overlong_search_is_refused_clearly(client, home_page):
    response = client.get("/search/?q=" + "a" * 500)
    assert response.status_code == 400
    assert "too long" in response.content.decode()


@pytest.mark.parametrize("page_number", ["9999999", "abc", "-1"])
def test_bad_result_page_numbers_fall_back(client, home_page, page_number):
    StandardPageFactory(parent=home_page, title="Help page", slug="help-page")
    response = client.get(f"/search/?q=help&page={page_number}")
    assert response.status_code == 200


def test_junk_in_search_never_errors(client, home_page):
    for junk in ["%00", "'; DROP TABLE", "<script>", "&&&", "\u202e"]:
        assert client.get("/search/", {"q": junk}).status_code == 200


def test_healthz_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_database_down(client, db, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


@pytest.mark.parametrize("query", ['"grooming', 'grooming"', "-grooming", "grooming*", "(grooming", "grooming)"])
def test_search_syntax_around_a_word_still_finds_it(client, home_page, query):
    StandardPageFactory(parent=home_page, title="Spotting the signs of grooming", slug="signs")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "Spotting the signs of grooming" in response.content.decode()


@pytest.mark.parametrize("query", ["grooming OR", "AND", "'", '"', "NEAR(", "*"])
def test_search_operators_alone_never_break_the_page(client, home_page, query):
    assert client.get("/search/", {"q": query}).status_code == 200
