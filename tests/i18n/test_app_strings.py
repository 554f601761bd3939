"""The newsletters, resources and schools apps speak the visitor's language too."""

import pytest

from tests.factories import ResourceIndexPageFactory

from .conftest import translated

pytestmark = pytest.mark.django_db


def test_the_library_filters_are_in_urdu(client, home_page, request):
    ResourceIndexPageFactory(parent=home_page, slug="resources", title="Resources")
    request.getfixturevalue("locales")  # synchronised after the library exists, so it is copied into Urdu
    response = client.get("/ur/resources/")
    html = response.content.decode()
    assert response.status_code == 200
    for english in ["Filter resources", "Search resources", "Sort by", "Show resources"]:
        assert translated("ur", english) != english, english
        assert translated("ur", english) in html, english
    assert ">Filter resources<" not in html


def test_the_subscribe_form_is_in_polish(client, home_page, locales):
    response = client.get("/pl/newsletters/subscribe/")
    html = response.content.decode()
    assert response.status_code == 200
    for english in ["Email address", "We will send you an email to confirm it is yours.", "Subscribe to newsletters"]:
        assert translated("pl", english) != english, english
        assert translated("pl", english) in html, english
    assert "Adres e-mail" in html


def test_subscribe_errors_are_in_polish(client, home_page, locales):
    response = client.post("/pl/newsletters/subscribe/", {"email": ""})
    assert "Wpisz swój adres e-mail" in response.content.decode()
