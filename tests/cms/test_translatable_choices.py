"""A page's editor offers translatable snippets (the service's audiences) in the page's own
language only, and keeps what a translation copied from its source."""

from bs4 import BeautifulSoup
from django.urls import reverse

from press import roles
from services.factories import AudienceFactory, ServiceIndexPageFactory, ServicePageFactory
from tests.press.conftest import staff_user
from tests.utils import translate


def offered_audiences(client, url):
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return {
        " ".join(box.find_parent("label").get_text(" ").split()): box.has_attr("checked")
        for box in soup.select("input[name='audiences']")
    }


def test_service_editor_offers_audiences_in_the_pages_language(client, home_pages, locales):
    pensioners = AudienceFactory(name="პენსიონერები", slug="pensionerebi")
    pensioners_en = pensioners.copy_for_translation(locales["en"])
    pensioners_en.name, pensioners_en.slug = "Pensioners", "pensioners"
    pensioners_en.save()
    AudienceFactory(name="Families", slug="families", locale=locales["en"])
    section = ServiceIndexPageFactory(parent=home_pages["ka"])
    service = ServicePageFactory(parent=section)
    service.audiences.set([pensioners])
    service.save_revision().publish()
    translate(section, locales["en"], title="Services", slug="services")
    roles.setup_editorial()
    client.force_login(staff_user("web-editor", roles.WEB_EDITORS))

    assert offered_audiences(client, reverse("wagtailadmin_pages:edit", args=[service.pk])) == {
        "პენსიონერები": True
    }
    add = reverse("wagtailadmin_pages:add", args=["services", "servicepage", section.pk])
    assert offered_audiences(client, add) == {"პენსიონერები": False}

    # The English translation copied the Georgian audience: shown, ticked, as its English
    # version.
    english = translate(service, locales["en"], title="Pension", slug="pension")
    assert list(english.audiences.all()) == [pensioners]
    assert offered_audiences(client, reverse("wagtailadmin_pages:edit", args=[english.pk])) == {
        "Pensioners": True,
        "Families": False,
    }
