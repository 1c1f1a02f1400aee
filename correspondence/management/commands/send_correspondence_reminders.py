from django.core.management.base import BaseCommand

from correspondence.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mails each person the register items assigned to them whose reply is due within the "
        "reminder period or overdue; once a day per item. Cron: daily at 09:00."
    )

    def handle(self, *args, **options):
        named = send_reminders()
        self.stdout.write(f"Reminders sent for {named} item(s).")
