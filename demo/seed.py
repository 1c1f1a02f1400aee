"""Builds the bilingual demo site. Every step looks before it creates, so a second run
creates nothing new. `manage.py seed_demo` runs it; the tests' `demo_site` fixture too."""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from demo.steps import (
    analytics,
    cms,
    correspondence,
    info,
    inquiries,
    media_archive,
    monitoring,
    navigation,
    news,
    offices,
    partners,
    press,
    search,
    services,
    staff,
)

ADMIN_USERNAME = "admin"

# The core pages first; then each app's content in the order of INSTALLED_APPS, in which
# the steps were written: news links the services, the menus link what came before them.
# Analytics last: its demo views and goals are of the pages, documents and forms that every
# other step made.
STEPS = [
    cms,
    services,
    offices,
    news,
    info,
    staff,
    navigation,
    media_archive,
    search,
    inquiries,
    correspondence,
    monitoring,
    partners,
    press,
    analytics,
]


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None

    @property
    def created_count(self):
        return len(self.created)


def ensure_admin(report, password=None):
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    User.objects.create_superuser(ADMIN_USERNAME, "admin@ssa.gov.ge", password)
    report.created.append(f"user: {ADMIN_USERNAME}")
    if generated:
        report.admin_password = password


@transaction.atomic
def seed_demo_site(admin_password=None):
    report = SeedReport()
    for step in STEPS:
        step.seed(report)
    ensure_admin(report, admin_password)
    return report
