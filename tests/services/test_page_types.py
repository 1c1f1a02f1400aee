import datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site
from wagtail.test.utils import WagtailPageTestCase

from cms.factories import ContentPageFactory
from cms.models import ContentPage, HomePage, SiteSettings
from media_archive.factories import ArchiveImageFactory
from media_archive.renditions import make_public_renditions
from navigation.models import Menu, MenuItem
from offices.factories import OfficeIndexPageFactory, OfficePageFactory
from services.blocks import validate_matsne_url
from services.factories import AudienceFactory, ServiceIndexPageFactory, ServicePageFactory
from services.models import ServiceIndexPage, ServicePage
from staff.access import restrict_to_staff
from staff.factories import StaffIndexPageFactory
from tests.utils import make_site_tree, translate

# Audiences, offices where to apply, related services, view restrictions: one query each.
SERVICE_PAGE_OWN_QUERIES = 4


class ServicePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_tree()["ka"]
        cls.index = ServiceIndexPageFactory(parent=cls.home)
        offices = OfficeIndexPageFactory(parent=cls.home)
        cls.office = OfficePageFactory(parent=offices, title="ქუთაისის ტერიტორიული ერთეული")
        cls.children = AudienceFactory(name="ბავშვები", slug="children")
        cls.related = ServicePageFactory(parent=cls.index, title="ბავშვის ფულადი დახმარება")
        cls.service = ServicePageFactory(
            parent=cls.index,
            title="საარსებო შემწეობა",
            audiences=[cls.children],
            where_to_apply=[("office", cls.office)],
            related_services=[("service", cls.related)],
            change_notes=[
                ("change", {"date": datetime.date(2025, 7, 1), "text": "ძველი ცვლილება"}),
                ("change", {"date": datetime.date(2026, 2, 1), "text": "ახალი ცვლილება"}),
            ],
        )

    def test_where_pages_can_be_created(self):
        self.assertAllowedParentPageTypes(ServiceIndexPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ServiceIndexPage, {ServicePage})
        self.assertCanCreateAt(HomePage, ServiceIndexPage)
        self.assertCanCreateAt(ServiceIndexPage, ServicePage)
        self.assertCanNotCreateAt(HomePage, ServicePage)
        self.assertAllowedSubpageTypes(ServicePage, set())

    def test_pages_render(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.service)

    def test_service_page_shows_every_structured_field(self):
        html = self.client.get(self.service.url).content.decode()
        for text in [
            "საარსებო შემწეობა",
            "ბავშვები",  # audience
            "საქართველოს მოქალაქე",  # eligibility
            "315 ₾",  # amount
            "პირადობის მოწმობა",  # document to bring
            "მიმართეთ ტერიტორიულ ერთეულს",  # step
            self.office.url,  # where to apply → the office page
            "10 სამუშაო დღე",  # processing time
            "https://matsne.gov.ge/ka/document/view/21698",  # legal basis
            self.related.url,  # related service
            'datetime="2026-01-15"',  # last reviewed
        ]:
            self.assertIn(text, html)
        # Change notes newest first.
        self.assertLess(html.index("ახალი ცვლილება"), html.index("ძველი ცვლილება"))

    def test_a_preview_shows_the_drafts_links_and_never_keeps_them(self):
        """The links a page shows are kept in the layout cache for visitors; a preview of a
        draft that links elsewhere shows the draft's links, and visitors still get the live
        page's."""
        self.client.get(self.service.url)  # the live page's links are now kept
        draft = ServicePage.objects.get(pk=self.service.pk)
        draft.related_services = []
        request = RequestFactory().get(self.service.url)
        request.is_preview = True
        self.assertEqual(draft.links_shown(request).related, [])
        html = self.client.get(self.service.url).content.decode()
        self.assertIn(self.related.url, html)

    def test_unpublished_links_are_left_out(self):
        self.office.unpublish()
        html = self.client.get(self.service.url).content.decode()
        self.assertNotIn("ქუთაისის ტერიტორიული ერთეული", html)

    def test_links_to_restricted_pages_are_left_out(self):
        PageViewRestriction.objects.create(page=self.related, restriction_type="login")
        html = self.client.get(self.service.url).content.decode()
        self.assertNotIn(self.related.title, html)
        self.assertIn(self.office.title, html)

    def _queries(self, url):
        self.client.get(url)  # warm the caches, as on any running server
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_service_page_queries_do_not_grow_with_its_links(self):
        """The page's own part of the SQL: a fixed handful of queries beyond the shared
        layout that a plain content page at the same depth also pays, whatever the number
        of audiences, offices and related services."""
        section = ContentPageFactory(parent=self.home, title="განყოფილება")
        baseline = self._queries(ContentPageFactory(parent=section).url)
        bare = ServicePageFactory(parent=self.index, title="ცარიელი მომსახურება")
        own_when_bare = self._queries(bare.url) - baseline
        own_when_linked = self._queries(self.service.url) - baseline
        self.assertLessEqual(own_when_linked, SERVICE_PAGE_OWN_QUERIES, (baseline, own_when_bare))
        more = ServicePageFactory(
            parent=self.index,
            audiences=[AudienceFactory(), AudienceFactory(), self.children],
            where_to_apply=[("office", self.office)] * 3,
            related_services=[("service", self.related), ("service", bare)],
        )
        self.assertEqual(self._queries(more.url) - baseline, own_when_linked)
        self.assertLessEqual(own_when_bare, own_when_linked)


class ServicePageQueryBudgetTests(TestCase):
    """At most 10 queries for a whole service page, layout included, for an anonymous
    visitor once the site has served one request since the last edit (that first request
    fills the layout cache: menus, language links, breadcrumbs, site settings, the share
    image, the list of private sections; cms.layout_cache). On a cold cache the page costs
    more, about 25 queries."""

    @classmethod
    def setUpTestData(cls):
        homes = make_site_tree()
        locales = {code: home.locale for code, home in homes.items()}
        index = ServiceIndexPageFactory(parent=homes["ka"])
        offices_index = OfficeIndexPageFactory(parent=homes["ka"])
        offices = [OfficePageFactory(parent=offices_index) for _ in range(5)]
        related = [ServicePageFactory(parent=index) for _ in range(5)]
        cls.service = ServicePageFactory(
            parent=index,
            audiences=[AudienceFactory() for _ in range(4)],
            where_to_apply=[("office", office) for office in offices],
            related_services=[("service", page) for page in related],
        )
        index_en = translate(index, locales["en"], title="Services", slug="services")
        cls.service_en = translate(cls.service, locales["en"], title="Pension", slug="pension")
        # A private staff section, so the privacy checks have something to find.
        staff = StaffIndexPageFactory(parent=homes["ka"])
        restrict_to_staff(PageViewRestriction, page=staff)
        for code, targets in {
            "ka": [index, offices_index, *related, staff],
            "en": [index_en],
        }.items():
            for slot in ("main", "footer"):
                menu = Menu(slot=slot, locale=locales[code])
                menu.items = [
                    MenuItem(link_page=page, sort_order=n) for n, page in enumerate(targets)
                ]
                menu.save()
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.share_image = ArchiveImageFactory()
        site_settings.footer_text_ka = "ქვედა ტექსტი"
        site_settings.save()
        # Its share card as the worker leaves it: no visitor's request makes one.
        make_public_renditions.call(site_settings.share_image_id)

    def _queries(self, url):
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return queries

    def test_a_service_page_costs_at_most_ten_queries(self):
        for page in (self.service, self.service_en):
            with self.subTest(page.url):
                queries = self._queries(page.url)
                sql = "\n".join(query["sql"][:120] for query in queries)
                self.assertLessEqual(len(queries), 10, sql)

    def test_the_layout_is_complete_when_served_from_the_cache(self):
        self.client.get(self.service.url)
        html = self.client.get(self.service.url).content.decode()
        self.assertIn('<nav class="main-nav"', html)
        self.assertIn('<nav class="footer-nav"', html)
        self.assertIn('<nav class="breadcrumbs"', html)
        self.assertIn(f'hreflang="en" href="http://testserver{self.service_en.url}"', html)
        self.assertIn('property="og:image" content="http://testserver/media/images/', html)
        self.assertIn("ქვედა ტექსტი", html)
        self.assertNotIn(StaffIndexPageFactory.title, html)


class LegalBasisTests(TestCase):
    def test_only_matsne_links_are_accepted(self):
        validate_matsne_url("https://matsne.gov.ge/ka/document/view/21698")
        validate_matsne_url("https://www.matsne.gov.ge/en/document/view/21698")
        for url in ["https://example.com/law", "https://matsne.gov.ge.example.com/x"]:
            with self.assertRaises(ValidationError):
                validate_matsne_url(url)
