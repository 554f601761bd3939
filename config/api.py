"""Wagtail's read-only API at /api/v2/: pages only, as in the URL contract.

The images and documents endpoints are left out on purpose: they would list the titles of
files in private collections and professional-only resources, whose pages stay protected.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
