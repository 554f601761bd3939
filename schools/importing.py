"""Import the register of schools from CSV: validate every row first, then change all or nothing.

Schools are matched on URN, so importing the same file twice changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from .models import School

COLUMNS = ["urn", "name", "phase", "locality"]
REQUIRED = ["urn", "name", "phase"]
MAX_ROWS = 10_000

PHASES = {}
for value, label in School.Phase.choices:
    PHASES[value] = value
    PHASES[label.lower()] = value
    PHASES[value.replace("-", " ")] = value
    PHASES[value.replace("-", "")] = value


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        return f"{self.created} added, {self.updated} updated, {self.unchanged} unchanged."


def _decode(data):
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _clean_row(line, raw, seen, errors):
    row = {column: (raw.get(column) or "").strip() for column in COLUMNS}
    if None in raw:  # more cells than headings
        errors.append(f"Line {line}: this row has more cells than there are headings.")
    for column in REQUIRED:
        if not row[column]:
            errors.append(f"Line {line}, {column}: enter the school's {column.upper() if column == 'urn' else column}.")
    urn = row["urn"]
    if urn:
        if not urn.isdigit() or len(urn) > 10:
            errors.append(f"Line {line}, urn: '{urn}' is not a URN. Enter digits only, like 100001.")
        elif urn in seen:
            errors.append(f"Line {line}, urn: {urn} is also on line {seen[urn]}. Each school must appear once.")
        else:
            seen[urn] = line
    if len(row["name"]) > 255:
        errors.append(f"Line {line}, name: the name must be 255 characters or fewer.")
    if len(row["locality"]) > 100:
        errors.append(f"Line {line}, locality: the locality must be 100 characters or fewer.")
    if row["phase"]:
        phase = PHASES.get(row["phase"].lower())
        if phase is None:
            allowed = ", ".join(label for _, label in School.Phase.choices)
            errors.append(f"Line {line}, phase: '{row['phase']}' is not a phase. Use one of: {allowed}.")
        row["phase"] = phase
    return row


def read_rows(data):
    """Parse and check the whole file. Returns (rows, errors); rows are only usable when errors is empty."""
    text = _decode(data)
    if text is None:
        return [], ["The file is not UTF-8 text. Save it as 'CSV UTF-8' and try again."]
    reader = csv.DictReader(io.StringIO(text))
    try:
        headings = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as error:
        return [], [f"Line 1: the file could not be read as CSV ({error})."]
    missing = [column for column in COLUMNS if column not in headings]
    if missing:
        return [], [
            f"Line 1: the first row must have the headings {', '.join(COLUMNS)}. Missing: {', '.join(missing)}."
        ]
    reader.fieldnames = headings
    rows, errors, seen = [], [], {}
    try:
        for raw in reader:
            line = reader.line_num
            if not any((value or "").strip() for key, value in raw.items() if key is not None):
                continue  # blank lines are harmless
            if len(rows) >= MAX_ROWS:
                errors.append(f"Line {line}: the file has more than {MAX_ROWS} schools. Split it into smaller files.")
                break
            rows.append(_clean_row(line, raw, seen, errors))
    except csv.Error as error:
        errors.append(f"Line {reader.line_num}: the file could not be read as CSV ({error}).")
    if not rows and not errors:
        errors.append("The file has no schools in it.")
    return rows, errors


def import_schools(data, dry_run=False):
    """Check everything, then add new schools and update changed ones in one transaction."""
    rows, errors = read_rows(data)
    result = ImportResult(errors=errors)
    if errors:
        return result
    existing = {school.urn: school for school in School.objects.filter(urn__in=[row["urn"] for row in rows])}
    to_create, to_update = [], []
    for row in rows:
        school = existing.get(row["urn"])
        if school is None:
            to_create.append(School(**row))
        elif any(getattr(school, key) != value for key, value in row.items()):
            for key, value in row.items():
                setattr(school, key, value)
            to_update.append(school)
    result.created, result.updated = len(to_create), len(to_update)
    result.unchanged = len(rows) - result.created - result.updated
    if not dry_run:
        with transaction.atomic():
            School.objects.bulk_create(to_create, batch_size=500)
            School.objects.bulk_update(to_update, ["name", "phase", "locality"], batch_size=500)
    return result
