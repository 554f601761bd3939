"""Small helpers for driving the real admin views in tests."""

from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def standard_page_form(title, slug, intro="A short summary.", **extra):
    """POST data for a StandardPage add/edit form, as the admin would send it."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": intro,
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def add_standard_page(client, parent, title, slug, action="action-submit", **extra):
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.id])
    data = standard_page_form(title, slug, **extra)
    if action:
        data[action] = "1"
    return client.post(url, data)


def edit_standard_page(client, page, action=None, **fields):
    data = standard_page_form(page.title, page.slug, **fields)
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.id]), data)


def current_task_state(page):
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_state
    return state.current_task_state if state else None


def workflow_action(client, page, action, comment=""):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.id, action, task_state.id])
    return client.post(url, {"comment": comment})


def workflow_named(name):
    return Workflow.objects.get(name=name)
