"""Demo for `seed_demo`: the request form in Georgian and English, and one request.
Looks before it creates."""

from django.conf import settings
from wagtail.models import Locale

from cms.models import HomePage
from inquiries.defaults import ensure_default_request_types
from inquiries.factories import CONSENT_EN, InquiryFactory, InquiryFormPageFactory, request_type
from inquiries.models import Inquiry, InquiryFormPage

SLUG = "mimartva"
ENGLISH = {
    "title": "Contact the agency",
    "slug": "contact-the-agency",
    "intro": "<p>Send us a question, a request for public information or a complaint.</p>",
    "consent_text": CONSENT_EN,
}


def seed(report):
    ensure_default_request_types()
    home = HomePage.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return
    form_page = InquiryFormPage.objects.filter(slug=SLUG).first()
    if form_page is None:
        form_page = InquiryFormPageFactory(parent=home, slug=SLUG, show_in_menus=False)
        report.created.append(f"ka: {form_page.title}")
    english = Locale.objects.filter(language_code="en").first()
    if english and form_page.get_translation_or_none(english) is None:
        translation = form_page.copy_for_translation(english)
        for name, value in ENGLISH.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        report.created.append(f"en: {translation.title}")
    if not Inquiry.objects.exists():
        InquiryFactory(
            request_type=request_type("public_information"),
            name="ნინო ბერიძე",
            email="nino.demo@example.ge",
            message="გთხოვთ, მომაწოდოთ 2025 წელს დანიშნული სოციალური დახმარების სტატისტიკა.",
        )
        report.created.append("inquiry: demo public-information request")
