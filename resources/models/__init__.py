"""Models of the resource library."""

from .downloads import ResourceDownload
from .pages import ResourceAttachment, ResourceIndexPage, ResourceLanguage, ResourcePage
from .taxonomy import KeyStage, ResourceFormat, ResourceTopic

__all__ = [
    "KeyStage",
    "ResourceAttachment",
    "ResourceDownload",
    "ResourceFormat",
    "ResourceIndexPage",
    "ResourceLanguage",
    "ResourcePage",
    "ResourceTopic",
]
