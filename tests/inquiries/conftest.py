import pytest

from inquiries.factories import CONSENT_EN, InquiryFormPageFactory
from tests.utils import translate


@pytest.fixture
def form_pages(home_pages):
    """The request form in Georgian and its English translation."""
    ka = InquiryFormPageFactory(parent=home_pages["ka"], slug="mimartva")
    en = translate(
        ka,
        home_pages["en"].locale,
        title="Contact the agency",
        slug="contact-form",
        consent_text=CONSENT_EN,
    )
    return {"ka": ka, "en": en}
