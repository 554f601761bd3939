"""School staff accounts: sign up with an allowed work email, verify it, sign in and out, reset a password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from schools import emails
from schools.models import StaffProfile
from tests.factories.schools import SchoolFactory, StaffEmailDomainFactory, StaffProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-passphrase"


def sign_up(client, school, email, **changes):
    data = {
        "first_name": "Kim",
        "last_name": "Example",
        "school": school.pk,
        "email": email,
        "job_title": "Teacher",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "website_url": "",
        **changes,
    }
    return client.post("/schools/sign-up/", data)


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


class TestSignUp:
    def test_the_form_page_sets_only_the_csrf_cookie(self, client, school):
        response = client.get("/schools/sign-up/")
        assert response.status_code == 200
        assert set(response.cookies) == {"csrftoken"}  # a form page may; ordinary pages may not
        assert "Northfield Primary School" in response.content.decode()

    def test_an_authority_wide_domain_is_accepted(self, client, school, authority_domain):
        response = sign_up(client, school, "Kim.Example@Northfield-Schools.example.org")
        assert response.status_code == 302 and response["Location"] == "/schools/sign-up/check-your-email/"
        profile = StaffProfile.objects.get()
        assert profile.work_email == "kim.example@northfield-schools.example.org"
        assert profile.status == StaffProfile.Status.PENDING_VERIFICATION
        assert profile.school == school and profile.user.check_password(PASSWORD)
        assert len(mail.outbox) == 1 and mail.outbox[0].to == [profile.work_email]
        assert "/schools/verify/" in mail.outbox[0].body

    def test_a_school_domain_is_accepted_for_that_school_only(self, client, school):
        other = SchoolFactory(name="Other School")
        StaffEmailDomainFactory(domain="northfield-primary.example.org", school=school)
        response = sign_up(client, other, "kim@northfield-primary.example.org")
        assert response.status_code == 200
        assert "You cannot sign up with an email address ending @northfield-primary.example.org" in (
            response.content.decode()
        )
        assert sign_up(client, school, "kim@northfield-primary.example.org").status_code == 302

    def test_other_domains_are_refused_with_a_clear_message(self, client, school, authority_domain):
        response = sign_up(client, school, "kim@gmail.example.com")
        html = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in html
        assert "You cannot sign up with an email address ending @gmail.example.com" in html
        assert "Use your work email address for Northfield Primary School" in html
        assert not get_user_model().objects.exists() and not mail.outbox

    def test_a_lookalike_subdomain_is_refused(self, client, school, authority_domain):
        assert sign_up(client, school, "kim@evil.northfield-schools.example.org").status_code == 200
        assert sign_up(client, school, "kim@northfield-schools.example.org.evil.example").status_code == 200
        assert not StaffProfile.objects.exists()

    def test_mismatched_and_weak_passwords_are_refused(self, client, school, authority_domain):
        html = sign_up(client, school, "kim@northfield-schools.example.org", password2="different").content.decode()
        assert "The passwords do not match" in html
        html = sign_up(client, school, "kim@northfield-schools.example.org", password1="short", password2="short")
        assert "too short" in html.content.decode()
        assert not StaffProfile.objects.exists()

    def test_an_existing_account_is_not_revealed(self, client, school, authority_domain, approved_user):
        fresh = sign_up(client, school, "new.person@northfield-schools.example.org")
        taken = sign_up(client, school, approved_user.email)
        assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
        assert get_user_model().objects.filter(email=approved_user.email).count() == 1
        assert mail.outbox[-1].to == [approved_user.email]
        assert "You already have an account" in mail.outbox[-1].subject
        assert "/schools/password-reset/" in mail.outbox[-1].body

    def test_the_honeypot_pretends_and_stores_nothing(self, client, school, authority_domain):
        response = sign_up(client, school, "bot@northfield-schools.example.org", website_url="http://spam.example")
        assert response.status_code == 302
        assert not StaffProfile.objects.exists() and not mail.outbox

    def test_many_sign_ups_from_one_address_are_slowed_down(self, client, school, authority_domain, settings):
        settings.FORM_RATE_LIMIT = 2
        for number in range(2):
            assert sign_up(client, school, f"kim{number}@northfield-schools.example.org").status_code == 302
        response = sign_up(client, school, "kim9@northfield-schools.example.org")
        assert response.status_code == 429
        assert StaffProfile.objects.count() == 2

    def test_missing_answers_are_listed(self, client, school):
        html = client.post("/schools/sign-up/", {}).content.decode()
        for message in ["Enter your first name", "Choose your school", "Enter your work email address"]:
            assert message in html


class TestVerification:
    def test_the_emailed_link_confirms_the_address_and_tells_the_team(self, client, school, authority_domain, settings):
        settings.SCHOOLS_TEAM_EMAIL = "healthy-schools@example.org"
        sign_up(client, school, "kim@northfield-schools.example.org")
        response = client.get(link_in(mail.outbox[0]))
        assert response.status_code == 200
        assert "Email address confirmed" in response.content.decode()
        profile = StaffProfile.objects.get()
        assert profile.status == StaffProfile.Status.AWAITING_APPROVAL and profile.email_verified_at
        assert mail.outbox[-1].to == ["healthy-schools@example.org"]
        assert "/admin/schools/staff/" in mail.outbox[-1].body
        assert client.get(link_in(mail.outbox[0])).status_code == 200  # a second click is harmless
        assert StaffProfile.objects.get().status == StaffProfile.Status.AWAITING_APPROVAL

    def test_a_tampered_or_expired_link_does_not_work(self, client, unverified_user, settings):
        token = emails.verification_token(unverified_user.school_staff)
        assert client.get(f"/schools/verify/{token}x/").status_code == 400
        settings.SCHOOLS_VERIFICATION_MAX_AGE = -1
        response = client.get(f"/schools/verify/{token}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
        assert StaffProfile.objects.get().status == StaffProfile.Status.PENDING_VERIFICATION

    def test_a_link_for_an_old_address_does_not_work(self, client, unverified_user):
        profile = unverified_user.school_staff
        token = emails.verification_token(profile)
        profile.work_email = "changed@northfield-schools.example.org"
        profile.save()
        assert client.get(f"/schools/verify/{token}/").status_code == 400

    def test_unverified_staff_can_ask_for_the_link_again(self, client, unverified_user):
        client.force_login(unverified_user)
        response = client.post("/schools/account/resend-link/")
        assert response.status_code == 302
        assert mail.outbox[-1].to == [unverified_user.email]
        assert "we have sent a new link" in client.get(response["Location"]).content.decode()


class TestSignInAndOut:
    def test_sign_in_with_email_and_password(self, client, approved_user):
        response = client.post(
            "/schools/sign-in/",
            {"username": "APPROVED@northfield-schools.example.org", "password": "jigsaw-staff-demo-2026"},
        )
        assert response.status_code == 302 and response["Location"] == "/schools/account/"
        html = client.get("/schools/account/").content.decode()
        assert "Approved" in html and "Northfield Primary School" in html

    def test_sign_in_goes_back_where_the_person_was(self, client, approved_user):
        response = client.post(
            "/schools/sign-in/?next=/schools/operation-lantern/",
            {
                "username": approved_user.email,
                "password": "jigsaw-staff-demo-2026",
                "next": "/schools/operation-lantern/",
            },
        )
        assert response["Location"] == "/schools/operation-lantern/"

    def test_a_wrong_password_gets_a_clear_message(self, client, approved_user):
        response = client.post("/schools/sign-in/", {"username": approved_user.email, "password": "wrong"})
        assert response.status_code == 200
        assert "Enter the email address and password you signed up with" in response.content.decode()

    def test_sign_out_needs_a_post(self, client, approved_user):
        client.force_login(approved_user)
        assert client.get("/schools/sign-out/").status_code == 405
        response = client.post("/schools/sign-out/")
        assert response.status_code == 200 and "You have signed out" in response.content.decode()
        assert client.get("/schools/account/")["Location"].startswith("/schools/sign-in/")

    def test_school_pages_offer_sign_out_to_signed_in_staff(self, client, hub, approved_user):
        client.force_login(approved_user)
        html = client.get("/schools/").content.decode()
        assert 'action="/schools/sign-out/"' in html and "Signed in as Sam Teacher" in html

    def test_the_account_page_needs_sign_in(self, client):
        assert client.get("/schools/account/")["Location"] == "/schools/sign-in/?next=/schools/account/"


class TestPasswordReset:
    def test_staff_get_a_reset_email_that_works(self, client, approved_user):
        response = client.post("/schools/password-reset/", {"email": approved_user.email})
        assert response["Location"] == "/schools/password-reset/sent/"
        assert len(mail.outbox) == 1 and mail.outbox[0].to == [approved_user.email]
        link = link_in(mail.outbox[0])
        assert link.startswith("/schools/password-reset/")
        form_page = client.get(link, follow=True)
        assert "Choose a new password" in form_page.content.decode()
        done = client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": "another-long-passphrase", "new_password2": "another-long-passphrase"},
        )
        assert done["Location"] == "/schools/password-reset/done/"
        approved_user.refresh_from_db()
        assert approved_user.check_password("another-long-passphrase")

    def test_unknown_and_non_staff_addresses_look_the_same_and_get_nothing(self, client, django_user_model):
        django_user_model.objects.create_user("editor", "editor@example.org", "x" * 16)
        for email in ["nobody@example.org", "editor@example.org"]:
            response = client.post("/schools/password-reset/", {"email": email})
            assert response["Location"] == "/schools/password-reset/sent/"
        assert not mail.outbox

    def test_a_bad_reset_link_says_so(self, client):
        response = client.get("/schools/password-reset/MQ/bad-token/")
        assert "This link does not work" in response.content.decode()


def test_until_approved_an_account_sees_only_public_material(client, briefing, module):
    user = UserFactory(username="new@northfield-schools.example.org")
    StaffProfileFactory(user=user, status=StaffProfile.Status.AWAITING_APPROVAL)
    client.force_login(user)
    assert "SECRET-OPERATIONAL-DETAIL" not in client.get("/schools/operation-lantern/").content.decode()
    assert client.get("/schools/e-learning/spotting-the-signs/lesson-1/").status_code == 200
    assert client.post("/schools/e-learning/spotting-the-signs/lesson-1/").status_code == 403
