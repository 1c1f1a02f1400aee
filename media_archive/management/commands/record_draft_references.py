"""Record the archive items that the newest revision of every page shows.

    manage.py record_draft_references

Drafts saved before migration media_archive 0005 have no DraftReference rows, so an item
only such a draft shows is not held back until the page is saved again. Run once after
upgrading; running again changes nothing, as each page's rows are replaced, never added to.
"""

import sys

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, Revision

from helpers.progress import ProgressBar, add_progress_argument
from media_archive import gallery
from media_archive.draft_references import page_revision_type, record_latest_revision

# Pages whose revisions are loaded at a time: a large site's revisions never all sit in memory.
CHUNK_SIZE = 200


def latest_page_revision_ids():
    """The newest revision of every page with revisions, in one grouped query."""
    return list(
        Revision.objects.filter(base_content_type=page_revision_type())
        .values("object_id")
        .annotate(latest_pk=Max("pk"))
        .order_by("latest_pk")
        .values_list("latest_pk", flat=True)
    )


def in_chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Command(BaseCommand):
    help = _(
        "Record the archive items that the latest revision of every page shows "
        "(run once after upgrading)."
    )

    def add_arguments(self, parser):
        add_progress_argument(parser)

    def handle(self, *args, progress, **options):
        revision_ids = latest_page_revision_ids()
        bar = ProgressBar.for_command(self, len(revision_ids), progress)
        self.recorded, self.unreadable, self.done = 0, 0, 0
        try:
            for chunk in in_chunks(revision_ids, CHUNK_SIZE):
                self.record_chunk(chunk, bar)
        except KeyboardInterrupt:
            bar.finish()
            self.report()
            self.stderr.write(_("Interrupted. Run the same command again to continue."))
            sys.exit(130)
        finally:
            # Once for the whole run: each call makes the gallery recount everything.
            if self.recorded:
                gallery.catalogue_changed()
        bar.finish()
        self.report()

    def record_chunk(self, revision_ids, bar):
        revisions = list(Revision.objects.filter(pk__in=revision_ids).order_by("pk"))
        titles = dict(
            Page.objects.filter(pk__in=[int(r.object_id) for r in revisions]).values_list(
                "pk", "title"
            )
        )
        for revision in revisions:
            page_id = int(revision.object_id)
            title = titles.get(page_id)
            # Revisions left behind by a deleted page: there is no page to hold items back for.
            if title is not None:
                bar.show(self.done, title)
                self.record_one(revision, page_id, title, bar)
            self.done += 1
            bar.show(self.done, title or "")

    def record_one(self, revision, page_id, title, bar):
        try:
            with transaction.atomic():
                record_latest_revision(revision, announce=False)
        except Exception as error:  # noqa: BLE001 - one unreadable page must not stop the run
            bar.finish()
            self.stderr.write(
                _("Page %(id)s “%(title)s”: its latest revision could not be read (%(error)s).")
                % {"id": page_id, "title": title, "error": f"{type(error).__name__}: {error}"}
            )
            self.unreadable += 1
        else:
            self.recorded += 1

    def report(self):
        self.stdout.write(
            ngettext(
                "Recorded the draft references of %(recorded)s page; "
                "%(unreadable)s could not be read.",
                "Recorded the draft references of %(recorded)s pages; "
                "%(unreadable)s could not be read.",
                self.recorded,
            )
            % {"recorded": self.recorded, "unreadable": self.unreadable}
        )
