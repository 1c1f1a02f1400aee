import pytest

from tests.browser import axe_violations, requires_chromium

pytestmark = [requires_chromium, pytest.mark.browser]

DEMO_PATHS = [
    "/ka/",
    "/en/",
    "/ka/sakhelmtsipo-programebi/sakhelmtsipo-pensia/",
    "/en/state-programmes/state-pension/",
    "/ka/saagentos-shesakheb/",
    "/en/no-such-page/",
]


@pytest.mark.parametrize("path", DEMO_PATHS)
def test_demo_pages_have_no_wcag_aa_violations(demo_site, live_server, browser_page, path):
    browser_page.goto(live_server.url + path)
    assert axe_violations(browser_page) == []


def test_skip_link_moves_focus_to_main_content(demo_site, live_server, browser_page):
    browser_page.goto(live_server.url + "/ka/")
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.className") == "skip-link"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_pages_request_nothing_from_other_hosts(demo_site, live_server, browser_page):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(live_server.url + "/ka/sakhelmtsipo-programebi/sakhelmtsipo-pensia/")
    browser_page.wait_for_load_state("networkidle")
    assert requested
    assert [url for url in requested if not url.startswith(live_server.url)] == []
    assert any(url.endswith(".woff2") for url in requested), "the self-hosted font is used"
