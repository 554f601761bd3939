from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

from .api import api_router

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images only: documents are always served through /documents/, which checks who may
    # download professional-only files; a /media/documents/ route would bypass that.
    for folder in ("images", "original_images"):
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=f"{settings.MEDIA_ROOT}/{folder}")

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include("progress.urls")),
    path("", include("newsletters.urls")),
    path("", include("resources.urls")),
    path("", include("schools.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
