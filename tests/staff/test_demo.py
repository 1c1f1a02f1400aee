"""The demo staff section and information pages that `seed_demo` builds."""

import pytest

from demo.seed import SeedReport
from demo.steps import info as info_demo
from demo.steps import staff as staff_demo
from info.models import ContactPage, FAQPage, PublicInformationPage
from staff.models import CaseworkModulePage, StaffIndexPage

pytestmark = pytest.mark.django_db


def test_demo_staff_section_is_private_and_has_every_casework_area(client, home_pages):
    staff_demo.seed(SeedReport())
    for code in ("ka", "en"):
        index = StaffIndexPage.objects.live().get(locale__language_code=code)
        assert index.is_restricted_to_groups()
        modules = CaseworkModulePage.objects.live().filter(locale__language_code=code)
        # "Other" is the editors' catch-all, not an area of its own to demonstrate.
        named_areas = set(CaseworkModulePage.Area.values) - {CaseworkModulePage.Area.OTHER}
        assert set(modules.values_list("area", flat=True)) == named_areas
        for module in modules:
            assert module.procedure and module.document_templates, module.title
            assert module.casework_systems.exists(), module.title
        assert client.get(index.url).status_code == 302  # to the log-in page
    again = SeedReport()
    staff_demo.seed(again)
    assert again.created == []


def test_demo_faq_contact_and_public_information(client, home_pages):
    info_demo.seed(SeedReport())
    for model in (FAQPage, ContactPage, PublicInformationPage):
        for code in ("ka", "en"):
            pages = model.objects.live().filter(locale__language_code=code)
            assert pages.exists(), (model, code)
            for page in pages:
                assert client.get(page.url).status_code == 200, page.url
    faq = FAQPage.objects.get(locale__language_code="ka")
    assert len(faq.topics) >= 2
