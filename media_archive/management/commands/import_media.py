"""Import a folder tree of legacy photos, video and audio into the archive.

    manage.py import_media /srv/photos/2019

Every folder becomes an album (files directly in PATH get none). Each file is stored with
its record in one step, and a file already in the archive (same SHA-256) is never stored
twice, so an interrupted run is resumed by running the same command again.
"""

import os
import re
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from helpers.progress import ProgressBar, add_progress_argument
from media_archive import extraction, ingest
from media_archive.models import Album

DATED_FOLDER = re.compile(r"^(\d{4})[-_.](\d{2})[-_.](\d{2})[\s_-]+(.+)$")


def files_under(root):
    """(album folder relative to root, file path) in a stable order."""
    for folder, subfolders, names in os.walk(root, onerror=None):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        relative = Path(folder).relative_to(root)
        for name in sorted(names):
            if name.startswith("."):
                continue
            yield ("" if str(relative) == "." else relative.as_posix()), Path(folder) / name


def album_for(relative_folder, albums):
    """The album of a folder, created on first use; "2023-05-17 Conference" gives the
    event date and the title "Conference"."""
    if not relative_folder:
        return None
    if relative_folder in albums:
        return albums[relative_folder]
    album = Album.objects.filter(source_folder=relative_folder).first()
    if album is None:
        folder_name = Path(relative_folder).name
        match = DATED_FOLDER.match(folder_name)
        event_date = None
        title = folder_name
        if match:
            try:
                event_date = date(int(match[1]), int(match[2]), int(match[3]))
                title = match[4].strip()
            except ValueError:
                event_date = None
        album = Album.objects.create(
            title_ka=title, event_date=event_date, source_folder=relative_folder
        )
    albums[relative_folder] = album
    return album


class Command(BaseCommand):
    help = _("Import photos, video and audio from a folder tree; folders become albums.")

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("Folder to import"))
        add_progress_argument(parser)

    def handle(self, *args, path, progress, **options):
        root = Path(path)
        if not root.is_dir():
            raise CommandError(_("%(path)s is not a folder.") % {"path": path})
        if not extraction.media_tools_available():
            self.stderr.write(
                _("ffmpeg is not installed: video and audio will be skipped, photos imported.")
            )
        entries = list(files_under(root))
        bar = ProgressBar.for_command(self, len(entries), progress)
        results = []
        albums = {}
        positions = {}
        try:
            for done, (relative_folder, file_path) in enumerate(entries, start=1):
                bar.show(done - 1, file_path.name)
                album = album_for(relative_folder, albums)
                results.append(self.import_one(file_path, album, positions, root))
                bar.show(done, file_path.name)
        except KeyboardInterrupt:
            bar.finish()
            self.report(results, root)
            self.stderr.write(_("Interrupted. Run the same command again to continue."))
            sys.exit(130)
        bar.finish()
        self.report(results, root)

    def import_one(self, file_path, album, positions, root):
        defaults = {}
        if album is not None:
            positions[album.pk] = positions.get(album.pk, 0) + 1
            defaults = {"event_name": album.title_ka, "album_position": positions[album.pk]}
        try:
            result = ingest.ingest_path(file_path, album=album, defaults=defaults)
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the run
            result = ingest.IngestResult(
                ingest.SKIPPED,
                file_path.name,
                reason=_("could not be stored: %(error)s") % {"error": error},
            )
        result.name = file_path.relative_to(root).as_posix()  # names in the report are paths
        if (
            result.status == ingest.IMPORTED
            and album is not None
            and album.cover_id is None
            and result.item.archive_kind == "image"
        ):
            album.cover = result.item
            album.save(update_fields=["cover"])
        return result

    def report(self, results, root):
        imported = [r for r in results if r.status == ingest.IMPORTED]
        duplicate = [r for r in results if r.status == ingest.DUPLICATE]
        skipped = [r for r in results if r.status == ingest.SKIPPED]
        near = [r for r in imported if r.near_duplicate_of is not None]
        self.stdout.write(
            _("Imported: %(imported)s, duplicates: %(duplicates)s, skipped: %(skipped)s")
            % {"imported": len(imported), "duplicates": len(duplicate), "skipped": len(skipped)}
        )
        for result in duplicate:
            self.stdout.write(f"  = {result.name}: {result.reason}")
        for result in near:
            self.stdout.write(
                "  ~ "
                + _("%(name)s: looks like “%(title)s”; flagged for review")
                % {"name": result.name, "title": result.near_duplicate_of.title}
            )
        for result in imported:
            for warning in result.warnings:
                self.stdout.write(f"  ! {result.name}: {warning}")
        for result in skipped:
            self.stdout.write(f"  × {result.name}: {result.reason}")
