"""Tags for the site in several languages: the language switcher, hreflang
alternates, the "not translated yet" notice, and site-wide pages and text in
the visitor's language.

Everything is worked out once per request (cached on the request object), in
one query at most, so the shell costs the same on every page whatever the
number of languages.
"""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext, pgettext
from wagtail.models import Page, Site, TranslatableMixin

register = template.Library()

# Names a language calls itself, where Django's own name is not the one a
# language menu uses (Django has adverbs or lower case for some).
NATIVE_NAMES = {"sk": "Slovenčina", "pl": "Polski"}


def native_name(code):
    info = get_language_info(code)
    name = NATIVE_NAMES.get(code, info["name_local"])
    return name[:1].upper() + name[1:]


def text_direction(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def language_name(code):
    """The language's name in the visitor's language, e.g. 'English' read in Urdu."""
    return gettext(dict(settings.LANGUAGES).get(code, code))


@dataclass
class LanguageLink:
    code: str
    name: str
    direction: str
    url: str = ""
    current: bool = False
    translated: bool = True  # a real translation (not an alias or the home page instead)
    to_home_page: bool = False  # the page does not exist in that language at all
    note: str = ""  # why the link does not lead to a translation, in the link's own language


@dataclass
class LanguageState:
    """What the shell needs to know about languages for the current request."""

    links: list = field(default_factory=list)
    alternates: list = field(default_factory=list)  # (hreflang, absolute url)
    content_language: str = ""  # set when the page is shown in another language than the visitor's
    home_urls: dict = field(default_factory=dict)

    @property
    def show_switcher(self):
        return len(self.links) > 1

    @property
    def untranslated(self):
        return bool(self.content_language)

    @property
    def content_language_name(self):
        return language_name(self.content_language) if self.content_language else ""

    @property
    def content_direction(self):
        return text_direction(self.content_language) if self.content_language else ""


def home_urls_by_language(request):
    """The URL of the site's home page in each language it exists in (from Wagtail's cached site root paths)."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    urls = {}
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code not in urls:
            with translation.override(root.language_code):
                urls[root.language_code] = reverse("wagtail_serve", args=("",))
    return urls


def route_suffix(request, page_url):
    """What follows the page's own URL in the request (a RoutablePageMixin route), plus the query string."""
    path = request.path
    suffix = path[len(page_url) :] if page_url and path.startswith(page_url) else ""
    query = request.META.get("QUERY_STRING", "")
    return suffix + (f"?{query}" if query else "")


def untranslated_note(code, to_home_page):
    with translation.override(code):
        if to_home_page:
            return pgettext("language switcher", "not translated yet: go to the home page")
        return pgettext("language switcher", "not translated yet")


def language_state(request, page):
    cached = getattr(request, "_jigsaw_language_state", None)
    if cached is not None and cached[0] == getattr(page, "pk", None):
        return cached[1]
    state = LanguageState()
    active = translation.get_language()
    configured = [code for code, _name in settings.LANGUAGES]
    state.home_urls = home_urls_by_language(request)
    available = [code for code in configured if code in state.home_urls]
    if len(available) < 2:
        # One language on this site: nothing to switch to, and no query needed.
        if isinstance(page, Page) and available and available[0] != active:
            state.content_language = available[0]
    elif not isinstance(page, Page):
        build_links_for_view(request, state, active, available)
    else:
        build_links_for_page(request, state, page, active, available)
    request._jigsaw_language_state = (getattr(page, "pk", None), state)
    return state


def build_links_for_view(request, state, active, available):
    """Search, error pages and other views: the same path under the other language's prefix."""
    full_path = request.get_full_path()
    for code in available:
        url = full_path if code == active else translate_url(full_path, code)
        state.links.append(LanguageLink(code, native_name(code), text_direction(code), url, current=code == active))
        state.alternates.append((code, request.build_absolute_uri(url)))
    if settings.LANGUAGE_CODE in available:
        state.alternates.append(
            ("x-default", request.build_absolute_uri(translate_url(full_path, settings.LANGUAGE_CODE)))
        )


def build_links_for_page(request, state, page, active, available):
    from home.shell_pages import shell_pages

    shell = shell_pages(request, page)
    if shell.translations_of == page.pk:
        others = shell.translations  # found with the shell's other pages, in the same query
    else:
        others = (
            Page.objects.filter(translation_key=page.translation_key)
            .filter(Q(live=True) | Q(pk=page.pk))
            .select_related("locale")
            .only("url_path", "live", "alias_of_id", "translation_key", "locale__language_code", "depth", "path")
        )
    translations = {other.locale.language_code: other for other in others}
    by_pk = {other.pk: other for other in translations.values()}
    own_code = next((code for code, other in translations.items() if other.pk == page.pk), active)
    if page.alias_of_id:
        source = by_pk.get(page.alias_of_id)
        content = source.locale.language_code if source else settings.LANGUAGE_CODE
        state.content_language = content if content != active else ""
    elif own_code != active:
        state.content_language = own_code  # e.g. a page that only exists in English, served under /ur/
    suffix = route_suffix(request, page.get_url(request=request))
    for code in available:
        other = translations.get(code)
        if code == active:
            state.links.append(
                LanguageLink(code, native_name(code), text_direction(code), request.get_full_path(), current=True)
            )
        elif other is not None:
            translated = other.alias_of_id is None
            link = LanguageLink(
                code,
                native_name(code),
                text_direction(code),
                other.get_url(request=request) + suffix,
                translated=translated,
            )
            if not translated:
                link.note = untranslated_note(code, to_home_page=False)
            state.links.append(link)
        else:
            state.links.append(
                LanguageLink(
                    code,
                    native_name(code),
                    text_direction(code),
                    state.home_urls[code],
                    translated=False,
                    to_home_page=True,
                    note=untranslated_note(code, to_home_page=True),
                )
            )
        if other is not None and other.alias_of_id is None and other.live:
            state.alternates.append((code, request.build_absolute_uri(other.get_url(request=request) + suffix)))
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None and default.live:
        state.alternates.append(("x-default", request.build_absolute_uri(default.get_url(request=request) + suffix)))


@register.simple_tag(takes_context=True)
def languages(context):
    """The language state for this request: links for the switcher, alternates, untranslated notice."""
    request = context.get("request")
    if request is None:
        return LanguageState()
    return language_state(request, context.get("page"))


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    """The home page in the visitor's language (falls back to the default language's)."""
    request = context.get("request")
    urls = home_urls_by_language(request) if request is not None else {}
    return urls.get(translation.get_language()) or urls.get(settings.LANGUAGE_CODE) or "/"


@register.simple_tag(takes_context=True)
def content_lang_attrs(context):
    """`lang` and `dir` attributes for content shown in another language than the interface.

    Put on elements that hold page content (title, intro, body) so that screen
    readers pronounce an untranslated page in its own language.
    """
    state = languages(context)
    if not state.untranslated:
        return ""
    return format_html(' lang="{}" dir="{}"', state.content_language, state.content_direction)


@register.simple_tag(takes_context=True)
def site_pages(context):
    """The safety and footer pages chosen in site settings, in the visitor's language where translated.

    From the one query for the pages the shell links to (home.shell_pages), cached on the request.
    """
    from home.shell_pages import shell_pages

    request = context.get("request")
    if request is None:
        return {}
    return shell_pages(request, context.get("page")).footer


@register.simple_tag(takes_context=True)
def site_text(context):
    """The words shown on every page (partnership name, helpline panel) in the visitor's language.

    From the "Site text" snippet in the active locale, else in the default
    locale, else from site settings; cached on the request.
    """
    from home.models import SiteSettings, SiteText
    from home.shell_cache import get_or_compute

    request = context.get("request")
    if request is None:
        return SiteSettings()
    cached = getattr(request, "_jigsaw_site_text", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    text = SiteSettings.for_request(request) if site is not None else SiteSettings()
    if site is not None:
        active = translation.get_language()
        candidates = get_or_compute(
            f"site-text:{site.pk}:{active}",
            lambda: {
                row.locale.language_code: row
                for row in SiteText.objects.filter(
                    site=site, locale__language_code__in={active, settings.LANGUAGE_CODE}
                ).select_related("locale")
            },
        )
        text = candidates.get(active) or candidates.get(settings.LANGUAGE_CODE) or text
    # Words not in the visitor's language are marked, so they are read (and punctuated) as what they are.
    language = text.locale.language_code if isinstance(text, SiteText) else settings.LANGUAGE_CODE
    text.lang_attrs = (
        format_html(' lang="{}" dir="{}"', language, text_direction(language))
        if language != translation.get_language()
        else ""
    )
    request._jigsaw_site_text = text
    return text


@register.simple_tag(takes_context=True)
def get_help_url(context):
    """The Get help page in the visitor's language (or the default language's), for "get help now" links."""
    from home.models import GetHelpPage

    request = context.get("request")
    pages = {
        page.locale.language_code: page
        for page in GetHelpPage.objects.live()
        .filter(locale__language_code__in={translation.get_language(), settings.LANGUAGE_CODE})
        .select_related("locale")
        .only("url_path", "depth", "path", "locale__language_code")
    }
    page = pages.get(translation.get_language()) or pages.get(settings.LANGUAGE_CODE)
    return (page.get_url(request=request) if page else None) or localized_home_url(context)


@register.simple_tag(takes_context=True)
def localized(context, instance):
    """A translatable snippet in the visitor's language, or itself when it has no translation there."""
    return localized_for(context.get("request"), instance)


def localized_for(request, instance):
    """A translatable snippet in the visitor's language, or itself when it has no translation there.

    Pages not translated yet (and English pages) point at the original
    snippets; this shows their translations instead. One query per model and
    request whatever the number of snippets, and none in the default language.
    """
    language = translation.get_language()
    if request is None or not isinstance(instance, TranslatableMixin) or language == settings.LANGUAGE_CODE:
        return instance
    model = type(instance)
    cache = request.__dict__.setdefault("_jigsaw_localized", {})
    key = (model._meta.label, language)
    if key not in cache:
        cache[key] = {row.translation_key: row for row in model.objects.filter(locale__language_code=language)}
    return cache[key].get(instance.translation_key, instance)
