"""Small helpers for pages and snippets shown in another language than the visitor's."""

from django.utils import translation

# What to select_related so that `title_language` needs no further query.
LANGUAGE_RELATIONS = ("locale", "alias_of__locale")


def title_language(page, active_language=None):
    """The language of a page's title when it is not the visitor's, else "".

    A page not translated yet (an alias, or the default language's page shown
    under another prefix) keeps its original title; marking it with `lang`
    lets screen readers pronounce it properly.
    """
    source = page.alias_of or page
    language = source.locale.language_code
    return "" if language == (active_language or translation.get_language()) else language


def with_title_languages(pages):
    """The pages as a list, each with `title_lang` set (see `title_language`)."""
    active = translation.get_language()
    pages = list(pages)
    for page in pages:
        page.title_lang = title_language(page, active)
    return pages
