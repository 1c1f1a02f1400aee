from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.factories import ContentPageFactory
from cms.models import ContentPage, HomePage
from tests.utils import make_site_tree, translate


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_tree()["ka"]
        cls.page = ContentPageFactory(
            parent=cls.home,
            title="სახელმწიფო პენსია",
            intro="სახელმწიფო პენსია ეკუთვნის საპენსიო ასაკს მიღწეულ პირებს.",
            body__0__heading__text="ვის ეკუთვნის",
            body__1__paragraph__value="<p>ყველა მოქალაქეს.</p>",
            body__2__call_out__title="ცხელი ხაზი",
            body__3__embed__title="ვიდეო",
        )

    def test_home_page_only_under_the_tree_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ContentPage, HomePage)

    def test_content_page_under_home_and_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(Page, ContentPage)

    def test_pages_render(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(self.page)

    def _form_data(self, page):
        home_fields = {"top_tasks": streamfield([])} if isinstance(page, HomePage) else {}
        return nested_form_data(
            {
                **home_fields,
                "title": page.title,
                "slug": page.slug,
                "intro": page.intro,
                "body": streamfield(
                    [
                        ("heading", {"text": "ვის ეკუთვნის", "level": "h2"}),
                        ("paragraph", rich_text("<p>ყველა მოქალაქეს.</p>")),
                    ]
                ),
            }
        )

    def test_pages_preview(self):
        self.assertPageIsPreviewable(self.home, post_data=self._form_data(self.home))
        self.assertPageIsPreviewable(self.page, post_data=self._form_data(self.page))

    def test_editor_can_open_and_save_both_page_types(self):
        self.assertPageIsEditable(self.home, post_data=self._form_data(self.home))
        self.assertPageIsEditable(self.page, post_data=self._form_data(self.page))


def test_content_page_shows_its_blocks(client, home_pages):
    page = ContentPageFactory(
        parent=home_pages["ka"],
        title="საარსებო შემწეობა",
        body__0__heading__text="როგორ მივმართოთ",
        body__1__call_out__title="ცხელი ხაზი",
        body__2__embed__title="სააგენტოს ვიდეოები",
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="rogor-mivmartot">როგორ მივმართოთ</h2>' in html
    assert 'class="call-out call-out--info"' in html
    # An embed is a link, not an iframe: no third-party request on page load.
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/@ssagovge"' in html


def test_page_lang_attribute_follows_the_locale(client, home_pages, locales):
    page = ContentPageFactory(parent=home_pages["ka"], title="კონტაქტი")
    english = translate(page, locales["en"], title="Contact", slug="contact")
    assert '<html lang="ka"' in client.get("/ka/kontakti/").content.decode()
    assert '<html lang="en"' in client.get(english.url).content.decode()
