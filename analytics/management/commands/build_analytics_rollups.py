import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date

from analytics import buffer
from analytics.rollups import build_rollups


class Command(BaseCommand):
    help = (
        "Rebuild the daily analytics rollups (default: yesterday and today). "
        "Cron, hourly: 5 * * * * manage.py build_analytics_rollups"
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", help="First day to rebuild, YYYY-MM-DD.")
        parser.add_argument("--until", help="Last day to rebuild, YYYY-MM-DD (default today).")
        parser.add_argument("--days", type=int, default=2, help="Days back from --until.")

    def handle(self, *args, since=None, until=None, days=2, **options):
        end = _day(until, "--until") if until else timezone.localdate()
        start = _day(since, "--since") if since else end - datetime.timedelta(days=max(days, 1) - 1)
        if start > end:
            raise CommandError("--since is after --until.")
        # Views still waiting in this process's buffer (or in Redis) belong in the figures.
        flushed = buffer.flush()
        written = build_rollups(start, end)
        self.stdout.write(
            f"Rollups for {start} – {end}: {written} rows (flushed {flushed} buffered views)."
        )


def _day(text, option):
    try:
        day = parse_date(text)
    except ValueError:
        day = None
    if day is None:
        raise CommandError(f"{option} must be a date as YYYY-MM-DD, not {text!r}.")
    return day
