"""Partners: a public page in both languages with each partner's news by tag; the contact
person never reaches the public; logos only from publishable archive images."""

import pytest
from django.core.exceptions import ValidationError

from media_archive.factories import ArchiveImageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from partners.factories import PartnerFactory, PartnersPageFactory
from tests.utils import translate


@pytest.fixture
def partners_pages(home_pages):
    ka = PartnersPageFactory(parent=home_pages["ka"], slug="partniorebi")
    en = translate(ka, home_pages["en"].locale, title="Partners", slug="partners")
    return {"ka": ka, "en": en}


def test_partners_page_lists_partners_with_their_news_but_not_their_contact(
    client, home_pages, partners_pages
):
    news_index = NewsIndexPageFactory(parent=home_pages["ka"])
    tagged = NewsPageFactory(parent=news_index, title="ახალი დღის ცენტრი UNICEF-თან ერთად")
    tagged.tags.add("unicef")
    tagged.save_revision().publish()
    NewsPageFactory(parent=news_index, title="სხვა სიახლე")
    draft = NewsPageFactory(parent=news_index, title="მონახაზი UNICEF", live=False)
    draft.tags.add("unicef")
    draft.save()
    logo = ArchiveImageFactory(title="UNICEF logo")
    PartnerFactory(
        name_ka="გაეროს ბავშვთა ფონდი",
        name_en="UNICEF Georgia",
        news_tag="unicef",
        logo=logo,
        contact_name="ანა კონფიდენციალური",
        contact_email="ana.private@unicef.example",
    )
    PartnerFactory(name_ka="დამალული", name_en="Hidden", is_active=False)

    page = client.get(partners_pages["ka"].url).content.decode()
    assert "გაეროს ბავშვთა ფონდი" in page and "ბავშვთა უფლებების" in page
    assert "ახალი დღის ცენტრი UNICEF-თან ერთად" in page
    assert "სხვა სიახლე" not in page and "მონახაზი UNICEF" not in page
    assert "ანა კონფიდენციალური" not in page and "ana.private" not in page
    assert "დამალული" not in page
    assert "<img" in page

    english = client.get(partners_pages["en"].url).content.decode()
    assert "UNICEF Georgia" in english and "Children&#x27;s rights" in english
    assert "International organisation" in english


@pytest.mark.django_db
def test_a_logo_that_may_not_be_published_is_refused():
    internal = ArchiveImageFactory(sensitivity="internal")
    partner = PartnerFactory.build(logo=internal)
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "logo" in error.value.message_dict
