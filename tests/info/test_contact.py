import pytest
from django.apps import apps
from wagtail.models import Site

from cms.models import SiteSettings
from info.factories import ContactPageFactory
from tests.utils import translate


@pytest.fixture
def contact(home_pages):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.hotline_phone = "1505"
    site_settings.contact_email = "info@ssa.gov.ge"
    site_settings.save()
    return ContactPageFactory(parent=home_pages["ka"])


def test_contact_page_shows_the_hotline_from_the_site_settings(client, contact):
    html = client.get(contact.url).content.decode()
    assert '<a class="contact-details__phone" href="tel:1505">1505</a>' in html
    assert 'href="mailto:info@ssa.gov.ge"' in html
    assert contact.address in html


def test_contact_page_links_to_the_offices_listing_in_its_language(
    client, contact, home_pages, locales
):
    from offices.factories import OfficeIndexPageFactory

    offices_ka = OfficeIndexPageFactory(parent=home_pages["ka"], title="ტერიტორიული ერთეულები")
    offices_en = translate(offices_ka, locales["en"], title="Offices", slug="offices")
    contact_en = translate(contact, locales["en"], title="Contact", slug="contact")
    assert f'href="{offices_ka.url}"' in client.get(contact.url).content.decode()
    assert f'href="{offices_en.url}"' in client.get(contact_en.url).content.decode()


def test_contact_page_works_without_the_offices_app(client, contact, monkeypatch):
    real_get_model = apps.get_model

    def without_offices(app_label, model_name=None, **kwargs):
        if app_label.startswith("offices"):
            raise LookupError(app_label)
        return real_get_model(app_label, model_name, **kwargs)

    monkeypatch.setattr(apps, "get_model", without_offices)
    assert contact.offices_index() is None
    response = client.get(contact.url)
    assert response.status_code == 200
    assert "1505" in response.content.decode()
