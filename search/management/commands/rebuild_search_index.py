"""Create the search index (Elasticsearch or the database one) and fill it again, with a
progress bar per model: what Wagtail's update_index does, with the count shown."""

from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as RebuildCommand,
)

BAR_WIDTH = 30


class Command(RebuildCommand):
    help = "Rebuild the site search index, showing the progress of every model."

    def queryset_chunks(self, qs, chunk_size=1000):
        self._total = qs.count()
        self._done = 0
        for chunk in super().queryset_chunks(qs, chunk_size):
            self._done += len(chunk)
            yield chunk

    def print_iter_progress(self, iterable):
        self._total, self._done = 0, 0
        for value in iterable:
            yield value
            self._draw_bar()
        if not self._total:
            self._draw_bar()

    def _draw_bar(self):
        total, done = self._total, self._done
        share = done / total if total else 1.0
        filled = round(BAR_WIDTH * share)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.write(f"\r[{bar}] {share:4.0%} {done}/{total}", ending="")
        self.stdout.flush()
