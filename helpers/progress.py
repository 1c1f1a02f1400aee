"""The progress bar of long-running management commands: long work shows its progress in
the terminal, and only there unless asked, so logs and cron mail stay free of it."""

from django.utils.translation import gettext as _

PROGRESS_CHOICES = ("auto", "always", "never")


def add_progress_argument(parser):
    parser.add_argument(
        "--progress",
        choices=PROGRESS_CHOICES,
        default="auto",
        help=_("Show a progress bar (auto: only on a terminal)."),
    )


class ProgressBar:
    WIDTH = 30

    def __init__(self, stream, total, enabled):
        self.stream, self.total, self.enabled = stream, total, enabled

    @classmethod
    def for_command(cls, command, total, progress):
        """The bar on the command's stderr (Django's OutputWrapper); `progress` is the
        --progress choice."""
        stream = command.stderr
        enabled = progress == "always" or (progress == "auto" and stream.isatty())
        return cls(stream, total, enabled)

    def _write(self, text):
        # No line ending (the bar redraws itself with \r) and no error colour.
        self.stream.write(text, style_func=_as_it_is, ending="")
        self.stream.flush()

    def show(self, done, name):
        if not self.enabled or not self.total:
            return
        filled = self.WIDTH * done // self.total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self._write(f"\r[{bar}] {done}/{self.total} {name[:40]:<40}")

    def finish(self):
        """Ends the bar's line, so what is written next (a report, a warning in the middle
        of the run) starts on its own; the next `show` draws the bar again below it."""
        if self.enabled and self.total:
            self._write("\n")


def _as_it_is(text):
    return text
