import pytest

from news.models import EventPage, NewsIndexPage, NewsPage, PressReleasePage
from tests.browser import axe_violations, requires_chromium

pytestmark = [requires_chromium, pytest.mark.browser]


def _paths_of_every_news_page_type(language):
    index = NewsIndexPage.objects.get(locale__language_code=language)
    news = NewsPage.objects.exact_type(NewsPage).filter(locale=index.locale).first()
    release = PressReleasePage.objects.filter(locale=index.locale).first()
    event = EventPage.objects.filter(locale=index.locale).order_by("start").last()
    events = event.get_parent()
    return [
        index.url,
        index.url + "?type=bogus&page=abc",
        news.url,
        release.url,
        events.url,
        events.url + "past/",
        event.url,
    ]


def test_news_and_event_pages_have_no_wcag_aa_violations(demo_site, live_server, browser_page):
    paths = _paths_of_every_news_page_type("ka") + _paths_of_every_news_page_type("en")
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    violations = {}
    for path in paths:
        browser_page.goto(live_server.url + path)
        found = axe_violations(browser_page)
        if found:
            violations[path] = found
    assert violations == {}
    assert [url for url in requested if not url.startswith(live_server.url)] == []
