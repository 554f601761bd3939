"""The tracker in the Wagtail admin: updates listed per recommendation, actions, and the CSV import."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from progress import admin_views
from progress.models import PriorityAction, ProgressUpdate, RecommendationPage

# Carried over from the recommendation's latest update when an editor starts a new one.
CARRIED_FIELDS = ["status", "status_reason", "rag", "rag_rationale", "percentage", "target_date", "target_date_reason"]


class ProgressUpdateCreateView(CreateView):
    """Start a new update from the recommendation's latest one, so only what changed needs typing."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        recommendation_id = self.request.GET.get("recommendation", "")
        if recommendation_id.isdigit() and RecommendationPage.objects.filter(pk=recommendation_id).exists():
            instance.recommendation_id = int(recommendation_id)
            latest = ProgressUpdate.objects.published().filter(recommendation_id=recommendation_id).first()
            for name in CARRIED_FIELDS if latest else []:
                setattr(instance, name, getattr(latest, name))
        return instance


class ProgressUpdateViewSet(SnippetViewSet):
    model = ProgressUpdate
    icon = "doc-full"
    menu_label = "Progress updates"
    add_view_class = ProgressUpdateCreateView
    list_display = ["__str__", "recommendation", "date", "status", "is_correction", "live"]
    list_filter = ["recommendation", "status", "is_correction", "live"]
    search_fields = ["narrative"]
    ordering = ["-date", "-pk"]
    copy_view_enabled = False

    def get_queryset(self, request):
        # Each row names its recommendation, so load them with the updates.
        return ProgressUpdate.objects.select_related("recommendation")


class PriorityActionViewSet(SnippetViewSet):
    model = PriorityAction
    icon = "list-ul"
    menu_label = "Priority actions"
    list_display = ["reference", "title", "owner", "status", "due_date", "is_priority"]
    list_filter = ["status", "is_priority", "owner"]
    search_fields = ["title", "description", "reference"]
    ordering = ["reference"]

    def get_queryset(self, request):
        return PriorityAction.objects.select_related("owner")


class ProgressViewSetGroup(SnippetViewSetGroup):
    items = (ProgressUpdateViewSet, PriorityActionViewSet)
    menu_label = "Progress tracker"
    menu_icon = "tasks"
    menu_order = 250


register_snippet(ProgressViewSetGroup)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("progress/import/", admin_views.import_view, name="progress_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem("Import progress CSV", reverse("progress_import"), icon_name="upload", order=260)
