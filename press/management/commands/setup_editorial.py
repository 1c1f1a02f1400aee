from django.core.management.base import BaseCommand

from press.roles import ROLES, setup_editorial


class Command(BaseCommand):
    help = (
        "Creates or updates the editorial roles (Wagtail groups with their page and "
        "collection permissions) and the review workflows. Safe to run again."
    )

    def handle(self, *args, **options):
        setup_editorial()
        self.stdout.write(f"Roles and workflows are in place ({len(ROLES)} roles).")
