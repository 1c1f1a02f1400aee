import os
import sys

from django.core.management.base import BaseCommand, CommandError

from analytics.accesslog import import_lines, open_log
from analytics.buffer import write_rows


class Command(BaseCommand):
    help = (
        "Import page views from an nginx or Apache combined-format access log (plain or "
        "gzipped), with the same filtering and hashing as live capture; rebuild the rollups "
        "of the imported days afterwards with build_analytics_rollups --since/--until."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Access log, e.g. /var/log/nginx/access.log.2.gz")
        parser.add_argument(
            "--host", default="ssa.gov.ge", help="The site's host name (for the visitor hash)."
        )

    def handle(self, *args, file, host, **options):
        if not os.path.isfile(file):
            raise CommandError(f"No such file: {file}")
        total_bytes = os.path.getsize(file)
        try:
            with open_log(file) as lines:
                raw = getattr(lines, "buffer", None) or getattr(lines, "fileobj", None)
                show = self._progress_printer(raw, total_bytes)
                imported, rejected = import_lines(lines, host, write_rows, progress=show)
        except OSError as error:  # e.g. a truncated gzip file
            raise CommandError(f"Cannot read {file}: {error}") from error
        self.stderr.write("")
        self.stdout.write(f"Imported {imported} page views.")
        if rejected:
            self.stdout.write(f"Not imported: {sum(rejected.values())} lines")
            for reason, count in rejected.most_common():
                self.stdout.write(f"  {reason}: {count}")

    def _progress_printer(self, raw, total_bytes):
        interactive = sys.stderr.isatty()

        def show(line_number):
            if line_number % 5000 or not interactive:
                return
            done = raw.tell() if raw is not None and hasattr(raw, "tell") else 0
            share = min(done / total_bytes, 1) if total_bytes else 1
            bar = "#" * int(share * 30)
            self.stderr.write(f"\r[{bar:<30}] {share:4.0%} {line_number} lines", ending="")

        return show
