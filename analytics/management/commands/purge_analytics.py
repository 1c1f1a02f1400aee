from django.core.management.base import BaseCommand, CommandError

from analytics import conf
from analytics.rollups import purge_raw_views


class Command(BaseCommand):
    help = (
        "Delete raw page views older than the retention period (ANALYTICS_RETENTION_DAYS, "
        "default 90) and expired salts; the daily rollups stay. "
        "Cron, daily: 30 3 * * * manage.py purge_analytics"
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep this many days instead.")

    def handle(self, *args, days=None, **options):
        days = conf.get("ANALYTICS_RETENTION_DAYS") if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        deleted = purge_raw_views(days)
        self.stdout.write(f"Deleted {deleted} page views older than {days} days.")
