"""CSV import: every row checked first, all or nothing, idempotent, and an export imports back unchanged."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from progress.exports import RECOMMENDATION_IMPORT_COLUMNS
from progress.importer import import_csv
from progress.models import PriorityAction, RecommendationPage

pytestmark = pytest.mark.django_db

GOOD = {
    "reference": "R04",
    "number": "4",
    "title": "Set up a joint team",
    "summary": "Police and social workers in one team.",
    "original_wording": "A co-located team should be established.",
    "theme": "joint-team",
    "response": "accepted",
    "response_reason": "",
    "lead": "Police",
    "priority": "yes",
    "original_target_date": "2015-12-31",
}


def make_csv(rows, columns=RECOMMENDATION_IMPORT_COLUMNS, bom=False):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode()


def snapshot():
    """Everything an import could touch, including revisions, so 'changes nothing' is checked strictly."""
    pages = list(RecommendationPage.objects.order_by("pk").values())
    actions = [
        (
            a.reference,
            a.title,
            a.status,
            a.is_priority,
            a.owner_id,
            a.due_date,
            sorted(r.pk for r in a.recommendations.all()),
        )
        for a in PriorityAction.objects.order_by("pk")
    ]
    return pages, actions, Revision.objects.count()


class TestRecommendationsImport:
    def test_creates_and_publishes_new_recommendations(self, history):
        result = import_csv(
            make_csv(
                [GOOD, {**GOOD, "reference": "R05", "number": "5", "lead": "Northfield Council", "priority": "no"}],
                bom=True,
            )
        )
        assert result.ok, result.errors
        assert result.created == ["R04", "R05"]
        page = RecommendationPage.objects.get(reference="R04")
        assert page.live and page.slug == "recommendation-4" and page.get_parent().pk == history["tracker"].pk
        assert page.lead_partner.short_name == "Police" and page.is_priority
        assert str(page.original_target_date) == "2015-12-31"
        assert RecommendationPage.objects.get(reference="R05").lead_partner.short_name == "Council"

    def test_importing_the_same_file_twice_changes_nothing(self, history):
        data = make_csv([GOOD])
        assert import_csv(data).created == ["R04"]
        before = snapshot()
        result = import_csv(data)
        assert result.ok and result.unchanged == ["R04"] and result.created == result.updated == []
        assert snapshot() == before

    def test_updates_match_on_the_reference(self, history):
        row = {
            **GOOD,
            "reference": "r01",
            "number": "1",
            "title": "Assess risk the same way everywhere",
            "original_target_date": "2016-03-31",
        }
        revisions = history["r1"].revisions.count()
        result = import_csv(make_csv([row]))
        assert result.ok, result.errors
        assert result.updated == ["R01"]
        page = RecommendationPage.objects.get(pk=history["r1"].pk)
        assert page.title == "Assess risk the same way everywhere"
        assert page.slug == "recommendation-1"
        assert page.revisions.count() == revisions + 1  # published through a revision, so the admin keeps its history

    def test_bad_row_in_the_middle_writes_nothing_and_names_line_and_column(self, history):
        rows = [
            GOOD,
            {**GOOD, "reference": "R05", "number": "5", "theme": "gardening", "original_target_date": "2019-02-30"},
            {**GOOD, "reference": "R06", "number": "6", "lead": "Nobody at all"},
        ]
        before = snapshot()
        result = import_csv(make_csv(rows))
        assert not result.ok
        assert [str(error) for error in result.errors] == [
            "Line 3, column 'theme': 'gardening' is not allowed. Use one of: "
            + ", ".join(__import__("progress.choices", fromlist=["Theme"]).Theme.values)
            + ".",
            "Line 3, column 'original_target_date': Enter a real date as year-month-day, for example 2021-03-31.",
            "Line 4, column 'lead': There is no partner organisation called 'Nobody at all'.",
        ]
        assert snapshot() == before
        assert not RecommendationPage.objects.filter(reference="R04").exists()

    def test_line_numbers_count_lines_inside_quoted_values(self, history):
        rows = [{**GOOD, "summary": "Two\nlines"}, {**GOOD, "reference": "R05", "number": "x"}]
        result = import_csv(make_csv(rows))
        assert [str(error) for error in result.errors] == [
            "Line 4, column 'number': Enter the recommendation's number as a whole number, like 7."
        ]

    @pytest.mark.parametrize(
        "change, column, message",
        [
            ({"reference": ""}, "reference", "Enter a reference"),
            ({"reference": "R 4!"}, "reference", "letters, numbers"),
            ({"number": "0"}, "number", "whole number"),
            ({"number": "1"}, "number", "already used by R01"),
            ({"title": ""}, "title", "cannot be blank"),
            ({"title": "x" * 256}, "title", "255 characters"),
            ({"response": "maybe"}, "response", "is not allowed"),
            ({"response": "not-accepted"}, "response_reason", "Give the reason"),
            ({"priority": "perhaps"}, "priority", "Enter yes or no"),
            ({"original_target_date": "31/12/2015"}, "original_target_date", "year-month-day"),
        ],
    )
    def test_each_field_is_checked(self, history, change, column, message):
        result = import_csv(make_csv([{**GOOD, **change}]))
        assert len(result.errors) == 1, result.errors
        assert result.errors[0].line == 2 and result.errors[0].column == column
        assert message in result.errors[0].message

    def test_original_target_date_cannot_be_changed_by_import(self, history):
        row = {**GOOD, "reference": "R01", "number": "1", "original_target_date": "2020-01-01"}
        result = import_csv(make_csv([row]))
        assert "cannot be changed" in str(result.errors[0])
        assert result.errors[0].column == "original_target_date"

    def test_duplicates_within_the_file(self, history):
        result = import_csv(make_csv([GOOD, {**GOOD, "number": "5"}, {**GOOD, "reference": "R06"}]))
        assert [str(error) for error in result.errors] == [
            "Line 3, column 'reference': 'R04' is also on line 2.",
            "Line 4, column 'number': '4' is also on line 2.",
        ]

    @pytest.mark.parametrize(
        "data, message",
        [
            (b"", "The file is empty"),
            (b"name,age\r\nx,1\r\n", "We could not tell what the file holds"),
            (b"reference,number,colour\r\n", "These columns are missing"),
            ("\xff\xfe".encode("latin-1"), "saved as UTF-8"),
            (b"x" * (3 * 1024 * 1024), "too big"),
        ],
    )
    def test_unusable_files_are_refused_with_a_message(self, history, data, message):
        result = import_csv(data)
        assert not result.ok
        assert message in str(result.errors[0])

    def test_unknown_columns_are_refused(self, history):
        data = make_csv([{**GOOD, "colour": "red"}], columns=[*RECOMMENDATION_IMPORT_COLUMNS, "colour"])
        assert "We do not recognise these columns: colour" in str(import_csv(data).errors[0])

    def test_check_only_writes_nothing(self, history):
        result = import_csv(make_csv([GOOD]), dry_run=True)
        assert result.ok
        assert not RecommendationPage.objects.filter(reference="R04").exists()

    def test_needs_a_tracker(self, home_page):
        assert "Create the progress page" in str(import_csv(make_csv([GOOD])).errors[0])


class TestActionsImport:
    COLUMNS = ["reference", "title", "description", "owner", "due_date", "status", "priority", "recommendations"]

    def row(self, **changes):
        return {"reference": "A03", "title": "Missing children protocol", "description": "", "owner": "Police", "due_date": "2026-03-31",
                "status": "in-progress", "priority": "yes", "recommendations": "R01; R02", **changes}  # fmt: skip

    def test_creates_links_and_is_idempotent(self, history):
        data = make_csv([self.row()], columns=self.COLUMNS)
        result = import_csv(data)
        assert result.ok, result.errors
        action = PriorityAction.objects.get(reference="A03")
        assert sorted(page.reference for page in action.recommendations.all()) == ["R01", "R02"]
        before = snapshot()
        assert import_csv(data).unchanged == ["A03"]
        assert snapshot() == before

    def test_changes_links_of_an_existing_action(self, history):
        result = import_csv(
            make_csv(
                [self.row(reference="A01", title="Joint plan", priority="yes", recommendations="R03")],
                columns=self.COLUMNS,
            )
        )
        assert result.updated == ["A01"]
        assert [page.reference for page in PriorityAction.objects.get(reference="A01").recommendations.all()] == ["R03"]

    def test_unknown_recommendation_fails_the_whole_file(self, history):
        rows = [self.row(), self.row(reference="A04", recommendations="R01; R99", status="done")]
        result = import_csv(make_csv(rows, columns=self.COLUMNS))
        assert [str(error) for error in result.errors] == [
            "Line 3, column 'recommendations': There is no recommendation with the reference 'R99'.",
            "Line 3, column 'status': 'done' is not allowed. Use one of: not-started, in-progress, complete, paused.",
        ]
        assert not PriorityAction.objects.filter(reference="A03").exists()


class TestRoundTrip:
    def test_export_then_import_changes_nothing(self, client, history):
        page = history["r2"]
        page.summary = 'Listen, "really" listen;\nthen act — café'
        page.response, page.response_reason = "accepted-in-part", "Funding, for now."
        page.save_revision().publish()
        before = snapshot()
        recommendations = client.get("/progress/export.csv").content
        actions = client.get("/progress/actions.csv").content
        first, second = import_csv(recommendations), import_csv(actions)
        assert first.ok and second.ok, (first.errors, second.errors)
        assert first.unchanged == ["R01", "R02", "R03"] and second.unchanged == ["A01", "A02"]
        assert snapshot() == before

    def test_edited_export_imports_the_edit_only(self, client, history):
        text = client.get("/progress/export.csv").content.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        rows[2]["title"] = "Train everyone who works with children"
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        result = import_csv(buffer.getvalue().encode())
        assert (result.updated, result.unchanged) == (["R03"], ["R01", "R02"])


class TestCommand:
    def test_imports_a_file(self, history, tmp_path, capsys):
        path = tmp_path / "recommendations.csv"
        path.write_bytes(make_csv([GOOD]))
        call_command("import_progress", str(path))
        assert "1 added" in capsys.readouterr().out
        assert RecommendationPage.objects.filter(reference="R04").exists()

    def test_reports_errors_and_fails(self, history, tmp_path, capsys):
        path = tmp_path / "bad.csv"
        path.write_bytes(make_csv([GOOD, {**GOOD, "reference": "R05", "number": "five"}]))
        with pytest.raises(CommandError, match="Nothing was imported"):
            call_command("import_progress", str(path))
        assert "Line 3, column 'number'" in capsys.readouterr().err
        assert not RecommendationPage.objects.filter(reference="R04").exists()

    def test_check_option_and_missing_file(self, history, tmp_path):
        path = tmp_path / "ok.csv"
        path.write_bytes(make_csv([GOOD]))
        call_command("import_progress", str(path), "--check")
        assert not RecommendationPage.objects.filter(reference="R04").exists()
        with pytest.raises(CommandError, match="There is no file"):
            call_command("import_progress", str(tmp_path / "missing.csv"))


class TestAdminUpload:
    URL = "/admin/progress/import/"

    def test_superuser_imports_through_the_admin(self, admin_client, history):
        page = admin_client.get(self.URL)
        assert page.status_code == 200 and "Import progress CSV" in page.content.decode()
        response = admin_client.post(self.URL, {"file": SimpleUploadedFile("r.csv", make_csv([GOOD]), "text/csv")})
        assert response.status_code == 200
        assert "1 added, 0 changed, 0 unchanged" in response.content.decode()
        assert RecommendationPage.objects.filter(reference="R04").exists()

    def test_errors_are_listed_and_nothing_is_written(self, admin_client, history):
        data = make_csv([GOOD, {**GOOD, "reference": "R05", "number": "5", "response": "maybe"}])
        response = admin_client.post(self.URL, {"file": SimpleUploadedFile("r.csv", data, "text/csv")})
        html = response.content.decode()
        assert response.status_code == 400
        assert "Nothing was imported: 1 problem found." in html
        assert "Line 3, column &#x27;response&#x27;" in html
        assert not RecommendationPage.objects.filter(reference="R04").exists()

    def test_check_only(self, admin_client, history):
        response = admin_client.post(
            self.URL, {"file": SimpleUploadedFile("r.csv", make_csv([GOOD]), "text/csv"), "check_only": "on"}
        )
        assert "The file is valid. Nothing was imported" in response.content.decode()
        assert not RecommendationPage.objects.filter(reference="R04").exists()

    def test_editors_without_permission_cannot_import(self, client, history, django_user_model):
        from django.contrib.auth.models import Permission

        user = django_user_model.objects.create_user("editor", password="long-enough-password")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        assert client.get(self.URL).status_code in {302, 403}
        user.user_permissions.add(Permission.objects.get(codename="import_progress"))
        user = django_user_model.objects.get(pk=user.pk)
        client.force_login(user)
        assert client.get(self.URL).status_code == 200
