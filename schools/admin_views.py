"""Admin screens: the register of schools (with CSV import), staff approval and the engagement report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton, ListingButton

from . import emails, report
from .forms import SchoolImportForm
from .importing import import_schools
from .models import School, StaffEmailDomain, StaffProfile

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class SchoolIndexView(generic.IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(HeaderButton("Import from CSV", url=reverse("schools_school:import"), icon_name="upload"))
        return buttons


class SchoolImportView(WagtailAdminTemplateMixin, TemplateView):
    """Upload a CSV of schools: every row is checked first, and nothing changes if any row is wrong."""

    template_name = "schools/admin/import_schools.html"
    page_title = "Import schools from CSV"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(["schools.add_school", "schools.change_school"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("schools_school:index"), "label": "Schools"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", SchoolImportForm())
        context["columns"] = ", ".join(["urn", "name", "phase", "locality"])
        context["phases"] = [label for _, label in School.Phase.choices]
        return context

    def post(self, request):
        form = SchoolImportForm(request.POST, request.FILES)
        errors = []
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_IMPORT_BYTES:
                errors = ["The file is larger than 5 MB. Split it into smaller files."]
            else:
                result = import_schools(upload.read())
                if result.ok:
                    messages.success(request, f"Schools imported: {result.summary()}")
                    return redirect("schools_school:index")
                errors = result.errors
        return self.render_to_response(self.get_context_data(form=form, errors=errors))


class SchoolViewSet(ModelViewSet):
    model = School
    icon = "home"
    menu_label = "Schools"
    add_to_admin_menu = False
    index_view_class = SchoolIndexView
    list_display = ["name", "urn", "phase", "locality"]
    list_filter = ["phase"]
    search_fields = ["name", "urn", "locality"]
    search_backend_name = None
    form_fields = ["urn", "name", "phase", "locality"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("import/", SchoolImportView.as_view(), name="import")]


class StaffEmailDomainViewSet(ModelViewSet):
    model = StaffEmailDomain
    icon = "mail"
    menu_label = "Staff email domains"
    add_to_admin_menu = False
    list_display = ["domain", Column("school", label="For", accessor="school_label")]
    search_fields = ["domain"]
    search_backend_name = None
    form_fields = ["domain", "school"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return StaffEmailDomain.objects.select_related("school")


class StaffIndexView(generic.IndexView):
    default_ordering = "-created_at"

    def get_add_url(self):
        return None  # accounts are created by signing up, never in the admin

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "school")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if not self.request.user.has_perm("schools.change_staffprofile"):
            return buttons
        if instance.status in (StaffProfile.Status.AWAITING_APPROVAL, StaffProfile.Status.REFUSED):
            buttons.append(
                ListingButton(
                    "Approve", url=reverse("schools_staff:approve", args=[instance.pk]), icon_name="check", priority=1
                )
            )
        if instance.status in (StaffProfile.Status.AWAITING_APPROVAL, StaffProfile.Status.APPROVED):
            buttons.append(
                ListingButton(
                    "Refuse", url=reverse("schools_staff:refuse", args=[instance.pk]), icon_name="cross", priority=2
                )
            )
        return buttons


class NoAddView(generic.CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied("School staff accounts are created by signing up.")


class StaffDecisionView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then approve or refuse a staff account, and email the person the outcome."""

    template_name = "schools/admin/staff_decision.html"
    header_icon = "user"
    decision = "approve"

    def dispatch(self, request, pk):
        if not request.user.has_perm("schools.change_staffprofile"):
            raise PermissionDenied
        self.profile = get_object_or_404(StaffProfile.objects.select_related("user", "school"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        verb = "Approve" if self.decision == "approve" else "Refuse"
        return f"{verb} {self.profile.work_email}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("schools_staff:index"), "label": "School staff"},
            {"url": "", "label": self.get_page_title()},
        ]

    def allowed(self):
        if self.decision == "approve":
            return self.profile.status in (StaffProfile.Status.AWAITING_APPROVAL, StaffProfile.Status.REFUSED)
        return self.profile.status in (StaffProfile.Status.AWAITING_APPROVAL, StaffProfile.Status.APPROVED)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"profile": self.profile, "decision": self.decision, "allowed": self.allowed()})
        return context

    def post(self, request, pk):
        if not self.allowed():
            messages.error(
                request, f"{self.profile.work_email} is '{self.profile.get_status_display()}': nothing changed."
            )
            return redirect("schools_staff:index")
        profile = self.profile
        if self.decision == "approve":
            profile.status = StaffProfile.Status.APPROVED
            profile.approved_at, profile.approved_by = timezone.now(), request.user
        else:
            profile.status = StaffProfile.Status.REFUSED
            profile.approved_at, profile.approved_by = None, None
        profile.save(update_fields=["status", "approved_at", "approved_by"])
        emails.send_decision(request, profile)
        done = "approved" if self.decision == "approve" else "refused"
        messages.success(request, f"{profile.work_email} is {done}. We have emailed them.")
        return redirect("schools_staff:index")


class StaffProfileViewSet(ModelViewSet):
    model = StaffProfile
    name = "schools_staff"
    icon = "user"
    menu_label = "School staff"
    add_to_admin_menu = False
    index_view_class = StaffIndexView
    add_view_class = NoAddView
    list_display = [
        "work_email",
        Column("name", label="Name", accessor="user.get_full_name"),
        Column("school", label="School", accessor="school.name"),
        StatusTagColumn("status", label="Status", accessor="get_status_display", primary=lambda p: p.is_approved),
        DateColumn("created_at", label="Signed up"),
    ]
    list_filter = ["status"]
    search_fields = ["work_email", "user__first_name", "user__last_name", "school__name"]
    search_backend_name = None
    form_fields = ["school", "job_title"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("approve/<int:pk>/", StaffDecisionView.as_view(decision="approve"), name="approve"),
            path("refuse/<int:pk>/", StaffDecisionView.as_view(decision="refuse"), name="refuse"),
        ]


class SchoolsViewSetGroup(ModelViewSetGroup):
    menu_label = "Schools"
    menu_icon = "home"
    menu_order = 250
    items = [
        SchoolViewSet("schools_school", url_prefix="schools/register"),
        StaffProfileViewSet("schools_staff", url_prefix="schools/staff"),
        StaffEmailDomainViewSet("schools_domain", url_prefix="schools/email-domains"),
    ]


class EngagementReportView(WagtailAdminTemplateMixin, TemplateView):
    """Per school, key stage and topic, with gaps; filter by dates; export each table as CSV."""

    template_name = "schools/admin/engagement_report.html"
    page_title = "Schools engagement"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("schools.view_engagement_report"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Reports"}, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        dates = report.DateRange.from_query(request.GET)
        engagement = report.EngagementReport(dates)
        export = request.GET.get("export", "")
        if export in report.EXPORTS:
            return report.csv_response(engagement, export)
        query = request.GET.copy()
        query.pop("export", None)
        exports = []
        for key, label in report.EXPORTS.items():
            query["export"] = key
            exports.append({"label": label, "url": f"?{query.urlencode()}"})
        context = self.get_context_data(
            dates=dates,
            schools=engagement.school_rows(),
            key_stages=engagement.key_stage_rows(),
            topics=engagement.topic_rows(),
            gaps=engagement.gap_rows(),
            exports=exports,
            date_from=request.GET.get("from", "")[:20],
            date_to=request.GET.get("to", "")[:20],
        )
        return self.render_to_response(context)
