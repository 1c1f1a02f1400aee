"""The service listing: GET filters with counts, bad input, pagination, query counts."""

import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from services.factories import AudienceFactory, ServiceIndexPageFactory, ServicePageFactory
from services.models import SERVICES_PER_PAGE, ServiceKind
from tests.utils import make_site_tree, translate


def english_locale():
    return Locale.objects.get(language_code="en")


def titles(response):
    return re.findall(r'class="service-card__title"><a href="[^"]+">([^<]+)</a>', response)


class ServiceListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        homes = make_site_tree()
        cls.index = ServiceIndexPageFactory(parent=homes["ka"])
        cls.children = AudienceFactory(name="ბავშვები", slug="children")
        cls.older = AudienceFactory(name="ხანდაზმულები", slug="older-people")
        cls.benefit = ServicePageFactory(
            parent=cls.index,
            title="ბავშვის დახმარება",
            kind=ServiceKind.CASH_BENEFIT,
            audiences=[cls.children],
        )
        cls.foster = ServicePageFactory(
            parent=cls.index,
            title="მინდობით აღზრდა",
            kind=ServiceKind.PROGRAMME,
            audiences=[cls.children],
        )
        cls.pension = ServicePageFactory(
            parent=cls.index,
            title="სახელმწიფო პენსია",
            kind=ServiceKind.CASH_BENEFIT,
            audiences=[cls.older],
        )
        draft = ServicePageFactory(parent=cls.index, title="დაუმტკიცებელი", live=False)
        assert not draft.live

    def get(self, **params):
        response = self.client.get(self.index.url, params)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_lists_live_services_only(self):
        html = self.get()
        self.assertEqual(
            titles(html), ["ბავშვის დახმარება", "მინდობით აღზრდა", "სახელმწიფო პენსია"]
        )
        self.assertNotIn("დაუმტკიცებელი", html)

    def test_filter_by_audience(self):
        self.assertEqual(
            titles(self.get(audience="children")), ["ბავშვის დახმარება", "მინდობით აღზრდა"]
        )

    def test_filter_by_kind(self):
        self.assertEqual(
            titles(self.get(kind="cash_benefit")), ["ბავშვის დახმარება", "სახელმწიფო პენსია"]
        )

    def test_filters_combine_and_counts_follow_the_other_filter(self):
        html = self.get(audience="children", kind="cash_benefit")
        self.assertEqual(titles(html), ["ბავშვის დახმარება"])
        # Audience counts are within cash benefits; kind counts within children.
        self.assertIn('<option value="children" selected>ბავშვები (1)</option>', html)
        self.assertIn('<option value="older-people">ხანდაზმულები (1)</option>', html)
        self.assertRegex(html, r'<option value="programme">[^<]+ \(1\)</option>')
        self.assertRegex(html, r'<option value="cash_benefit" selected>[^<]+ \(1\)</option>')

    def test_unknown_filter_values_show_everything_with_a_message(self):
        with translation.override("en"):
            html = self.get(audience="martians", kind="<script>")
        self.assertEqual(len(titles(html)), 3)
        self.assertIn('role="status">', html)
        self.assertNotIn("<script>", html)

    def test_bad_page_numbers_show_the_first_page_with_a_message(self):
        for page in ["abc", "999", "-1", "1.5"]:
            html = self.get(page=page)
            self.assertEqual(len(titles(html)), 3, page)
            self.assertIn('class="notice"', html, page)

    def test_malformed_query_string_is_harmless(self):
        response = self.client.get(self.index.url + "?audience&audience=children&%zz=1&kind[]=x")
        self.assertEqual(response.status_code, 200)

    def test_audiences_of_another_language_are_not_offered(self):
        AudienceFactory(name="Children", slug="children-en", locale=english_locale())
        html = self.get(audience="children-en")
        self.assertEqual(len(titles(html)), 3)
        self.assertIn('class="notice"', html)
        self.assertNotIn("children-en", html)

    def test_translation_still_pointing_at_georgian_audiences_filters_in_english(self):
        english_children = self.children.copy_for_translation(english_locale())
        english_children.name = "Children"
        english_children.save()
        english_index = translate(self.index, english_locale(), title="Services")
        # As wagtail-localize leaves it: the relation copied, still to the Georgian audience.
        translate(self.benefit, english_locale(), title="Child benefit", slug="child-benefit")
        html = self.client.get(english_index.url, {"audience": "children"}).content.decode()
        self.assertEqual(titles(html), ["Child benefit"])
        self.assertIn('<span class="tag">Children</span>', html)
        self.assertIn('<option value="children" selected>Children (1)</option>', html)

    def test_a_card_shows_kind_summary_and_audiences_escaped(self):
        ServicePageFactory(
            parent=self.index,
            title="<b>ტესტი</b> & სხვა",
            summary="თანხა < 100 ლარი",
            kind=ServiceKind.PROGRAMME,
            audiences=[self.children, self.older],
        )
        html = self.get()
        card = html[html.index("&lt;b&gt;ტესტი&lt;/b&gt; &amp; სხვა") :]
        card = card[: card.index("</li>")]
        self.assertIn(f'<p class="service-card__kind">{ServiceKind.PROGRAMME.label}</p>', card)
        self.assertIn("<p>თანხა &lt; 100 ლარი</p>", card)
        self.assertIn(
            '<p class="service-card__audiences"><span class="visually-hidden">ვისთვის არის: </span>'
            '<span class="tag">ბავშვები</span> <span class="tag">ხანდაზმულები</span></p>',
            card,
        )
        self.assertNotIn("<b>", html)

    def test_english_listing_lists_english_services(self):
        english_index = translate(self.index, english_locale(), title="Services")
        translate(self.pension, english_locale(), title="State pension", slug="pension")
        response = self.client.get(english_index.url)
        self.assertEqual(titles(response.content.decode()), ["State pension"])


class ServiceListingQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        homes = make_site_tree()
        cls.index = ServiceIndexPageFactory(parent=homes["ka"])
        cls.audiences = [AudienceFactory(), AudienceFactory()]

    def add_services(self, count):
        for _ in range(count):
            ServicePageFactory(parent=self.index, audiences=self.audiences)

    def queries(self, **params):
        self.client.get(self.index.url, params)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(self.index.url, params)
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def test_query_count_is_the_same_for_10_and_100_services(self):
        self.add_services(10)
        with_10 = self.queries(), self.queries(audience=self.audiences[0].slug, kind="service")
        self.add_services(90)
        with_100 = self.queries(), self.queries(audience=self.audiences[0].slug, kind="service")
        self.assertEqual(with_10, with_100)
        html = self.client.get(self.index.url, {"page": 2}).content.decode()
        self.assertEqual(len(titles(html)), SERVICES_PER_PAGE)
