from django.core.management.base import BaseCommand

from monitoring.feeds import import_feeds


class Command(BaseCommand):
    help = (
        "Reads the RSS/Atom feed of every active outlet that has one and logs the items naming "
        "the agency as mentions (once per link). Cron: hourly."
    )

    def handle(self, *args, **options):
        result = import_feeds()
        self.stdout.write(f"Imported {result.created} mention(s).")
        for outlet, message in result.errors.items():
            self.stderr.write(f"{outlet}: {message}")
