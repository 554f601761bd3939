"""Models of the home-and-help part of the site."""

from .forms import FormField, FormPage
from .pages import GetHelpPage, HomePage, StandardPage
from .settings import SiteSettings
from .snippets import PartnerOrganisation, SiteText, SupportService

__all__ = [
    "FormField",
    "FormPage",
    "GetHelpPage",
    "HomePage",
    "PartnerOrganisation",
    "SiteSettings",
    "SiteText",
    "StandardPage",
    "SupportService",
]
