"""The library and resource pages in Chromium: no WCAG 2.2 AA violations, filters work without JavaScript."""

import pytest

from tests.factories import ResourceDocumentFactory, ResourcePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shelf(library, vocabularies, restricted_file, live_server):
    ks, topics, formats = vocabularies["key_stages"], vocabularies["topics"], vocabularies["formats"]
    lesson = ResourcePageFactory(
        parent=library,
        slug="online-friends",
        title="Online friends lesson",
        body=[
            {"type": "heading", "value": {"text": "How to use it", "level": "h2"}},
            {"type": "text", "value": "<p>Start with the warm-up.</p>"},
            {"type": "details", "value": {"summary": "Before you teach", "text": "<p>Tell your DSL.</p>"}},
        ],
        external_links=[
            {
                "type": "link",
                "value": {"title": "National programme", "url": "https://example.org/", "organisation": "A charity"},
            }
        ],
        key_stages=[ks["KS2"], ks["KS3"]],
        topics=[topics["online-safety"]],
        formats=[formats["lesson-plan"], formats["film"]],
        for_pupils=True,
        quality_note="Checked against a national quality framework.",
        documents=[ResourceDocumentFactory(title="Lesson plan")],
        language_codes=["en", "ur"],
    )
    for i in range(24):
        ResourcePageFactory(parent=library, title=f"Worksheet {i}", key_stages=[ks["KS1"]], formats=[formats["film"]])
    briefing = ResourcePageFactory(
        parent=library, slug="briefing", title="Police briefing", professional_only=True, documents=[restricted_file]
    )
    return {"lesson": lesson, "briefing": briefing}


@pytest.mark.parametrize(
    "path",
    [
        "/resources/",
        "/resources/?key_stage=KS2&topic=nope&q=online",
        "/resources/?key_stage=EYFS",
        "/resources/online-friends/",
        "/resources/briefing/",
    ],
)
def test_library_and_resources_have_no_wcag_22_aa_violations(
    page_in_browser, live_server, shelf, assert_accessible, path
):
    page_in_browser.goto(live_server.url + path)
    assert_accessible(page_in_browser)


def test_filtering_and_paging_without_javascript(browser, live_server, shelf):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(live_server.url + "/resources/")
        tab.get_by_label("Key stage", exact=True).select_option("KS1")
        tab.get_by_role("button", name="Show resources").click()
        tab.wait_for_url("**key_stage=KS1**")
        assert tab.get_by_role("status").filter(has_text="24 resources for Key stage 1").count() == 1
        tab.get_by_role("link", name="Next page").click()
        tab.wait_for_url("**page=2**")
        assert tab.locator("article.app-resource").count() == 4
    finally:
        context.close()


def test_download_link_delivers_the_file(page_in_browser, live_server, shelf):
    page_in_browser.goto(live_server.url + "/resources/online-friends/")
    link = page_in_browser.get_by_role("link", name="Lesson plan")
    response = page_in_browser.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
