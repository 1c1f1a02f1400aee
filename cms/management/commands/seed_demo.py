import os

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Builds the bilingual demo site (home, about, programme pages) and an admin account "
        "from the content in demo/. Safe to run again: it creates only what is missing. The "
        "admin password comes from ADMIN_PASSWORD, or is generated and printed once."
    )

    def handle(self, *args, **options):
        # Imported here, not at the top: demo/ sits above every app and is left out of the
        # production image, where this command must fail with a message, not break startup.
        try:
            from demo.seed import ADMIN_USERNAME, seed_demo_site
        except ModuleNotFoundError as error:
            if error.name != "demo" and not (error.name or "").startswith("demo."):
                raise
            raise CommandError(
                "The demo content (the demo/ folder at the repository root) is not here: "
                "seed_demo runs from a checkout of the repository, not from the production "
                "image, which leaves the demo out."
            ) from error
        report = seed_demo_site(admin_password=os.environ.get("ADMIN_PASSWORD") or None)
        if report.created_count:
            self.stdout.write(f"Demo content: created {report.created_count} items.")
            if options["verbosity"] >= 2:
                for item in report.created:
                    self.stdout.write(f"  + {item}")
        else:
            self.stdout.write("Demo content: everything was already there; nothing created.")
        if report.admin_password:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin account '{ADMIN_USERNAME}' created with password "
                    f"{report.admin_password} — shown only this once; change it after you log in."
                )
            )
