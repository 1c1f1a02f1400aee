from django.core.management.base import BaseCommand

from inquiries.anonymise import anonymise_due


class Command(BaseCommand):
    help = (
        "Erases the personal data of citizens' requests closed longer ago than the period set "
        "in the admin (Settings → citizens' requests); type, dates and outcome stay for the "
        "statistics. Cron: daily."
    )

    def handle(self, *args, **options):
        count = anonymise_due()
        self.stdout.write(f"Anonymised {count} request(s).")
