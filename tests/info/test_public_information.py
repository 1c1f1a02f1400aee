import datetime

from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from cms.models import ContentPage, HomePage
from info.factories import PublicInformationPageFactory
from info.models import PublicInformationPage
from media_archive.factories import ArchiveDocumentFactory
from tests.utils import make_site_tree


class PublicInformationPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_tree()["ka"]
        cls.document = ArchiveDocumentFactory(title="ბიუჯეტის ანგარიში")
        cls.section = PublicInformationPageFactory(
            parent=cls.home,
            title="საჯარო ინფორმაცია",
            documents=[
                (
                    "document",
                    {"document": cls.document, "title": "", "published": datetime.date(2026, 3, 5)},
                )
            ],
            last_updated=datetime.date(2026, 10, 1),
        )
        cls.child = PublicInformationPageFactory(parent=cls.section, title="ფინანსური ინფორმაცია")

    def test_where_it_can_be_created(self):
        self.assertAllowedParentPageTypes(
            PublicInformationPage, {HomePage, ContentPage, PublicInformationPage}
        )
        self.assertAllowedSubpageTypes(PublicInformationPage, {PublicInformationPage})

    def test_page_lists_documents_officer_and_sections(self):
        self.assertPageIsRenderable(self.section)
        with translation.override("ka"):
            html = self.client.get(self.section.url).content.decode()
        self.assertIn(f'href="{self.document.url}"', html)
        self.assertIn('<time datetime="2026-03-05">', html)
        self.assertIn("ნინო ბერიძე", html)
        self.assertIn('href="mailto:info@ssa.gov.ge"', html)
        self.assertIn('<time datetime="2026-10-01">', html)
        self.assertIn(self.child.url, html)
