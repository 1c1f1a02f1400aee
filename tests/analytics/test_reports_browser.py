"""In Chromium, as an analyst (the Analysts group, not a superuser) in the Georgian admin: the
overview with visits, bounce rate and visit duration, the real-time view, exit pages and a
report with the previous period; no WCAG 2.2 AA violation on any of them."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from analytics.factories import PageViewFactory
from analytics.rollups import build_rollups
from demo.steps.analytics import ensure_analyst_group
from tests.browser import axe_violations, requires_chromium

pytestmark = [requires_chromium, pytest.mark.browser]
PASSWORD = "analyst-password-1505"  # noqa: S105


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def test_analyst_reads_the_new_reports_in_georgian(transactional_db, live_server, desktop_page):
    analyst = get_user_model().objects.create_user(username="analyst", password=PASSWORD)
    analyst.groups.add(ensure_analyst_group())
    now = timezone.now()
    yesterday = now - datetime.timedelta(days=1)
    for visitor, minutes, path in (("a", 0, "/ka/a/"), ("a", 5, "/ka/b/"), ("b", 10, "/ka/a/")):
        PageViewFactory(
            viewed_at=yesterday + datetime.timedelta(minutes=minutes),
            path=path,
            visitor_hash=visitor * 32,
            referrer_host="www.google.com",
        )
    PageViewFactory(viewed_at=now - datetime.timedelta(minutes=3), path="/ka/now/")
    # Three visits (a: 5 minutes; b and the view of a moment ago: bounces), 100 s on average.
    build_rollups(timezone.localdate(yesterday), timezone.localdate(now))

    page = desktop_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill('input[name="username"]', "analyst")
    page.fill('input[name="password"]', PASSWORD)
    page.click('button[type="submit"]')
    page.wait_for_url(f"{live_server.url}/admin/")

    checks = {
        "/admin/analytics/?period=7d": ["ვიზიტები", "უარყოფის მაჩვენებელი", "1 წთ 40 წმ"],
        "/admin/analytics/realtime/": ["რეალურ დროში", "/ka/now/"],
        "/admin/analytics/exit-pages/?period=7d": ["გასვლის გვერდები", "/ka/b/"],
        "/admin/analytics/referrers/?period=7d": ["www.google.com", "წინა პერიოდი"],
    }
    for path, texts in checks.items():
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == "ka"
        body = page.locator("body").inner_text()
        for text in texts:
            assert text in body, (path, text)
        assert axe_violations(page) == [], path
    # An analyst gets no link to a page editor they cannot open.
    page.goto(f"{live_server.url}/admin/analytics/exit-pages/?period=7d")
    assert page.locator('a[href*="/admin/pages/"]').count() == 0
