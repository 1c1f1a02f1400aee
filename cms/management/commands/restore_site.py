from django.core.management.base import BaseCommand, CommandError

from cms import backup


class Command(BaseCommand):
    help = "Load a snapshot (backup_site) into an empty database and empty media folders."

    def add_arguments(self, parser):
        parser.add_argument("snapshot", help="The snapshot folder (holding manifest.json).")

    def handle(self, snapshot, **options):
        try:
            manifest = backup.restore(snapshot)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {sum(manifest['rows'].values())} rows; run verify_site {snapshot} next."
        )
