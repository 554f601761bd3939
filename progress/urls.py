"""Non-page URLs of the progress app.

Wagtail only serves paths that end in a slash, so the tracker's downloads
(`/progress/export.csv`, `/progress/export.json`, `/progress/actions.csv`)
are handed to Wagtail's page routing here, where ProgressIndexPage's routes
answer them. Any other page under that path gives Wagtail's usual 404.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

DOWNLOADS = r"export\.csv|export\.json|actions\.csv"


def serve_download(request, page_path, filename):
    return wagtail_views.serve(request, f"{page_path}{filename}/")


urlpatterns = [
    re_path(rf"^(?P<page_path>(?:[\w\-]+/)+)(?P<filename>{DOWNLOADS})$", serve_download, name="progress_download"),
]
