"""Admin integration: the Topic snippet, send buttons on newsletters, the send views and the permission."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsletters import admin_views
from newsletters.models import NewsletterPage, Topic

SEND_PERMISSION = "newsletters.send_newsletter"


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Newsletter topics"
    list_display = ["name", "slug", "for_progress_updates"]
    ordering = ["sort_order", "name"]


register_snippet(TopicViewSet)


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    return [
        path("newsletters/", include((admin_views.urlpatterns, "newsletters_admin"), namespace="newsletters_admin"))
    ]


@hooks.register("register_permissions")
def register_send_permission():
    return Permission.objects.filter(content_type__app_label="newsletters", codename="send_newsletter")


class SendsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SEND_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_sends_menu_item():
    return SendsMenuItem("Newsletter sends", reverse("newsletters_admin:sends"), icon_name="mail", order=350)


def send_buttons(page, user):
    if not issubclass(page.specific_class or type(page), NewsletterPage) or not page.live:
        return
    if page.permissions_for_user(user).can_edit() or user.has_perm(SEND_PERMISSION):
        yield Button(
            "Send test to me", reverse("newsletters_admin:send_test", args=[page.pk]), icon_name="mail", priority=90
        )
    if user.has_perm(SEND_PERMISSION):
        yield Button(
            "Send to subscribers",
            reverse("newsletters_admin:send", args=[page.pk]),
            icon_name="mail",
            priority=91,
        )
        yield Button(
            "Sends of this newsletter",
            reverse("newsletters_admin:page_sends", args=[page.pk]),
            icon_name="list-ul",
            priority=92,
        )


@hooks.register("register_page_header_buttons")
def newsletter_header_buttons(page, user, view_name, next_url=None):
    yield from send_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def newsletter_listing_buttons(page, user, next_url=None):
    yield from send_buttons(page, user)
