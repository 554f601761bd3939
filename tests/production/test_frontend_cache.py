"""CDN purges: pages on publish (Wagtail), and the pages that show a snippet when it changes."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from home.models import SiteSettings
from tests.factories import StandardPageFactory, SupportServiceFactory

pytestmark = pytest.mark.django_db


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"recorder": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


def test_changing_a_support_service_purges_the_get_help_page(get_help_page, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        service = SupportServiceFactory(name="Night line")
    assert purged == ["http://localhost/get-help/"]
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service.delete()
    assert purged == ["http://localhost/get-help/"]


def test_an_unpublished_get_help_page_is_not_purged(get_help_page, purged, django_capture_on_commit_callbacks):
    get_help_page.unpublish()
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        SupportServiceFactory()
    assert purged == []


def test_changing_site_settings_purges_every_live_page(
    home_page, get_help_page, purged, django_capture_on_commit_callbacks
):
    StandardPageFactory(parent=home_page, slug="about")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        settings = SiteSettings.for_site(home_page.get_site())
        settings.helpline_number = "0800 111 2222"
        settings.save()
    assert set(purged) == {"http://localhost/", "http://localhost/about/", "http://localhost/get-help/"}


def test_publishing_a_page_purges_it(home_page, purged, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, slug="about")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "About us"
        page.save_revision().publish()
    assert "http://localhost/about/" in purged


def test_nothing_is_purged_without_a_cdn(get_help_page, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        SupportServiceFactory()  # no error, no request anywhere


def test_renaming_a_topic_purges_the_archive_and_its_newsletters(home_page, purged, django_capture_on_commit_callbacks):
    from tests.factories import NewsletterIndexPageFactory, NewsletterPageFactory, TopicFactory

    topic = TopicFactory(name="Schools", slug="schools")
    index = NewsletterIndexPageFactory(parent=home_page, slug="newsletters")
    tagged = NewsletterPageFactory(parent=index, slug="spring")
    tagged.topics.add(topic)
    tagged.save_revision().publish()
    NewsletterPageFactory(parent=index, slug="summer")  # not tagged: stays cached
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        topic.name = "Schools and colleges"
        topic.save()
    assert set(purged) == {"http://localhost/newsletters/", "http://localhost/newsletters/spring/"}
