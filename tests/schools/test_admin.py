"""The schools team's admin: approving staff, the register of schools and who may do what."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from schools.models import StaffProfile
from tests.factories.schools import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(django_user_model):
    """A schools officer: admin access and the right to change staff accounts, nothing else."""
    user = django_user_model.objects.create_user("officer", "officer@example.org", "x" * 16)
    group = Group.objects.create(name="Schools officers (test)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="schools", codename__in=["view_staffprofile", "change_staffprofile"]
        ),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("plain-editor", "plain@example.org", "x" * 16)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


class TestApproval:
    def test_the_listing_shows_staff_waiting_with_approve_and_refuse(
        self, client, officer, awaiting_user, approved_user
    ):
        client.force_login(officer)
        response = client.get("/admin/schools/staff/?status=awaiting-approval")
        html = response.content.decode()
        assert response.status_code == 200
        assert awaiting_user.email in html and approved_user.email not in html
        profile = awaiting_user.school_staff
        assert f"/admin/schools/staff/approve/{profile.pk}/" in html
        assert f"/admin/schools/staff/refuse/{profile.pk}/" in html

    def test_approving_records_who_and_when_and_emails_the_person(self, client, officer, awaiting_user):
        client.force_login(officer)
        profile = awaiting_user.school_staff
        confirm = client.get(f"/admin/schools/staff/approve/{profile.pk}/")
        assert confirm.status_code == 200 and awaiting_user.email in confirm.content.decode()
        response = client.post(f"/admin/schools/staff/approve/{profile.pk}/")
        assert response.status_code == 302
        profile.refresh_from_db()
        assert profile.status == StaffProfile.Status.APPROVED
        assert profile.approved_by == officer and profile.approved_at
        assert mail.outbox[-1].to == [awaiting_user.email]
        assert "approved" in mail.outbox[-1].subject
        assert "/schools/sign-in/" in mail.outbox[-1].body

    def test_refusing_removes_access_and_emails_the_person(self, client, officer, approved_user, briefing):
        client.force_login(officer)
        profile = approved_user.school_staff
        client.post(f"/admin/schools/staff/refuse/{profile.pk}/")
        profile.refresh_from_db()
        assert profile.status == StaffProfile.Status.REFUSED and profile.approved_at is None
        assert mail.outbox[-1].to == [approved_user.email]
        client.force_login(approved_user)
        assert "SECRET-OPERATIONAL-DETAIL" not in client.get("/schools/operation-lantern/").content.decode()

    def test_an_unconfirmed_email_cannot_be_approved(self, client, officer, unverified_user):
        client.force_login(officer)
        profile = unverified_user.school_staff
        assert (
            "has not confirmed their email address"
            in client.get(f"/admin/schools/staff/approve/{profile.pk}/").content.decode()
        )
        client.post(f"/admin/schools/staff/approve/{profile.pk}/")
        profile.refresh_from_db()
        assert profile.status == StaffProfile.Status.PENDING_VERIFICATION and not mail.outbox

    def test_editors_without_the_permission_cannot_approve(self, client, editor, awaiting_user):
        client.force_login(editor)
        profile = awaiting_user.school_staff
        response = client.post(f"/admin/schools/staff/approve/{profile.pk}/")
        assert response.status_code in (302, 403)
        profile.refresh_from_db()
        assert profile.status == StaffProfile.Status.AWAITING_APPROVAL
        assert client.get("/admin/schools/staff/").status_code in (302, 403)

    def test_school_staff_cannot_use_the_admin(self, client, approved_user, awaiting_user):
        client.force_login(approved_user)
        response = client.post(f"/admin/schools/staff/approve/{awaiting_user.school_staff.pk}/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


class TestRegister:
    def test_schools_are_managed_in_the_admin(self, client, admin_client):
        SchoolFactory(urn="123456", name="Kestrel Hill Primary School")
        response = admin_client.get("/admin/schools/register/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Kestrel Hill Primary School" in html and "Import from CSV" in html

    def test_email_domains_are_managed_in_the_admin(self, admin_client, authority_domain):
        html = admin_client.get("/admin/schools/email-domains/").content.decode()
        assert "northfield-schools.example.org" in html and "All schools in the authority" in html

    def test_domains_are_stored_in_lower_case(self, db):
        from schools.models import StaffEmailDomain

        domain = StaffEmailDomain.objects.create(domain=" @Brookside.Example.ORG ")
        assert domain.domain == "brookside.example.org"


class TestEditorsScreens:
    """Every schools page type and register screen opens in the admin for an editor."""

    def test_page_edit_and_add_screens_open(self, admin_client, hub, elearning, module, briefing, session_page):
        for page in (hub, elearning, module, briefing, session_page):
            response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, page
        for parent, model in [
            (elearning, "elearningmodulepage"),
            (hub, "briefingpage"),
        ]:
            assert admin_client.get(f"/admin/pages/add/schools/{model}/{parent.pk}/").status_code == 200

    def test_register_screens_open(self, admin_client, approved_user, authority_domain, school):
        for url in [
            "/admin/schools/register/",
            "/admin/schools/register/new/",
            f"/admin/schools/register/edit/{school.pk}/",
            "/admin/schools/register/import/",
            "/admin/schools/staff/",
            f"/admin/schools/staff/edit/{approved_user.school_staff.pk}/",
            "/admin/schools/email-domains/",
            "/admin/schools/email-domains/new/",
            "/admin/reports/schools-engagement/",
        ]:
            assert admin_client.get(url).status_code == 200, url

    def test_session_requests_are_listed_in_the_admin(self, admin_client, session_page, school):
        from schools.models import SessionRequest

        SessionRequest.objects.create(
            page=session_page, school=school, form_data={"school": "Northfield Primary School"}
        )
        response = admin_client.get(f"/admin/forms/submissions/{session_page.pk}/")
        assert response.status_code == 200 and "Northfield Primary School" in response.content.decode()

    def test_an_editor_can_add_a_domain_for_one_school(self, admin_client, school):
        from schools.models import StaffEmailDomain

        response = admin_client.post(
            "/admin/schools/email-domains/new/", {"domain": "Alder-Lane.example.org", "school": school.pk}
        )
        assert response.status_code == 302
        assert StaffEmailDomain.objects.get().domain == "alder-lane.example.org"


def test_the_dashboard_tells_officers_who_is_waiting(admin_client, awaiting_user):
    html = admin_client.get("/admin/").content.decode()
    assert "1 school staff account is waiting for approval" in html
    assert "/admin/schools/staff/?status=awaiting-approval" in html


def test_staff_accounts_are_not_added_in_the_admin(admin_client):
    assert "Add school staff member" not in admin_client.get("/admin/schools/staff/").content.decode()
    assert admin_client.get("/admin/schools/staff/new/").status_code in (302, 403)
