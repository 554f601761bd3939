"""Security headers on every response, and the admin's separate policy."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


@pytest.mark.parametrize("path", ["/", "/get-help/", "/search/?q=help", "/no-such-page/", "/healthz"])
def test_public_responses_carry_every_security_header(client, get_help_page, path):
    response = client.get(path)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no other site
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]


def test_static_files_carry_the_headers_too(client):
    response = client.get("/static/css/main.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response


def test_an_inline_script_with_the_nonce_is_allowed_by_the_header(rf):
    """The contract for templates: `<script nonce="{{ CSP_NONCE }}">` adds that nonce to script-src."""
    from django.http import HttpResponse
    from django.template import engines

    from config.security import ContentSecurityPolicyMiddleware

    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">1</script>')

    def view(request):
        return HttpResponse(template.render({}, request))

    request = rf.get("/")
    response = ContentSecurityPolicyMiddleware(view)(request)
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]


def test_the_admin_gets_its_own_policy(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "a-long-test-password")
    client.force_login(user)
    response = client.get("/admin/")
    policy = directives(response)
    assert response.status_code == 200
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's admin JavaScript inserts inline scripts
    assert policy["frame-ancestors"] == ["'self'"]  # page previews
    assert "'nonce-" not in response["Content-Security-Policy"]  # a nonce would switch 'unsafe-inline' off


def test_documents_keep_wagtails_own_lockdown_policy(client, home_page):
    document = Document.objects.create(title="Leaflet", file=ContentFile(b"plain text", name="leaflet.txt"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    document.file.delete(save=False)


def test_anonymous_pages_set_no_cookie(client, get_help_page):
    for path in ["/", "/get-help/"]:
        assert client.get(path).cookies == {}, path
