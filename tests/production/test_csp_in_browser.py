"""The Content-Security-Policy in a real browser: nothing the site needs is blocked.

Unlike the other browser tests, these tabs do not bypass CSP: Chromium enforces the
headers the site sends, and every violation is collected: console messages about
the policy, uncaught script errors, and `securitypolicyviolation` events (recorded
by Playwright's init script, which the page's policy does not apply to).
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Collection

from home.models import SiteSettings
from tests.conftest import leave_the_admin
from tests.factories import StandardPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def strict_tab(browser):
    """A tab that enforces the site's CSP, and the problems it reports."""
    context = browser.new_context(bypass_csp=False, viewport={"width": 1024, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    problems = []
    tab.on("console", lambda message: "Content Security Policy" in message.text and problems.append(message.text))
    tab.on("pageerror", lambda error: problems.append(str(error)))
    yield tab, problems
    context.close()


def assert_no_violations(tab, problems):
    found = [*tab.evaluate("window.__cspViolations || []"), *problems]
    if found:
        pytest.fail("The browser reported:\n" + "\n".join(found))


@pytest.fixture
def public_site(home_page, get_help_page, live_server):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.exit_url = f"{live_server.url}/healthz"
    settings.save()
    StandardPageFactory(parent=home_page, slug="about", title="About the partnership")
    return home_page


@pytest.mark.parametrize("path", ["/", "/get-help/", "/about/", "/search/?q=help"])
def test_public_pages_run_govuk_frontend_with_no_csp_violation(strict_tab, live_server, public_site, path):
    tab, problems = strict_tab
    response = tab.goto(live_server.url + path)
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    tab.wait_for_selector("body.govuk-frontend-supported")  # app.mjs ran and started govuk-frontend
    tab.wait_for_load_state("networkidle")
    assert_no_violations(tab, problems)


def test_exit_this_page_works_under_the_policy(strict_tab, live_server, public_site):
    tab, problems = strict_tab
    tab.goto(live_server.url + "/get-help/")
    tab.wait_for_selector("body.govuk-frontend-supported")
    tab.locator("body").click()
    for _ in range(3):
        tab.keyboard.press("Shift")  # govuk-frontend's JavaScript: three Shift presses leave the site
    tab.wait_for_url("**/healthz")
    assert_no_violations(tab, problems)


@pytest.fixture
def editor_tab(strict_tab, live_server, public_site):
    tab, problems = strict_tab
    if not Collection.objects.exists():  # transactional tests flush the migration's root collection
        Collection.add_root(name="Root")
    get_user_model().objects.create_superuser("csp-admin", "csp-admin@example.org", "a-long-test-password")
    tab.goto(live_server.url + "/admin/login/")
    tab.fill("#id_username", "csp-admin")
    tab.fill("#id_password", "a-long-test-password")
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(live_server.url + "/admin/")
    yield tab, problems
    leave_the_admin(tab, live_server)


def test_admin_works_under_its_own_policy(editor_tab, live_server, public_site):
    tab, problems = editor_tab
    about = public_site.get_children().get(slug="about")
    for path in ["/admin/", f"/admin/pages/{about.pk}/edit/", "/admin/documents/add/", "/admin/images/"]:
        response = tab.goto(live_server.url + path)
        assert response.status == 200, path
        assert "frame-ancestors 'self'" in response.headers["content-security-policy"], path
        tab.wait_for_load_state("networkidle")
    # The page editor's JavaScript ran: editing the title marks the form as changed.
    tab.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    tab.fill("#id_title", "About us")
    tab.get_by_role("button", name="Save draft").click()
    tab.get_by_text("has been updated").first.wait_for()
    assert_no_violations(tab, problems)


def test_an_editor_sees_the_userbar_on_public_pages_without_violations(editor_tab, live_server):
    tab, problems = editor_tab
    tab.goto(live_server.url + "/about/")
    tab.wait_for_selector("wagtail-userbar", state="attached")
    tab.wait_for_load_state("networkidle")
    assert_no_violations(tab, problems)
