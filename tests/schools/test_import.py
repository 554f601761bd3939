"""Importing the register of schools from CSV: all or nothing, matched on URN."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from schools.importing import import_schools
from schools.models import School
from tests.factories.schools import SchoolFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "urn,name,phase,locality\n"
    "100001,Alder Lane Primary School,Primary,North\n"
    "100002,Brookside Academy,secondary,East\n"
    "100003,Larkfield Learning Centre,Alternative provision,\n"
)


def schools():
    return sorted(School.objects.values_list("urn", "name", "phase", "locality"))


def test_a_good_file_adds_every_school():
    result = import_schools(GOOD.encode())
    assert result.ok and (result.created, result.updated, result.unchanged) == (3, 0, 0)
    assert schools() == [
        ("100001", "Alder Lane Primary School", "primary", "North"),
        ("100002", "Brookside Academy", "secondary", "East"),
        ("100003", "Larkfield Learning Centre", "alternative-provision", ""),
    ]


def test_importing_the_same_file_again_changes_nothing():
    import_schools(GOOD.encode())
    before = list(School.objects.values_list("pk", "urn", "name", "phase", "locality"))
    result = import_schools(GOOD.encode())
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert list(School.objects.values_list("pk", "urn", "name", "phase", "locality")) == before


def test_existing_schools_are_updated_by_urn():
    school = SchoolFactory(urn="100001", name="Alder Lane Infants", phase="nursery", locality="South")
    result = import_schools(GOOD.encode())
    assert (result.created, result.updated) == (2, 1)
    school.refresh_from_db()
    assert (school.name, school.phase, school.locality) == ("Alder Lane Primary School", "primary", "North")


def test_one_bad_row_means_nothing_changes_and_every_problem_is_listed():
    SchoolFactory(urn="100001", name="Unchanged")
    bad = (
        "urn,name,phase,locality\n"
        "100001,Alder Lane Primary School,Primary,North\n"
        "10000X,Bad URN School,Primary,North\n"
        "100004,,Grammar,East\n"
        "100001,Duplicate,Primary,West\n"
    )
    result = import_schools(bad.encode())
    assert not result.ok
    assert result.errors == [
        "Line 3, urn: '10000X' is not a URN. Enter digits only, like 100001.",
        "Line 4, name: enter the school's name.",
        "Line 4, phase: 'Grammar' is not a phase. Use one of: Nursery, Primary, Secondary, All-through, Special, "
        "Alternative provision, Post-16.",
        "Line 5, urn: 100001 is also on line 2. Each school must appear once.",
    ]
    assert schools() == [("100001", "Unchanged", "primary", "North")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"",
            "Line 1: the first row must have the headings urn, name, phase, locality. Missing: urn, name, phase, locality.",
        ),
        (b"urn,name\n1,A\n", "Missing: phase, locality."),
        (b"urn,name,phase,locality\n", "The file has no schools in it."),
        ("urn,name,phase,locality\n1,Caf\xe9,Primary,\n".encode("latin-1"), "The file is not UTF-8 text."),
        (
            b"urn,name,phase,locality\n1,A,Primary,North,extra\n",
            "Line 2: this row has more cells than there are headings.",
        ),
    ],
)
def test_unreadable_files_get_a_clear_message(content, message):
    result = import_schools(content)
    assert not result.ok
    assert any(message in error for error in result.errors), result.errors
    assert not School.objects.exists()


def test_a_byte_order_mark_and_spaced_headings_are_fine():
    result = import_schools(("\ufeff URN , Name ,PHASE,locality\n100001,A School,post 16,\n").encode())
    assert result.ok and School.objects.get().phase == "post-16"


def test_the_command_imports_and_reports(tmp_path, capsys):
    path = tmp_path / "schools.csv"
    path.write_text(GOOD)
    call_command("import_schools", str(path))
    assert "3 added, 0 updated, 0 unchanged" in capsys.readouterr().out
    call_command("import_schools", str(path))
    assert "0 added, 0 updated, 3 unchanged" in capsys.readouterr().out


def test_the_command_fails_and_changes_nothing_on_a_bad_file(tmp_path, capsys):
    path = tmp_path / "schools.csv"
    path.write_text("urn,name,phase,locality\n100001,A,Primary,\n100002,B,Nope,\n")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_schools", str(path))
    assert "Line 3, phase: 'Nope' is not a phase" in capsys.readouterr().err
    assert not School.objects.exists()


def test_the_command_dry_run_changes_nothing(tmp_path, capsys):
    path = tmp_path / "schools.csv"
    path.write_text(GOOD)
    call_command("import_schools", str(path), "--dry-run")
    assert "3 added" in capsys.readouterr().out and not School.objects.exists()


class TestAdminUpload:
    def test_a_good_upload_imports_and_says_so(self, admin_client):
        upload = SimpleUploadedFile("schools.csv", GOOD.encode(), content_type="text/csv")
        response = admin_client.post("/admin/schools/register/import/", {"file": upload}, follow=True)
        assert "Schools imported: 3 added, 0 updated, 0 unchanged." in response.content.decode()
        assert School.objects.count() == 3

    def test_a_bad_upload_lists_the_problems_and_imports_nothing(self, admin_client):
        upload = SimpleUploadedFile("schools.csv", b"urn,name,phase,locality\n1,A,Nope,\n", content_type="text/csv")
        response = admin_client.post("/admin/schools/register/import/", {"file": upload})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Nothing was imported" in html and "Line 2, phase: &#x27;Nope&#x27; is not a phase" in html
        assert not School.objects.exists()

    def test_no_file_is_an_error(self, admin_client):
        html = admin_client.post("/admin/schools/register/import/", {}).content.decode()
        assert "Choose a CSV file" in html

    def test_editors_without_permission_cannot_import(self, client, django_user_model):
        from django.contrib.auth.models import Permission

        user = django_user_model.objects.create_user("ed", "ed@example.org", "x" * 16)
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        upload = SimpleUploadedFile("schools.csv", GOOD.encode(), content_type="text/csv")
        assert client.post("/admin/schools/register/import/", {"file": upload}).status_code in (302, 403)
        assert not School.objects.exists()
