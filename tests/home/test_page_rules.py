"""Where each page type may live, checked with Wagtail's own assertions."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import FormPage, GetHelpPage, HomePage, StandardPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_content_pages_live_under_home(self):
        self.assertAllowedParentPageTypes(GetHelpPage, {HomePage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedParentPageTypes(FormPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(FormPage, set())

    def test_singletons(self):
        assert HomePage.max_count == 1
        assert GetHelpPage.max_count == 1
