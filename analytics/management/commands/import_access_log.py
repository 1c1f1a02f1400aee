import os
import sys

from django.core.management.base import BaseCommand, CommandError

from analytics.accesslog import UNKNOWN_LISTED, ImportSummary, import_lines, open_log
from analytics.buffer import write_new_rows


class Command(BaseCommand):
    help = (
        "Import page views from nginx or Apache combined-format access logs (plain or "
        "gzipped, rotated files in any order), with the same filtering and hashing as live "
        "capture; lines imported before are skipped. Rebuild the rollups of the imported "
        "days afterwards with build_analytics_rollups --since/--until."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="+", help="Access logs, e.g. access.log access.log.1 access.log.2.gz"
        )
        parser.add_argument(
            "--host",
            action="append",
            dest="hosts",
            help="A name of the site (repeat for each: --host ssa.gov.ge --host www.ssa.gov.ge); "
            "referrers from any of them are internal. The first feeds the visitor hash. "
            "Default: ssa.gov.ge.",
        )

    def handle(self, *args, files, hosts=None, **options):
        hosts = hosts or ["ssa.gov.ge"]
        for file in files:
            if not os.path.isfile(file):
                raise CommandError(f"No such file: {file}")
        summary = ImportSummary()
        for file in files:
            total_bytes = os.path.getsize(file)
            try:
                with open_log(file) as lines:
                    raw = getattr(lines, "buffer", None) or getattr(lines, "fileobj", None)
                    show = self._progress_printer(raw, total_bytes, file)
                    import_lines(lines, hosts, write_new_rows, progress=show, summary=summary)
            except OSError as error:  # e.g. a truncated gzip file
                raise CommandError(f"Cannot read {file}: {error}") from error
            if sys.stderr.isatty():
                self.stderr.write("")
        self._report(summary)

    def _report(self, summary):
        self.stdout.write(f"Read {summary.read} lines.")
        self.stdout.write(f"Imported {summary.imported} page views.")
        if summary.already_imported:
            self.stdout.write(f"Already imported before: {summary.already_imported}")
        if summary.rejected:
            self.stdout.write(f"Not imported: {sum(summary.rejected.values())} lines")
            for reason, count in summary.rejected.most_common():
                self.stdout.write(f"  {reason}: {count}")
        if summary.unknown_paths:
            total = sum(summary.unknown_paths.values())
            self.stdout.write(
                f"Imported as pages, of unknown type: {total} views of "
                f"{len(summary.unknown_paths)} paths (add their extensions to "
                "ANALYTICS_ASSET_EXTENSIONS if they are not pages):"
            )
            for path, count in summary.unknown_paths.most_common(UNKNOWN_LISTED):
                self.stdout.write(f"  {count:>6}  {path}")
            if len(summary.unknown_paths) > UNKNOWN_LISTED:
                self.stdout.write(f"  … and {len(summary.unknown_paths) - UNKNOWN_LISTED} more")

    def _progress_printer(self, raw, total_bytes, file):
        interactive = sys.stderr.isatty()

        def show(line_number):
            if line_number % 5000 or not interactive:
                return
            done = raw.tell() if raw is not None and hasattr(raw, "tell") else 0
            share = min(done / total_bytes, 1) if total_bytes else 1
            bar = "#" * int(share * 30)
            self.stderr.write(f"\r{file} [{bar:<30}] {share:4.0%} {line_number} lines", ending="")

        return show
