from django.core.management.base import BaseCommand, CommandError

from analytics import conf
from analytics.rollups import purge_raw_views, purge_search_terms, scrub_stored_text


class Command(BaseCommand):
    help = (
        "Delete raw page views older than ANALYTICS_RETENTION_DAYS (default 90), logged "
        "searches and search-term rollups older than ANALYTICS_SEARCH_RETENTION_DAYS "
        "(default 395), and expired salts; replace any personal data still stored in free "
        "text. The other daily rollups stay. Cron, daily: 30 3 * * * manage.py purge_analytics"
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep this many days of raw views.")
        parser.add_argument("--search-days", type=int, help="Keep this many days of search terms.")

    def handle(self, *args, days=None, search_days=None, **options):
        days = conf.get("ANALYTICS_RETENTION_DAYS") if days is None else days
        if search_days is None:
            search_days = conf.get("ANALYTICS_SEARCH_RETENTION_DAYS")
        if days < 1 or search_days < 1:
            raise CommandError("--days and --search-days must be at least 1.")
        deleted = purge_raw_views(days)
        searches, rollups = purge_search_terms(search_days)
        scrubbed = scrub_stored_text()
        self.stdout.write(f"Deleted {deleted} page views older than {days} days.")
        self.stdout.write(
            f"Deleted {searches} logged searches and {rollups} search-term rollups older "
            f"than {search_days} days."
        )
        self.stdout.write(f"Removed personal data from {scrubbed} stored rows.")
