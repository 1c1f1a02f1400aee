import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ContentPage, HomePage
from media_archive.factories import ArchiveImageFactory
from news.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PressReleasePageFactory,
    tbilisi_datetime,
)
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressReleasePage
from tests.utils import make_site_tree


class NewsPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_tree()["ka"]
        cls.news_index = NewsIndexPageFactory(parent=cls.home)
        cls.event_index = EventIndexPageFactory(parent=cls.home)
        image = ArchiveImageFactory(title="სოციალური მუშაკი ოჯახთან")
        cls.news = NewsPageFactory(
            parent=cls.news_index,
            title="პენსია 1 იანვრიდან იზრდება",
            featured_image=image,
            tags=["პენსია"],
        )
        cls.press_release = PressReleasePageFactory(
            parent=cls.news_index,
            title="სააგენტოს განცხადება",
            release_type=PressReleasePage.ReleaseType.STATEMENT,
        )
        cls.event = EventPageFactory(
            parent=cls.event_index,
            title="პრესკონფერენცია",
            start=tbilisi_datetime(2026, 12, 3, 11, 0),
            end=tbilisi_datetime(2026, 12, 3, 12, 0),
            accreditation="<p>აკრედიტაცია: press@ssa.gov.ge</p>",
        )

    def test_where_each_page_type_lives(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage, PressReleasePage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(PressReleasePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertCanNotCreateAt(ContentPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, EventPage)

    def test_one_section_of_each_kind_per_home_page(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.home))
        self.assertFalse(EventIndexPage.can_create_at(self.home))

    def test_pages_render(self):
        for page in (self.news_index, self.news, self.press_release, self.event_index, self.event):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def _news_form_data(self, page, **extra):
        return nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "publication_date": "2026-05-12",
                "lead": "სააგენტო აცნობებს.",
                "body": streamfield([("paragraph", rich_text("<p>ტექსტი.</p>"))]),
                "tags": "პენსია, ინდექსაცია",
                "related_services": streamfield([]),
                **extra,
            }
        )

    def test_editor_can_save_a_news_item_with_tags(self):
        self.assertPageIsEditable(self.news, post_data=self._news_form_data(self.news))
        self.assertPageIsPreviewable(self.news, post_data=self._news_form_data(self.news))

    def test_editor_can_save_a_press_release(self):
        data = self._news_form_data(
            self.press_release,
            release_type="press_advisory",
            dateline_place="ქუთაისი",
            media_contact_name="ნინო ბერიძე",
            media_contact_phone="+995 32 200 00 00",
            media_contact_email="press@ssa.gov.ge",
            embargo_until="",
        )
        self.assertPageIsEditable(self.press_release, post_data=data)

    def test_editor_can_save_an_event(self):
        data = nested_form_data(
            {
                "title": self.event.title,
                "slug": self.event.slug,
                "event_type": "seminar",
                "place": "თბილისი",
                "start": "2026-12-03 11:00",
                "end": "2026-12-03 13:00",
                "lead": "",
                "accreditation": rich_text("<p>აკრედიტაცია.</p>"),
                "body": streamfield([]),
            }
        )
        self.assertPageIsEditable(self.event, post_data=data)


@pytest.mark.django_db
def test_an_event_cannot_end_before_it_starts():
    event = EventPage(
        title="სემინარი",
        start=tbilisi_datetime(2026, 12, 3, 11, 0),
        end=tbilisi_datetime(2026, 12, 3, 10, 0),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_press_release_page_shows_dateline_and_media_contact(client, sections):
    release = PressReleasePageFactory(
        parent=sections["news_ka"],
        title="მინდობით აღზრდის კვირეული",
        publication_date=datetime.date(2026, 3, 5),
        dateline_place="ბათუმი",
    )
    html = client.get(release.url).content.decode()
    assert "ბათუმი, ხუთშაბათი, 5 მარტი, 2026" in html
    assert 'href="mailto:press@ssa.gov.ge"' in html
    # The kind label: Georgian once the catalogue is compiled, the msgid before.
    assert re.search(r'class="news-kind">(პრესრელიზი|Press release)<', html)
