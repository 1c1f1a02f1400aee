from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from press.contact_import import COLUMNS, import_contacts


class Command(BaseCommand):
    help = (
        "Imports media contacts from a UTF-8 CSV file with the header row "
        f"{','.join(COLUMNS)} (lists separated by ';'). Contacts are matched by e-mail; "
        "invalid rows are reported by line and not imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, path, **options):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        report = import_contacts(text)
        self.stdout.write(f"Created {report.created}, updated {report.updated} contacts.")
        for line, message in report.errors:
            self.stderr.write(f"line {line}: {message}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} line(s) were not imported.")
