"""Tags for the public shell: navigation, breadcrumbs and document details."""

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from wagtail.models import Page

from home.languages import LANGUAGE_RELATIONS, title_language
from home.shell_pages import shell_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The sections shown in the header: live children of the home page marked 'show in menus'."""
    request = context["request"]
    current_path = request.path
    active_language = translation.get_language()
    items = []
    for page in shell_pages(request, context.get("page")).navigation:
        url = page.get_url(request=request)
        items.append(
            {
                "title": page.title,
                "url": url,
                "active": bool(url) and current_path.startswith(url),
                "lang": title_language(page, active_language),
            }
        )
    return items


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors below the tree root, as title and URL pairs, for the breadcrumbs component."""
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    shell = shell_pages(request, context.get("page")) if request is not None else None
    if shell is not None and shell.ancestors_of == page.pk:
        ancestors = shell.ancestors
    else:
        ancestors = (
            page.get_ancestors()
            .filter(depth__gt=1)
            .select_related(*LANGUAGE_RELATIONS)
            .only("title", "url_path", "depth", "path", "locale__language_code", "alias_of__locale__language_code")
        )
    return [
        {"title": ancestor.title, "url": ancestor.get_url(request=request), "lang": title_language(ancestor)}
        for ancestor in ancestors
    ]


@register.filter
def document_description(document):
    """'PDF, 120 KB' for a document link."""
    extension = document.file_extension.upper()
    try:
        size = filesizeformat(document.get_file_size() or document.file.size)
    except (OSError, ValueError):
        return extension
    return f"{extension}, {size}"


GOVUK_INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
}


@register.filter
def widget_kind(bound_field):
    """Name the govuk-frontend pattern a form field needs."""
    widget = bound_field.field.widget
    name = type(widget).__name__
    if name == "CheckboxInput":
        return "checkbox"
    if name == "RadioSelect":
        return "radios"
    if name == "CheckboxSelectMultiple":
        return "checkboxes"
    if name == "Textarea":
        return "textarea"
    if name in {"Select", "SelectMultiple"}:
        return "select"
    return "input"


@register.filter
def govuk_widget(bound_field):
    """Render a field's widget with govuk-frontend classes and its hint and error linked."""
    kind = widget_kind(bound_field)
    classes = GOVUK_INPUT_CLASSES.get(kind, "govuk-input")
    if bound_field.errors:
        classes += f" {classes.split()[0]}--error"
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.id_for_label}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.id_for_label}-error")
    attrs = {"class": classes}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination and filter links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()
