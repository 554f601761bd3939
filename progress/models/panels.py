"""An admin panel listing a recommendation's progress updates on its edit page."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class RecommendationUpdatesPanel(Panel):
    """Read-only list of the updates on this recommendation, with links to edit them or add one."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "progress/admin/recommendation_updates_panel.html"

        def get_context_data(self, parent_context=None):
            from .updates import ProgressUpdate

            context = super().get_context_data(parent_context)
            recommendation = self.instance
            updates = []
            if recommendation.pk:
                updates = list(
                    ProgressUpdate.objects.filter(recommendation=recommendation)
                    .select_related("reported_by")
                    .order_by("-date", "-pk")
                )
            for update in updates:
                update.edit_url = reverse("wagtailsnippets_progress_progressupdate:edit", args=[update.pk])
            context["updates"] = updates
            context["recommendation"] = recommendation
            if recommendation.pk:
                add_url = reverse("wagtailsnippets_progress_progressupdate:add")
                context["add_url"] = f"{add_url}?recommendation={recommendation.pk}"
                list_url = reverse("wagtailsnippets_progress_progressupdate:list")
                context["list_url"] = f"{list_url}?recommendation={recommendation.pk}"
            return context
