"""manage.py import_schools FILE.csv: add and update schools from CSV, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schools.importing import COLUMNS, import_schools


class Command(BaseCommand):
    help = (
        f"Import schools from a CSV file with the headings {', '.join(COLUMNS)}. Every row is checked first; "
        "if any row is wrong nothing changes. Schools are matched on URN, so a second import of the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file (UTF-8).")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report, but change nothing.")

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        result = import_schools(path.read_bytes(), dry_run=dry_run)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(f"Nothing was imported: {len(result.errors)} problem(s) in {path.name}.")
        prefix = "Checked (dry run, nothing changed)" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {result.summary()}"))
