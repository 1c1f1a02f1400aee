from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.factories import ContentPageFactory
from cms.models import ContentPage, HomePage
from info.factories import FAQPageFactory
from info.models import FAQPage
from tests.utils import make_site_tree


def _topic(title, *questions):
    return (
        "topic",
        {
            "title": title,
            "questions": [
                {"question": q, "answer": "<p>პასუხი</p>", "anchor": ""} for q in questions
            ],
        },
    )


class FAQPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_tree()["ka"]
        cls.page = FAQPageFactory(
            parent=cls.home,
            topics=[
                _topic("პენსია", "როდის ჩაირიცხება პენსია?", "როდის ჩაირიცხება პენსია?"),
                _topic("დახმარება", "როგორ მოვითხოვო დახმარება?"),
                _topic("კონტაქტი", "როდის მუშაობს ცხელი ხაზი?"),
            ],
        )

    def _anchors(self, page):
        return [q["anchor"] for block in page.topics for q in block.value["questions"]]

    def test_where_it_can_be_created(self):
        self.assertAllowedParentPageTypes(FAQPage, {HomePage, ContentPage})
        self.assertCanNotCreateAt(Page, FAQPage)
        self.assertAllowedSubpageTypes(FAQPage, set())

    def test_each_question_gets_a_unique_readable_anchor(self):
        page = FAQPage.objects.get(pk=self.page.pk)
        self.assertEqual(
            self._anchors(page),
            [
                "rodis-chairitskheba-pensia",
                "rodis-chairitskheba-pensia-2",
                "rogor-movitkhovo-dakhmareba",
                "rodis-mushaobs-tskheli-khazi",
            ],
        )

    def test_rewording_a_question_keeps_its_anchor(self):
        page = FAQPage.objects.get(pk=self.page.pk)
        page.topics[0].value["questions"][0]["question"] = "რა დღეს ირიცხება პენსია?"
        page.save_revision().publish()
        page = FAQPage.objects.get(pk=self.page.pk)
        self.assertEqual(self._anchors(page)[0], "rodis-chairitskheba-pensia")

    def test_questions_are_linkable_and_topics_listed_on_the_page(self):
        self.assertPageIsRenderable(self.page)
        html = self.client.get(self.page.url).content.decode()
        self.assertIn(
            '<h3 id="rogor-movitkhovo-dakhmareba"><a class="faq-question__link" '
            'href="#rogor-movitkhovo-dakhmareba">როგორ მოვითხოვო დახმარება?</a></h3>',
            html,
        )
        self.assertIn('<h2 id="topic-pensia">პენსია</h2>', html)
        # "On this page" lists the three topics.
        self.assertIn('<li><a href="#topic-dakhmareba">დახმარება</a></li>', html)

    def test_short_faq_has_no_contents_list(self):
        parent = ContentPageFactory(parent=self.home, title="განყოფილება")
        short = FAQPageFactory(parent=parent, topics=[_topic("პენსია", "რა?")])
        html = self.client.get(short.url).content.decode()
        self.assertNotIn("page-contents", html)
