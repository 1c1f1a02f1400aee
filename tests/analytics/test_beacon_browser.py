"""The beacon script in a real browser: silent on a page the server just rendered, one
count for a copy that a cache served (simulated by answering the page request in the
browser, so that Django never sees it).

Playwright's sync API hands its events to Python only while Python is inside a Playwright
call, so the waits here go through the page (``wait_for_timeout``, ``expect_request``),
never through ``time.sleep`` alone: a beacon sent while the test slept would otherwise
be missing from the recorded requests."""

import re
import time

import pytest

from analytics.beacon import page_token
from analytics.models import PageView
from tests.analytics.conftest import BROWSER_AGENT
from tests.browser import requires_chromium
from tests.utils import make_site_tree

pytestmark = [requires_chromium, pytest.mark.browser]


# Counts the page's calls of sendBeacon (and still sends them), so that "no beacon" is
# read from the page once its deferred script has run instead of waited for.
COUNT_BEACON_CALLS = """
navigator.sendBeacon = ((send) => function (...args) {
  window.beaconCalls = (window.beaconCalls || 0) + 1;
  return send.apply(navigator, args);
})(navigator.sendBeacon);
"""


def is_beacon(request):
    return "/analytics/view" in request.url


def wait_for(page, condition, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        page.wait_for_timeout(100)
    return condition()


def test_cached_copy_is_counted_once_and_fresh_page_not_twice(
    transactional_db, live_server, browser, settings
):
    settings.ANALYTICS_BUFFER = "sync"
    make_site_tree()
    context = browser.new_context(user_agent=BROWSER_AGENT)
    page = context.new_page()
    page.add_init_script(COUNT_BEACON_CALLS)
    beacons = []
    page.on("request", lambda request: is_beacon(request) and beacons.append(request))
    try:
        url = live_server.url + "/ka/"
        page.goto(url)
        page.wait_for_load_state("load")
        html = page.content()
        assert wait_for(page, lambda: PageView.objects.count() == 1)
        # The beacon script is deferred: by the load event it has decided.
        assert page.evaluate("window.beaconCalls || 0") == 0
        assert beacons == []  # the server counted this copy itself

        # A copy a cache kept for an hour: rendered, signed and sent an hour ago.
        old = int(time.time()) - 3600
        page_id = int(re.search(r'data-page="(\d+)"', html).group(1))
        stale = re.sub(r'data-rendered="\d+"', f'data-rendered="{old}"', html)
        stale = re.sub(r'data-token="[^"]+"', f'data-token="{page_token(page_id, old)}"', stale)
        page.route(url, lambda route: route.fulfill(body=stale, content_type="text/html"))
        with page.expect_request(is_beacon):
            page.goto(url)
        assert wait_for(page, lambda: PageView.objects.count() == 2)
        assert len(beacons) == 1
        assert page.evaluate("window.beaconCalls") == 1  # the count above would have seen it
        assert [request.url for request in beacons] == [live_server.url + "/analytics/view"]
        view = PageView.objects.order_by("pk").last()
        assert (view.path, view.browser_family) == ("/ka/", "Chrome")
    finally:
        context.close()
