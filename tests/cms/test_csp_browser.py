"""Under the Content-Security-Policy, Chromium blocks nothing on the public site: one page of
every type, search with its suggestions, as an anonymous visitor. A blocked inline script or
style, or a request to another host, shows as a console error."""

import pytest

from tests.browser import requires_chromium
from tests.test_accessibility_all_page_types import public_page_of_each_type

pytestmark = [requires_chromium, pytest.mark.browser]


def test_no_csp_violation_on_any_public_page_type(demo_site, live_server, browser_page):
    problems = []
    browser_page.on(
        "console",
        lambda message: (
            problems.append(f"{browser_page.url}: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    browser_page.on("pageerror", lambda error: problems.append(f"{browser_page.url}: {error}"))
    urls = [url for _name, language, url in public_page_of_each_type() if language == "ka"]
    urls += ["/ka/search/?q=დახმარება", "/en/search/?q=help"]
    for url in urls:
        response = browser_page.goto(live_server.url + url)
        assert response.status == 200, url
        assert "Content-Security-Policy" in {name.title() for name in response.headers}
        browser_page.wait_for_load_state("load")
    # The suggestions fetch and render under the policy too.
    browser_page.fill("#search-page-query", "დახმ")
    browser_page.wait_for_timeout(800)
    assert problems == []
