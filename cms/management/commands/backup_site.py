from django.core.management.base import BaseCommand, CommandError

from cms import backup


class Command(BaseCommand):
    help = (
        "Write a snapshot of the database and the media folders, with a manifest (cms/backup.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="Folder the snapshot folder is created in.")

    def handle(self, destination, **options):
        try:
            folder = backup.create(destination)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        manifest = backup.read_manifest(folder)
        files = sum(len(listing) for listing in manifest["files"].values())
        self.stdout.write(
            f"{folder}: {len(manifest['rows'])} tables, {sum(manifest['rows'].values())} rows,"
            f" {files} files, database sha256 {manifest['database']['sha256']}"
        )
