"""Goals in Chromium: a visitor follows a service page's link to matsne.gov.ge (the page's
script reports it with the server's signature), downloads a document and sends the request
form (both counted on the server); then an analyst (the Analysts group that setup_editorial
makes, not a superuser) reads the Goals report in the Georgian admin, beside the previous
period, with no WCAG 2.2 AA violation."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from analytics.models import GoalEvent
from analytics.rollups import build_rollups
from inquiries.factories import InquiryFormPageFactory
from media_archive.factories import ArchiveDocumentFactory
from press import roles
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from tests.analytics.conftest import BROWSER_AGENT
from tests.analytics.test_goals import MATSNE, inquiry
from tests.browser import axe_violations, requires_chromium
from tests.utils import make_site_tree

pytestmark = [requires_chromium, pytest.mark.browser]
PASSWORD = "analyst-password-1919"  # noqa: S105


def wait_for(page, condition, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        page.wait_for_timeout(100)
    return condition()


def test_goals_reached_by_a_visitor_are_read_by_an_analyst_in_georgian(
    transactional_db, live_server, browser
):
    homes = make_site_tree()
    service = ServicePageFactory(parent=ServiceIndexPageFactory(parent=homes["ka"]))
    document = ArchiveDocumentFactory(title="განაცხადის ფორმა")
    form_page = InquiryFormPageFactory(parent=homes["ka"], slug="mimartva")

    visitor = browser.new_context(user_agent=BROWSER_AGENT)
    page = visitor.new_page()
    page.set_default_timeout(30_000)
    # matsne.gov.ge is another host: answered in the browser, so the test reaches no one.
    page.route("https://matsne.gov.ge/**", lambda route: route.fulfill(body="<title>m</title>"))
    try:
        page.goto(live_server.url + service.url)
        with page.expect_request(lambda request: "/analytics/goal" in request.url):
            page.locator(f'a[href="{MATSNE}"]').click()
        assert wait_for(page, lambda: GoalEvent.objects.filter(kind="outbound").count() == 1)
    finally:
        visitor.close()
    server_side = Client(HTTP_USER_AGENT=BROWSER_AGENT)
    b"".join(server_side.get(document.url).streaming_content)
    assert server_side.post(form_page.url, inquiry()).status_code == 302
    assert GoalEvent.objects.count() == 3
    build_rollups(timezone.localdate(), timezone.localdate())

    roles.setup_editorial()
    analyst = get_user_model().objects.create_user(username="analyst", password=PASSWORD)
    analyst.groups.add(Group.objects.get(name=roles.ANALYSTS))
    assert not analyst.is_superuser
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    admin.set_default_timeout(30_000)
    try:
        admin.goto(f"{live_server.url}/admin/login/")
        admin.fill('input[name="username"]', "analyst")
        admin.fill('input[name="password"]', PASSWORD)
        admin.click('button[type="submit"]')
        admin.wait_for_url(f"{live_server.url}/admin/")
        admin.goto(f"{live_server.url}/admin/analytics/goals/?period=7d")
        assert admin.locator("html").get_attribute("lang") == "ka"
        body = admin.locator("body").inner_text()
        for text in (
            "მიზნები",
            "დოკუმენტის ჩამოტვირთვა",
            "გარე ბმული",
            "ფორმის გაგზავნა",
            "წინა პერიოდი",
            MATSNE,
            "განაცხადის ფორმა",
            form_page.url,
        ):
            assert text in body, text
        assert axe_violations(admin) == []
        # At 320 px nothing scrolls sideways but the table's own scroller.
        admin.set_viewport_size({"width": 320, "height": 800})
        admin.reload()
        assert admin.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
