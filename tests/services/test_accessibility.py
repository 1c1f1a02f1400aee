"""axe-core over the services and offices page types in both languages, on a phone-sized
viewport, and no request to another host from any of them."""

import pytest
from wagtail.models import Locale

from offices.factories import OfficeHoursExceptionFactory, OfficeIndexPageFactory, OfficePageFactory
from services.factories import AudienceFactory, ServiceIndexPageFactory, ServicePageFactory
from tests.browser import axe_violations, requires_chromium
from tests.utils import make_site_tree, translate

pytestmark = [requires_chromium, pytest.mark.browser]


def build_pages():
    """Both languages of each page type, linked to one another as editors would."""
    homes = make_site_tree()
    english = Locale.objects.get(language_code="en")
    offices = OfficeIndexPageFactory(parent=homes["ka"], title="ტერიტორიული ერთეულები")
    office = OfficePageFactory(parent=offices, title="ქუთაისის ტერიტორიული ერთეული")
    OfficeHoursExceptionFactory(office=office)
    services = ServiceIndexPageFactory(parent=homes["ka"])
    children = AudienceFactory(name="ბავშვები", slug="children")
    related = ServicePageFactory(parent=services, title="მინდობით აღზრდა")
    service = ServicePageFactory(
        parent=services,
        title="ბავშვის ფულადი დახმარება",
        audiences=[children],
        where_to_apply=[("office", office)],
        related_services=[("service", related)],
    )
    pages = [offices, office, services, service]
    english_pages = [
        translate(offices, english, title="Territorial offices", slug="offices"),
        translate(office, english, title="Kutaisi office", slug="kutaisi"),
        translate(services, english, title="Services", slug="services"),
        translate(service, english, title="Child benefit", slug="child-benefit"),
    ]
    return [page.url for page in pages + english_pages] + [
        services.url + "?audience=nobody&kind=x&page=9"
    ]


def test_service_and_office_pages_pass_axe(transactional_db, live_server, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    for path in build_pages():
        browser_page.goto(live_server.url + path)
        assert axe_violations(browser_page) == [], path
    assert [url for url in requested if not url.startswith(live_server.url)] == []
