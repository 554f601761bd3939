"""The counting download link: /resources/<resource>/download/<document id>/.

Why a per-resource URL rather than Wagtail's before_serve_document hook: the
hook sees only the document, but the counter is per resource (one file can be
attached to several resources) and the professional-only rule belongs to the
resource page. The view checks the page rule, counts, then hands over to
Wagtail's own document serve view, so collection view restrictions, the
before_serve_document hooks and the storage's serve method still apply.

Nothing here touches the session or sets a cookie, and no personal data is
stored: only the day, the file and, for approved school staff, their school.
"""

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.documents.views.serve import serve

from resources.access import access_routes, school_for
from resources.models import ResourceDownload, ResourcePage


def _was_served(response, document):
    """A file was handed over: sent (200) or redirected to the storage's own URL. Not a login prompt, not a 304."""
    if response.status_code == 200:
        return True
    if response.status_code in (301, 302, 303, 307, 308):
        try:
            return response["Location"] == document.file.url
        except NotImplementedError:
            return False
    return False


def _original(resource):
    """The resource in the site's main language: downloads of its translations and aliases count for it.

    So the engagement report sees one resource, whatever language a teacher read it in.
    """
    if resource.locale.language_code == settings.LANGUAGE_CODE:
        return resource
    original = (
        ResourcePage.objects.filter(
            translation_key=resource.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .only("pk")
        .first()
    )
    return original or resource


def serve_download(request, resource, document_id):
    attachment = resource.attachments.select_related("document__collection").filter(document_id=document_id).first()
    if attachment is None:
        raise Http404("This resource has no such file.")
    if not resource.can_be_viewed_by(request.user):
        context = {"page": resource, "self": resource, "access": access_routes(request.user), "can_view": False}
        response = TemplateResponse(request, "pages/resources_download_refused.html", context, status=403)
        response["Cache-Control"] = "private, no-store"
        return response
    document = attachment.document
    response = serve(request, document.id, document.filename)
    # HEAD requests (link checkers, previews) fetch no file, so they are not downloads.
    if request.method == "GET" and _was_served(response, document):
        ResourceDownload.record(
            resource=_original(resource),
            document=document,
            date=timezone.localdate(),
            school=school_for(request.user),
        )
    if resource.professional_only:
        response["Cache-Control"] = "private, no-store"
    return response
