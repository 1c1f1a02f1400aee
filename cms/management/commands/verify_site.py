from django.core.management.base import BaseCommand, CommandError

from cms import backup


class Command(BaseCommand):
    help = "Compare the site's row counts and files with a snapshot's manifest."

    def add_arguments(self, parser):
        parser.add_argument("snapshot", help="The snapshot folder (holding manifest.json).")

    def handle(self, snapshot, **options):
        try:
            manifest = backup.read_manifest(snapshot)
            problems = backup.verify(snapshot)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} differences from the manifest.")
        files = sum(len(listing) for listing in manifest["files"].values())
        self.stdout.write(
            f"Identical: {len(manifest['rows'])} tables, {sum(manifest['rows'].values())} rows,"
            f" {files} files match the manifest."
        )
