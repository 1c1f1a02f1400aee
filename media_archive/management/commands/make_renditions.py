"""Make the renditions the public site uses of every archive image that still lacks them.

    manage.py make_renditions [--queue]

New images get theirs from a background task after they are stored; run this once after
upgrading to a version with migration `media_archive 0006` (images stored before have no
such task), or after a worker was down for long. Without `--queue` the work is done here,
with a progress bar; with it, the tasks go to the worker's queue. Running it again makes
nothing that exists.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from helpers.progress import ProgressBar, add_progress_argument
from media_archive import renditions
from media_archive.models import ArchiveImage


class Command(BaseCommand):
    help = _("Make the public pictures of every archive image that lacks them.")

    def add_arguments(self, parser):
        add_progress_argument(parser)
        parser.add_argument(
            "--queue",
            action="store_true",
            help=_("Leave the work to the background worker instead of doing it here."),
        )

    def handle(self, *args, progress, queue, **options):
        # Every image: one shown on a page since may lack the page sizes even when ready.
        waiting = list(ArchiveImage.objects.order_by("pk").values_list("pk", "title"))
        if queue:
            for pk, _title in waiting:
                renditions.make_public_renditions.enqueue(pk)
            self.stdout.write(_("%(count)s images queued.") % {"count": len(waiting)})
            return
        bar = ProgressBar.for_command(self, len(waiting), progress)
        made = 0
        for done, (pk, title) in enumerate(waiting):
            bar.show(done, title)
            made += renditions.make_public_renditions.call(pk)
        bar.show(len(waiting), "")
        bar.finish()
        ready, total = renditions.progress()
        self.stdout.write(
            _("%(made)s pictures made; %(ready)s of %(total)s images ready.")
            % {"made": made, "ready": ready, "total": total}
        )
