"""Demo for `seed_demo`: the partners page in both languages and two partners."""

from django.conf import settings
from wagtail.models import Locale

from cms.models import HomePage
from partners.factories import PartnerFactory, PartnersPageFactory
from partners.models import Partner, PartnerKind, PartnersPage

SLUG = "partniorebi"


def seed(report):
    home = HomePage.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return
    page = PartnersPage.objects.filter(slug=SLUG).first()
    if page is None:
        page = PartnersPageFactory(parent=home, slug=SLUG)
        report.created.append(f"ka: {page.title}")
    english = Locale.objects.filter(language_code="en").first()
    if english and page.get_translation_or_none(english) is None:
        translation = page.copy_for_translation(english)
        translation.title, translation.slug = "Partners", "partners"
        translation.intro = "Organisations the agency works with."
        translation.save_revision().publish()
        report.created.append(f"en: {translation.title}")
    if not Partner.objects.exists():
        PartnerFactory(name_ka="გაეროს ბავშვთა ფონდი", name_en="UNICEF Georgia", news_tag="unicef")
        PartnerFactory(
            name_ka="ორგანიზაცია „ბავშვები პირველ რიგში“",
            name_en="Children First",
            kind=PartnerKind.NGO,
            description_ka="ბავშვთა დაცვის არასამთავრობო ორგანიზაცია.",
            description_en="A child protection NGO.",
            website="https://example.org/children-first",
        )
        report.created.append("partners: 2 demo partners")
