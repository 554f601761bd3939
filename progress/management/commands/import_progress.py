"""Import recommendations or priority actions from a CSV file: all rows or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from progress.importer import import_csv


class Command(BaseCommand):
    help = (
        "Import recommendations (columns of /progress/export.csv) or priority actions (columns of "
        "/progress/actions.csv) from a UTF-8 CSV file. Nothing is written unless every row is valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file.")
        parser.add_argument("--check", action="store_true", help="Check the file without importing it.")

    def handle(self, *args, file, check=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        result = import_csv(path.read_bytes(), dry_run=check)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(result.summary())
        prefix = "The file is valid (nothing imported). " if check else ""
        self.stdout.write(self.style.SUCCESS(prefix + result.summary()))
