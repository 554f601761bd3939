"""Admin menus and the rule that professional-only documents are served only to approved staff."""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .access import can_view_professional, document_is_professional, staff_status_for
from .admin_views import EngagementReportView, SchoolsViewSetGroup
from .models import StaffProfile


@hooks.register("register_admin_viewset")
def register_schools_viewsets():
    return SchoolsViewSetGroup()


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/schools-engagement/", EngagementReportView.as_view(), name="schools_engagement_report")]


class EngagementReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("schools.view_engagement_report")


@hooks.register("register_reports_menu_item")
def register_engagement_report_menu_item():
    return EngagementReportMenuItem(
        "Schools engagement",
        reverse("schools_engagement_report"),
        name="schools-engagement",
        icon_name="table",
        order=900,
    )


class PendingStaffPanel(Component):
    name = "schools_pending_staff"
    template_name = "schools/admin/pending_staff_panel.html"
    order = 90

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}


@hooks.register("construct_homepage_panels")
def add_pending_staff_panel(request, panels):
    """Officers see on the dashboard when somebody is waiting for them."""
    if request.user.has_perm("schools.change_staffprofile"):
        count = StaffProfile.objects.filter(status=StaffProfile.Status.AWAITING_APPROVAL).count()
        if count:
            panels.append(PendingStaffPanel(count))


# Runs before other document hooks (such as a download counter) so a refused download is never counted.
@hooks.register("before_serve_document", order=-100)
def protect_professional_documents(document, request):
    """Professional-only files, even by direct /documents/ URL: sign in first; approved staff only."""
    if not document_is_professional(document) or can_view_professional(request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url=reverse("schools:sign_in"))
    context = {"document": document, "staff_status": staff_status_for(request.user)}
    response = TemplateResponse(request, "schools/document_restricted.html", context, status=403)
    response["Cache-Control"] = "private, no-store"
    return response
