"""The demo catalogue that `seed_demo` builds: every structured field of every service filled
in both languages, and the offices across the regions."""

import pytest

from demo.seed import SeedReport
from demo.steps import services as demo
from offices.models import OfficePage
from services.models import ServicePage

pytestmark = pytest.mark.django_db

STRUCTURED_FIELDS = [
    "summary",
    "eligibility",
    "what_you_get",
    "amounts",
    "documents_to_bring",
    "application_steps",
    "processing_time",
    "legal_basis",
    "related_services",
    "last_reviewed",
    "change_notes",
]


def test_demo_services_and_offices_in_both_languages(client, home_pages):
    demo.seed(SeedReport())
    for code in ("ka", "en"):
        services = ServicePage.objects.live().filter(locale__language_code=code)
        assert services.count() >= 12
        for service in services:
            empty = [name for name in STRUCTURED_FIELDS if not getattr(service, name)]
            assert empty == [], (code, service.title)
            assert service.audiences.exists(), service.title
            assert service.where_to_apply or service.where_to_apply_note, service.title
        offices = OfficePage.objects.live().filter(locale__language_code=code)
        assert offices.count() >= 10
        assert len(set(offices.values_list("region", flat=True))) >= 8
        assert all(office.opening_hours.exists() for office in offices)
        assert client.get(services.first().url).status_code == 200
    again = SeedReport()
    demo.seed(again)
    assert again.created == []
