"""The hub and module pages: what they show, where they live, their cookies and their query counts."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from schools.models import (
    BriefingPage,
    ELearningIndexPage,
    ELearningModulePage,
    HubFeaturedResource,
    ModuleCompletion,
    SchoolsHubPage,
    SessionRequestPage,
)
from tests.factories.resources import ResourceIndexPageFactory, ResourcePageFactory
from tests.factories.schools import BriefingPageFactory, ELearningModulePageFactory


class PageTreeRulesTest(WagtailPageTestCase):
    def test_the_hub_lives_under_home_once(self):
        self.assertAllowedParentPageTypes(SchoolsHubPage, {HomePage})
        self.assertAllowedSubpageTypes(SchoolsHubPage, {ELearningIndexPage, BriefingPage, SessionRequestPage})
        self.assertCanCreateAt(HomePage, SchoolsHubPage)
        assert SchoolsHubPage.max_count == 1

    def test_e_learning_and_briefings_live_under_the_hub(self):
        self.assertAllowedParentPageTypes(ELearningIndexPage, {SchoolsHubPage})
        self.assertAllowedSubpageTypes(ELearningIndexPage, {ELearningModulePage})
        self.assertAllowedParentPageTypes(ELearningModulePage, {ELearningIndexPage})
        self.assertAllowedSubpageTypes(ELearningModulePage, set())
        self.assertAllowedParentPageTypes(BriefingPage, {SchoolsHubPage})
        self.assertAllowedParentPageTypes(SessionRequestPage, {SchoolsHubPage})
        assert ELearningIndexPage.max_count == 1 and SessionRequestPage.max_count == 1

    def test_every_page_type_has_a_namespaced_template(self):
        for model in (SchoolsHubPage, ELearningIndexPage, ELearningModulePage, BriefingPage, SessionRequestPage):
            assert model.template.startswith("pages/schools_"), model


pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return ResourceIndexPageFactory(parent=home_page)


class TestHub:
    def test_shows_the_programme_modules_briefings_and_sessions(self, client, hub, module, briefing, session_page):
        response = client.get("/schools/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Resources, e-learning and sessions" in html
        assert 'href="/schools/e-learning/spotting-the-signs/"' in html
        assert 'href="/schools/operation-lantern/"' in html
        assert 'href="/schools/request-a-session/"' in html
        assert 'href="/schools/sign-up/"' in html

    def test_shows_the_librarys_featured_resources(self, client, hub, library):
        ResourcePageFactory(parent=library, title="Online friends and strangers", featured=True)
        ResourcePageFactory(parent=library, title="Police lesson plan", featured=True, professional_only=True)
        html = client.get("/schools/").content.decode()
        assert "Online friends and strangers" in html
        assert "Police lesson plan" in html and "For school staff" in html

    def test_an_editors_choice_comes_first_in_their_order(self, client, hub, library):
        first = ResourcePageFactory(parent=library, title="Chosen second")
        second = ResourcePageFactory(parent=library, title="Chosen first")
        ResourcePageFactory(parent=library, title="Featured but not chosen", featured=True)
        HubFeaturedResource.objects.create(page=hub, resource=second, sort_order=0)
        HubFeaturedResource.objects.create(page=hub, resource=first, sort_order=1)
        html = client.get("/schools/").content.decode()
        assert html.index("Chosen first") < html.index("Chosen second")
        assert "Featured but not chosen" not in html

    def test_lists_follow_published_changes_at_the_next_request(self, client, hub, module, briefing, library):
        """What the hub lists is kept with the shell's cached values; publishing a page retires them."""
        html = client.get("/schools/").content.decode()
        assert "Spotting the signs" in html and "3 lessons, about 30 minutes" in html
        BriefingPageFactory(parent=hub, title="Taxi licensing briefing", slug="taxi-licensing")
        ResourcePageFactory(parent=library, title="Healthy relationships", featured=True)
        module.unpublish()
        html = client.get("/schools/").content.decode()
        assert "Taxi licensing briefing" in html and "Healthy relationships" in html
        assert "Spotting the signs" not in html
        chosen = ResourcePageFactory(parent=library, title="Chosen by the editor")
        hub.featured_resources.add(HubFeaturedResource(resource=chosen))
        hub.save_revision().publish()
        html = client.get("/schools/").content.decode()
        assert "Chosen by the editor" in html and "Healthy relationships" not in html

    def test_staff_see_what_they_have_completed_on_the_hub(self, client, hub, module, approved_user):
        client.force_login(approved_user)
        assert "Completed" not in client.get("/schools/").content.decode()
        ModuleCompletion.objects.create(user=approved_user, module=module, score=100)
        assert "Completed" in client.get("/schools/").content.decode()  # the user's own, never kept

    def test_a_preview_shows_the_editors_unsaved_choice(self, rf, hub, library):
        from schools.hub import hub_context

        kept = ResourcePageFactory(parent=library, title="Featured in the library", featured=True)
        request = rf.get("/schools/")
        request.user = AnonymousUser()
        assert [page.pk for page in hub_context(hub, request)["featured"]] == [kept.pk]
        chosen = ResourcePageFactory(parent=library, title="Chosen, not yet saved")
        hub.featured_resources.add(HubFeaturedResource(resource=chosen))  # in the editor's form, not saved
        request.is_preview = True
        assert [page.title for page in hub_context(hub, request)["featured"]] == ["Chosen, not yet saved"]

    def test_approved_staff_see_their_status_not_the_sign_up_pitch(self, client, hub, approved_user):
        client.force_login(approved_user)
        html = client.get("/schools/").content.decode()
        assert "approved school staff" in html and "Create a school staff account" not in html


PUBLIC_URLS = [
    "/schools/",
    "/schools/e-learning/",
    "/schools/e-learning/spotting-the-signs/",
    "/schools/e-learning/spotting-the-signs/lesson-1/",
    "/schools/e-learning/spotting-the-signs/check/",
    "/schools/operation-lantern/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_anonymous_gets_set_no_cookie_and_load_nothing_from_elsewhere(client, hub, module, briefing, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.cookies == {}
    html = response.content.decode()
    sources = re.findall(r'<(?:script|link|img|iframe|video|audio)[^>]+(?:src|href)="([^"]+)"', html)
    assert all(source.startswith("/") and not source.startswith("//") for source in sources), sources
    assert 'data-module="govuk-exit-this-page"' in html


def test_lessons_link_out_to_videos_instead_of_embedding_them(client, elearning):
    ELearningModulePageFactory(
        parent=elearning,
        slug="with-video",
        lesson_count=0,
        lessons=[],
    )
    from schools.models import ModuleLesson

    page = ELearningModulePage.objects.get(slug="with-video")
    ModuleLesson.objects.create(
        page=page,
        title="Sam's story",
        sort_order=0,
        body=[
            {
                "type": "media",
                "value": {
                    "title": "Sam's story",
                    "external_url": "https://video.example.org/sam",
                    "transcript": "<p>TRANSCRIPT-TEXT</p>",
                },
            }
        ],
    )
    html = client.get("/schools/e-learning/with-video/lesson-1/").content.decode()
    assert 'href="https://video.example.org/sam"' in html and "<iframe" not in html
    assert "TRANSCRIPT-TEXT" in html and "Transcript of" in html


def ten_times_the_demo(hub, elearning, library):
    """The demo has 2 modules of 3 or 4 lessons, 1 briefing and about 40 resources (3 featured)."""
    for number in range(20):
        ELearningModulePageFactory(parent=elearning, slug=f"module-{number}", lesson_count=4)
    ELearningModulePageFactory(parent=elearning, slug="long-module", lesson_count=40)
    for number in range(10):
        BriefingPageFactory(parent=hub, slug=f"briefing-{number}")
    for number in range(40):
        ResourcePageFactory(parent=library, slug=f"resource-{number}", featured=number < 30)


# Most of these are Wagtail's routing and the site shell (settings, navigation); the schools
# pages add one query per list they show, whatever its length, but the hub's lists are all
# pages and are kept with the shell's cached values (schools.hub.listed_pages).
PINNED_QUERY_COUNTS = {
    "/schools/": 1,
    "/schools/e-learning/": 2,
    "/schools/e-learning/long-module/": 4,
    "/schools/e-learning/long-module/lesson-7/": 3,
    "/schools/e-learning/long-module/check/": 2,
}


def count_queries(client, urls):
    counts = {}
    for url in urls:
        client.get(url)  # the first request fills per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_query_counts_are_pinned_with_ten_times_the_demo(client, hub, elearning, library, session_page):
    ELearningModulePageFactory(parent=elearning, slug="long-module", lesson_count=8)
    BriefingPageFactory(parent=hub, slug="one-briefing")
    ResourcePageFactory(parent=library, slug="one-resource", featured=True)
    small = count_queries(client, PINNED_QUERY_COUNTS)
    ELearningModulePage.objects.filter(slug="long-module").delete()
    ten_times_the_demo(hub, elearning, library)
    large = count_queries(client, PINNED_QUERY_COUNTS)
    assert large == PINNED_QUERY_COUNTS
    assert large == small


def test_staff_pages_query_counts_do_not_grow_with_progress(client, hub, elearning, approved_user):
    from schools.models import LessonProgress

    small = ELearningModulePageFactory(parent=elearning, slug="small", lesson_count=2)
    big = ELearningModulePageFactory(parent=elearning, slug="big", lesson_count=40)
    client.force_login(approved_user)
    for lesson in big.lessons.all():
        LessonProgress.objects.create(user=approved_user, lesson=lesson)
    LessonProgress.objects.create(user=approved_user, lesson=small.lessons.first())

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count("/schools/e-learning/big/") == count("/schools/e-learning/small/")
    assert count("/schools/e-learning/big/lesson-2/") == count("/schools/e-learning/small/lesson-2/")
    assert count("/schools/") == count("/schools/")
