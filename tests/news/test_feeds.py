import datetime
from xml.etree import ElementTree

import pytest

from news.factories import NewsPageFactory, PressReleasePageFactory
from tests.news.utils import in_days, restrict_to_logged_in_users
from tests.utils import translate

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    # The XML is our own site's output, not untrusted input.
    return ElementTree.fromstring(response.content)  # noqa: S314


def rss_titles(response):
    root = parse(response)
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(response):
    root = parse(response)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


@pytest.fixture
def feed_items(sections):
    index = sections["news_ka"]
    NewsPageFactory(parent=index, title="სიახლე", publication_date=datetime.date(2026, 1, 10))
    PressReleasePageFactory(
        parent=index, title="პრესრელიზი", publication_date=datetime.date(2026, 1, 20)
    )
    NewsPageFactory(parent=index, title="დრაფტი", live=False)
    restrict_to_logged_in_users(NewsPageFactory(parent=index, title="დახურული"))
    PressReleasePageFactory(parent=index, title="ემბარგოს ქვეშ", embargo_until=in_days(1))
    return index


def test_news_feeds_list_live_public_items_only(client, feed_items):
    rss = client.get(feed_items.url + "feed/rss/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert rss_titles(rss) == ["პრესრელიზი", "სიახლე"]
    atom = client.get(feed_items.url + "feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert atom_titles(atom) == ["პრესრელიზი", "სიახლე"]


def test_press_release_feeds_list_press_releases_only(client, feed_items):
    assert rss_titles(client.get(feed_items.url + "press-releases/feed/rss/")) == ["პრესრელიზი"]
    atom = client.get(feed_items.url + "press-releases/feed/atom/")
    assert atom_titles(atom) == ["პრესრელიზი"]


def test_feed_items_link_to_the_pages_with_full_addresses(client, feed_items):
    root = parse(client.get(feed_items.url + "feed/rss/"))
    links = [item.findtext("link") for item in root.iter("item")]
    assert links == [
        "http://testserver/ka/siakhleebi/presrelizi/",
        "http://testserver/ka/siakhleebi/siakhle/",
    ]
    assert root.find("channel").findtext("language") == "ka"


def test_each_language_has_its_own_feed(client, feed_items, sections, locales):
    news = feed_items.get_children().live().first().specific
    translate(news, locales["en"], title="News in English", slug="news-in-english")
    response = client.get(sections["news_en"].url + "feed/rss/")
    assert rss_titles(response) == ["News in English"]
    assert parse(response).find("channel").findtext("language") == "en"


def test_the_feed_of_a_private_section_is_not_public(client, feed_items):
    restrict_to_logged_in_users(feed_items)
    response = client.get(feed_items.url + "feed/rss/")
    assert response.status_code == 302
    assert b"<rss" not in response.content


def test_every_atom_entry_has_updated_in_both_languages(client, feed_items, sections, locales):
    english = sections["news_en"]
    NewsPageFactory(parent=english, title="News", publication_date=datetime.date(2026, 1, 5))
    for index in (feed_items, english):
        for feed in ("feed/atom/", "press-releases/feed/atom/"):
            root = parse(client.get(index.url + feed))
            entries = list(root.iter(f"{ATOM}entry"))
            assert entries or feed.startswith("press") and index is english
            for entry in entries:
                assert entry.findtext(f"{ATOM}updated"), entry.findtext(f"{ATOM}title")
