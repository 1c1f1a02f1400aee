import pytest

from news.factories import NewsPageFactory
from services import factories as services_factories
from tests.utils import translate

pytestmark = pytest.mark.django_db


def test_related_services_are_shown_in_the_page_language_and_only_when_public(
    client, sections, home_pages, locales
):
    services = services_factories.ServiceIndexPageFactory(parent=home_pages["ka"])
    pension = services_factories.ServicePageFactory(parent=services, title="სახელმწიფო პენსია")
    draft = services_factories.ServicePageFactory(
        parent=services, title="მომზადების პროცესში", live=False
    )
    translate(services, locales["en"], title="Services", slug="services")
    translate(pension, locales["en"], title="State pension", slug="state-pension")
    news = NewsPageFactory(
        parent=sections["news_ka"],
        title="პენსია იზრდება",
        related_services=[("service", pension), ("service", draft)],
    )
    english = translate(news, locales["en"], title="Pensions rise", slug="pensions-rise")

    assert [page.title for page in news.visible_related_services()] == ["სახელმწიფო პენსია"]
    html = client.get(english.url).content.decode()
    assert 'href="/en/services/state-pension/"' in html
    assert "მომზადების პროცესში" not in html
