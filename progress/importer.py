"""Import recommendations or priority actions from a CSV file, all or nothing.

Shared by `manage.py import_progress` and the admin upload. Every row is
checked before anything is written; errors name the line and the column.
Rows match existing records on their stable reference, and a row that
matches what is stored already changes nothing, so importing a file twice
(or importing an export) leaves the site as it was.

A recommendations file has the columns of /progress/export.csv (its derived
columns, such as status, are ignored); an actions file has the columns of
/progress/actions.csv. Which one a file is comes from its header row.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from wagtail.models import Locale

from home.models import PartnerOrganisation
from progress.choices import ActionStatus, Response, Theme
from progress.exports import (
    ACTION_COLUMNS,
    LIST_SEPARATOR,
    RECOMMENDATION_COLUMNS,
    RECOMMENDATION_IMPORT_COLUMNS,
)
from progress.models import PriorityAction, ProgressIndexPage, RecommendationPage

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


@dataclass
class ImportProblem:
    line: int | None
    column: str
    message: str

    def __str__(self):
        where = f"Line {self.line}" if self.line else "File"
        column = f", column '{self.column}'" if self.column else ""
        return f"{where}{column}: {self.message}"


@dataclass
class ImportResult:
    kind: str = ""
    errors: list[ImportProblem] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        if self.errors:
            return f"Nothing was imported: {len(self.errors)} problem{'s' if len(self.errors) != 1 else ''} found."
        return f"Imported {self.kind}: {len(self.created)} added, {len(self.updated)} changed, {len(self.unchanged)} unchanged."


def decode(raw: bytes):
    """Text of an uploaded file: UTF-8 with or without a byte-order mark (as Excel saves it)."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, ImportProblem(None, "", "The file must be a CSV file saved as UTF-8.")


def import_csv(raw: bytes, user=None, dry_run=False) -> ImportResult:
    """Check every row, then write all of them in one transaction, or none."""
    result = ImportResult()
    if len(raw) > MAX_FILE_BYTES:
        result.errors.append(ImportProblem(None, "", "The file is too big. It must be smaller than 2 MB."))
        return result
    text, problem = decode(raw)
    if problem:
        result.errors.append(problem)
        return result
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [name.strip() for name in (reader.fieldnames or [])]
        reader.fieldnames = header
        # Line 1 is the header; a row starts on the line after the previous one ended
        # (a quoted value may span lines), as a spreadsheet numbers them.
        rows, ended = [], reader.line_num
        for row in reader:
            rows.append((ended + 1, row))
            ended = reader.line_num
    except csv.Error as error:
        result.errors.append(ImportProblem(None, "", f"The file is not a readable CSV file ({error})."))
        return result
    if not header:
        result.errors.append(ImportProblem(None, "", "The file is empty."))
        return result
    if len(rows) > MAX_ROWS:
        result.errors.append(ImportProblem(None, "", f"The file has more than {MAX_ROWS} rows."))
        return result
    if "number" in header:
        importer = RecommendationImporter(header, result)
    elif "recommendations" in header:
        importer = ActionImporter(header, result)
    else:
        result.errors.append(
            ImportProblem(
                None,
                "",
                "We could not tell what the file holds. A recommendations file needs the columns "
                f"{', '.join(RECOMMENDATION_IMPORT_COLUMNS)}; an actions file needs {', '.join(ACTION_COLUMNS)}.",
            )
        )
        return result
    result.kind = importer.kind
    importer.check_header()
    if result.errors:
        return result
    checked = []
    for position, row in rows:
        if None in row:
            result.errors.append(ImportProblem(position, "", "This line has more values than there are columns."))
            continue
        values = {key: (value or "").strip() for key, value in row.items()}
        if not any(values.values()):
            continue
        checked.append(importer.check_row(position, values))
    importer.check_file(checked)
    if result.errors or dry_run:
        return result
    with transaction.atomic():
        for item in checked:
            importer.write(item, user)
    return result


class _Importer:
    kind = ""
    required = []
    allowed = []

    def __init__(self, header, result):
        self.header = header
        self.result = result
        self.partners = self._partners()

    def error(self, line, column, message):
        self.result.errors.append(ImportProblem(line, column, message))

    def check_header(self):
        missing = [name for name in self.required if name not in self.header]
        if missing:
            self.error(1, "", f"These columns are missing: {', '.join(missing)}.")
        unknown = [name for name in self.header if name not in self.allowed]
        if unknown:
            self.error(1, "", f"We do not recognise these columns: {', '.join(unknown)}.")
        duplicated = sorted({name for name in self.header if self.header.count(name) > 1})
        if duplicated:
            self.error(1, "", f"These columns appear more than once: {', '.join(duplicated)}.")

    @staticmethod
    def _partners():
        """Partner organisations by lower-case name and short name (default locale)."""
        partners = {}
        for partner in PartnerOrganisation.objects.filter(locale=Locale.get_default()):
            partners.setdefault(partner.name.lower(), partner)
            if partner.short_name:
                partners.setdefault(partner.short_name.lower(), partner)
        return partners

    def partner(self, line, column, value):
        if not value:
            return None
        partner = self.partners.get(value.lower())
        if partner is None:
            self.error(line, column, f"There is no partner organisation called '{value}'.")
        return partner

    def reference(self, line, value):
        if not value:
            self.error(line, "reference", "Enter a reference, like R07.")
        elif not REFERENCE_PATTERN.match(value):
            self.error(
                line,
                "reference",
                "A reference may use letters, numbers, dots, dashes and underscores only (20 at most).",
            )
        return value

    def choice(self, line, column, value, choices, required=True):
        if not value and not required:
            return ""
        if value not in choices.values:
            allowed = ", ".join(choices.values)
            self.error(line, column, f"'{value}' is not allowed. Use one of: {allowed}.")
        return value

    def date(self, line, column, value):
        if not value:
            return None
        try:
            return (
                date.fromisoformat(value) if re.match(r"^\d{4}-\d{2}-\d{2}$", value) else self._bad_date(line, column)
            )
        except ValueError:
            return self._bad_date(line, column)

    def _bad_date(self, line, column):
        self.error(line, column, "Enter a real date as year-month-day, for example 2021-03-31.")
        return None

    def yes_no(self, line, column, value):
        value = value.lower()
        if value in YES:
            return True
        if value not in NO:
            self.error(line, column, "Enter yes or no.")
        return False

    def text(self, line, column, value, max_length=None, required=False):
        if required and not value:
            self.error(line, column, "This cannot be blank.")
        if max_length and len(value) > max_length:
            self.error(line, column, f"This must be {max_length} characters or fewer.")
        return value

    def check_duplicates(self, checked, column):
        seen = {}
        for item in checked:
            key = str(item["values"][column]).lower()
            if key and key in seen:
                self.error(item["line"], column, f"'{item['values'][column]}' is also on line {seen[key]}.")
            seen.setdefault(key, item["line"])


class RecommendationImporter(_Importer):
    kind = "recommendations"
    required = RECOMMENDATION_IMPORT_COLUMNS
    allowed = RECOMMENDATION_COLUMNS
    fields = [
        "number",
        "title",
        "summary",
        "original_wording",
        "theme",
        "response",
        "response_reason",
        "lead_partner",
        "is_priority",
        "original_target_date",
    ]

    def __init__(self, header, result):
        super().__init__(header, result)
        self.index = ProgressIndexPage.objects.first()
        if self.index is None:
            self.error(None, "", "Create the progress page in the admin before importing recommendations.")
            self.existing = {}
        else:
            self.existing = {
                page.reference.lower(): page
                for page in RecommendationPage.objects.child_of(self.index).select_related("lead_partner")
            }

    def check_row(self, line, row):
        number_text = row["number"]
        number = int(number_text) if number_text.isdigit() and 0 < int(number_text) < 1000 else None
        if number is None:
            self.error(line, "number", "Enter the recommendation's number as a whole number, like 7.")
        values = {
            "reference": self.reference(line, row["reference"]),
            "number": number,
            "title": self.text(line, "title", row["title"], max_length=255, required=True),
            "summary": self.text(line, "summary", row["summary"], required=True),
            "original_wording": self.text(line, "original_wording", row["original_wording"], required=True),
            "theme": self.choice(line, "theme", row["theme"], Theme),
            "response": self.choice(line, "response", row["response"], Response),
            "response_reason": row["response_reason"],
            "lead_partner": self.partner(line, "lead", row["lead"]),
            "is_priority": self.yes_no(line, "priority", row["priority"]),
            "original_target_date": self.date(line, "original_target_date", row["original_target_date"]),
        }
        if values["response"] in {Response.ACCEPTED_IN_PART, Response.NOT_ACCEPTED} and not values["response_reason"]:
            self.error(line, "response_reason", "Give the reason the recommendation was not fully accepted.")
        page = self.existing.get(values["reference"].lower())
        if page and page.original_target_date and values["original_target_date"] != page.original_target_date:
            self.error(
                line,
                "original_target_date",
                f"The original target date of {page.reference} is {page.original_target_date.isoformat()} and cannot be changed.",
            )
        return {"line": line, "values": values, "page": page}

    def check_file(self, checked):
        self.check_duplicates(checked, "reference")
        self.check_duplicates(checked, "number")
        # A number must not clash with a recommendation that this file does not mention,
        # and a new recommendation's web address must be free.
        in_file = {item["values"]["reference"].lower() for item in checked}
        taken = {page.number: page.reference for key, page in self.existing.items() if key not in in_file}
        slugs = {page.slug: page.reference for page in self.existing.values()}
        for item in checked:
            number = item["values"]["number"]
            slug = f"recommendation-{number}"
            if number in taken:
                self.error(item["line"], "number", f"Number {number} is already used by {taken[number]}.")
            elif item["page"] is None and slug in slugs:
                self.error(item["line"], "number", f"The web address /{slug}/ is already used by {slugs[slug]}.")

    def changed_fields(self, page, values):
        return [name for name in self.fields if getattr(page, name) != values[name]]

    def write(self, item, user):
        values, page = item["values"], item["page"]
        if page is None:
            page = RecommendationPage(
                slug=f"recommendation-{values['number']}", reference=values["reference"], **self._page_fields(values)
            )
            self.index.add_child(instance=page)
            page.save_revision(user=user, log_action=True).publish(user=user)
            self.result.created.append(values["reference"])
            return
        if not self.changed_fields(page, values):
            self.result.unchanged.append(page.reference)
            return
        for name, value in self._page_fields(values).items():
            setattr(page, name, value)
        page.save_revision(user=user, log_action=True).publish(user=user)
        self.result.updated.append(page.reference)

    def _page_fields(self, values):
        return {name: values[name] for name in self.fields}


class ActionImporter(_Importer):
    kind = "priority actions"
    required = ACTION_COLUMNS
    allowed = ACTION_COLUMNS

    def __init__(self, header, result):
        super().__init__(header, result)
        self.existing = {
            action.reference.lower(): action
            for action in PriorityAction.objects.select_related("owner").prefetch_related("recommendations")
        }
        index = ProgressIndexPage.objects.first()
        pages = RecommendationPage.objects.child_of(index) if index else RecommendationPage.objects.none()
        self.recommendations = {page.reference.lower(): page for page in pages}

    def check_row(self, line, row):
        references = [ref.strip() for ref in re.split(r"[;,]", row["recommendations"]) if ref.strip()]
        recommendations = []
        for reference in references:
            page = self.recommendations.get(reference.lower())
            if page is None:
                self.error(line, "recommendations", f"There is no recommendation with the reference '{reference}'.")
            else:
                recommendations.append(page)
        if not references:
            self.error(
                line,
                "recommendations",
                f"Enter the references of the recommendations it serves, separated by '{LIST_SEPARATOR.strip()}'.",
            )
        values = {
            "reference": self.reference(line, row["reference"]),
            "title": self.text(line, "title", row["title"], max_length=255, required=True),
            "description": row["description"],
            "owner": self.partner(line, "owner", row["owner"]),
            "due_date": self.date(line, "due_date", row["due_date"]),
            "status": self.choice(line, "status", row["status"], ActionStatus),
            "is_priority": self.yes_no(line, "priority", row["priority"]),
        }
        return {
            "line": line,
            "values": values,
            "recommendations": recommendations,
            "action": self.existing.get(values["reference"].lower()),
        }

    def check_file(self, checked):
        self.check_duplicates(checked, "reference")

    def write(self, item, user):
        values, action = item["values"], item["action"]
        wanted = {page.pk for page in item["recommendations"]}
        if action is None:
            action = PriorityAction.objects.create(**values)
            action.recommendations.set(wanted)
            self.result.created.append(action.reference)
            return
        fields_changed = [name for name, value in values.items() if getattr(action, name) != value]
        links_changed = {page.pk for page in action.recommendations.all()} != wanted
        if not fields_changed and not links_changed:
            self.result.unchanged.append(action.reference)
            return
        for name in fields_changed:
            setattr(action, name, values[name])
        action.save()
        if links_changed:
            action.recommendations.set(wanted)
        self.result.updated.append(action.reference)
