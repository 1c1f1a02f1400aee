import datetime
import re
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from cms.models import ContentPage, HomePage
from helpers import dates
from offices.factories import (
    OfficeHoursExceptionFactory,
    OfficeIndexPageFactory,
    OfficePageFactory,
)
from offices.models import OfficeIndexPage, OfficeOpeningHours, OfficePage, Region
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from tests.utils import make_site_tree

# Tuesday 2026-11-24, 10:00 in Tbilisi: the day after Saint George's Day.
TUESDAY_MORNING = datetime.datetime(2026, 11, 24, 10, tzinfo=dates.TBILISI)


class OfficePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_tree()["ka"]
        cls.index = OfficeIndexPageFactory(parent=cls.home)
        services = ServiceIndexPageFactory(parent=cls.home)
        cls.service = ServicePageFactory(parent=services, title="სახელმწიფო პენსია")
        cls.kutaisi = OfficePageFactory(
            parent=cls.index,
            title="ქუთაისის ტერიტორიული ერთეული",
            region=Region.IMERETI,
            services_offered=[("service", cls.service)],
        )
        OfficeHoursExceptionFactory(
            office=cls.kutaisi, date=datetime.date(2026, 11, 26), note="ინვენტარიზაცია"
        )
        cls.batumi = OfficePageFactory(
            parent=cls.index, title="ბათუმის ტერიტორიული ერთეული", region=Region.ADJARA
        )
        cls.tbilisi = OfficePageFactory(
            parent=cls.index,
            title="თბილისის ტერიტორიული ერთეული",
            region=Region.TBILISI,
            latitude=None,
            longitude=None,
        )

    def test_where_pages_can_be_created(self):
        self.assertAllowedParentPageTypes(OfficeIndexPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(OfficeIndexPage, {OfficePage})
        self.assertCanCreateAt(HomePage, OfficeIndexPage)
        self.assertCanCreateAt(OfficeIndexPage, OfficePage)
        self.assertCanNotCreateAt(HomePage, OfficePage)

    def test_pages_render(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.kutaisi)

    def test_listing_is_grouped_by_region_in_the_regions_order(self):
        with translation.override("en"):
            regions = [str(label) for label, _offices in self.index.offices_by_region()]
        self.assertEqual(regions, ["Tbilisi", "Autonomous Republic of Adjara", "Imereti"])
        html = self.client.get(self.index.url).content.decode()
        headings = re.findall(r'<h2 id="region-\d+">', html)
        self.assertEqual(len(headings), 3)

    def test_openstreetmap_is_a_plain_link_and_only_with_coordinates(self):
        self.assertEqual(
            self.kutaisi.openstreetmap_url,
            "https://www.openstreetmap.org/?mlat=41.715137&mlon=44.789306"
            "#map=17/41.715137/44.789306",
        )
        self.assertEqual(self.tbilisi.openstreetmap_url, "")
        html = self.client.get(self.kutaisi.url).content.decode()
        self.assertIn('href="https://www.openstreetmap.org/?mlat=', html)
        self.assertNotRegex(html, r"<script[^>]+src=")
        self.assertNotIn("<iframe", html)

    def test_office_page_shows_status_hours_closures_and_services(self):
        with (
            mock.patch("helpers.dates.tbilisi_now", return_value=TUESDAY_MORNING),
            translation.override("en"),
        ):
            html = self.client.get(self.kutaisi.url).content.decode()
        self.assertIn("opening-status--open", html)
        self.assertIn("ინვენტარიზაცია", html)  # the dated exception
        self.assertIn('datetime="2026-11-26"', html)
        self.assertIn(self.service.url, html)
        self.assertIn("09:00–18:00", html)

    def test_upcoming_changes_include_holidays_on_working_days_only(self):
        with translation.override("en"):
            changes = self.kutaisi.upcoming_changes(TUESDAY_MORNING)
        days = [change.day for change in changes]
        self.assertIn(datetime.date(2026, 11, 26), days)  # exception
        self.assertIn(datetime.date(2027, 1, 1), days)  # New Year, a Friday
        self.assertNotIn(datetime.date(2027, 1, 2), days)  # a Saturday: closed anyway
        self.assertNotIn(datetime.date(2026, 11, 23), days)  # already past

    def test_admin_can_open_the_editors(self):
        admin = get_user_model().objects.create_superuser("editor", "e@ssa.gov.ge", "pw")
        self.client.force_login(admin)
        for url in [
            reverse("wagtailadmin_pages:edit", args=[self.kutaisi.pk]),
            reverse("wagtailadmin_pages:edit", args=[self.service.pk]),
            reverse("wagtailsnippets_services_audience:list"),
            reverse("wagtailsnippets_services_audience:add"),
        ]:
            self.assertEqual(self.client.get(url).status_code, 200, url)


class OpeningHoursValidationTests(TestCase):
    def test_closing_must_follow_opening(self):
        row = OfficeOpeningHours(weekday=0, opens=datetime.time(18), closes=datetime.time(9))
        with self.assertRaises(ValidationError):
            row.clean()

    def test_special_hours_need_both_times(self):
        exception = OfficeHoursExceptionFactory.build(closed=False, opens=datetime.time(10))
        with self.assertRaises(ValidationError):
            exception.clean()


class OfficeListingQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = OfficeIndexPageFactory(parent=make_site_tree()["ka"])

    def add_offices(self, count):
        regions = Region.values
        for number in range(count):
            office = OfficePageFactory(parent=self.index, region=regions[number % len(regions)])
            OfficeHoursExceptionFactory(office=office, date=datetime.date(2026, 12, 30))

    def queries(self):
        self.client.get(self.index.url)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(self.index.url)
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def test_query_count_is_the_same_for_10_and_100_offices(self):
        self.add_offices(10)
        with_10 = self.queries()
        self.add_offices(90)
        self.assertEqual(self.queries(), with_10)
        self.assertEqual(self.client.get(self.index.url).content.count(b'class="office-card"'), 100)
