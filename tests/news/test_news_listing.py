import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from media_archive.factories import ArchiveImageFactory
from news.factories import NewsPageFactory, PressReleasePageFactory
from news.models import NEWS_PER_PAGE
from tests.news.utils import in_days, restrict_to_logged_in_users

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["items"]]


@pytest.fixture
def news(sections):
    index = sections["news_ka"]
    return {
        "index": index,
        "news_2025": NewsPageFactory(
            parent=index, title="ძველი სიახლე", publication_date=datetime.date(2025, 6, 1)
        ),
        "news_2026": NewsPageFactory(
            parent=index, title="ახალი სიახლე", publication_date=datetime.date(2026, 2, 1)
        ),
        "release_2026": PressReleasePageFactory(
            parent=index, title="პრესრელიზი", publication_date=datetime.date(2026, 3, 1)
        ),
    }


def test_listing_shows_news_and_press_releases_newest_first(client, news):
    response = client.get(news["index"].url)
    assert response.status_code == 200
    assert titles(response) == ["პრესრელიზი", "ახალი სიახლე", "ძველი სიახლე"]
    html = response.content.decode()
    # Georgian dates, in Django's Georgian format.
    assert "კვირა, 1 თებერვალი, 2026" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "news"}, ["ახალი სიახლე", "ძველი სიახლე"]),
        ({"type": "press"}, ["პრესრელიზი"]),
        ({"year": "2025"}, ["ძველი სიახლე"]),
        ({"type": "news", "year": "2026"}, ["ახალი სიახლე"]),
    ],
)
def test_filters(client, news, query, expected):
    response = client.get(news["index"].url, query)
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["notices"] == []


@pytest.mark.parametrize(
    "query",
    [
        {"type": "blog"},
        {"year": "1999"},
        {"year": "twenty"},
        {"year": "2026.5"},
        {"type": ["news", "<script>"]},
    ],
)
def test_unknown_filter_values_show_the_listing_with_a_notice(client, news, query):
    response = client.get(news["index"].url, query)
    assert response.status_code == 200
    assert len(response.context["notices"]) == 1
    assert "<script>" not in response.content.decode()


def test_a_valid_filter_still_applies_beside_an_unknown_one(client, news):
    response = client.get(news["index"].url, {"type": "press", "year": "abc"})
    assert titles(response) == ["პრესრელიზი"]
    assert response.context["notices"]


def test_malformed_query_string_is_not_an_error(client, news):
    response = client.get(news["index"].url + "?type=%ff%fe&year=%&&page=1&=x")
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["abc", "1.5", "", "%00"])
def test_a_page_number_that_is_not_a_number_shows_the_first_page(client, news, page):
    response = client.get(news["index"].url, {"page": page})
    assert response.status_code == 200
    assert response.context["items"].number == 1


@pytest.mark.parametrize("page", ["2", "0", "-1", "99999999999999999999"])
def test_a_page_out_of_range_is_not_found(client, news, page):
    assert client.get(news["index"].url, {"page": page}).status_code == 404


def test_pagination_keeps_the_filters(client, sections):
    index = sections["news_ka"]
    for day in range(1, NEWS_PER_PAGE + 3):
        NewsPageFactory(parent=index, publication_date=datetime.date(2026, 1, day))
    response = client.get(index.url, {"type": "news", "year": "2026", "bogus": "1"})
    html = response.content.decode()
    assert 'href="?type=news&amp;year=2026&amp;page=2"' in html
    second = client.get(index.url, {"type": "news", "year": "2026", "page": "2"})
    assert len(second.context["items"]) == 2


def test_drafts_private_and_embargoed_items_are_left_out(client, news, sections):
    index = sections["news_ka"]
    NewsPageFactory(parent=index, title="დრაფტი", live=False)
    private = NewsPageFactory(parent=index, title="დახურული")
    restrict_to_logged_in_users(private)
    PressReleasePageFactory(parent=index, title="ემბარგო", embargo_until=in_days(2))
    PressReleasePageFactory(parent=index, title="ემბარგო გავიდა", embargo_until=in_days(-1))
    response = client.get(index.url)
    shown = titles(response)
    assert "ემბარგო გავიდა" in shown
    for hidden in ("დრაფტი", "დახურული", "ემბარგო"):
        assert hidden not in shown
        assert hidden not in response.content.decode().replace("ემბარგო გავიდა", "")


def test_each_language_lists_its_own_items(client, news, sections):
    NewsPageFactory(parent=sections["news_en"], title="Pension indexation")
    response = client.get(sections["news_en"].url)
    assert titles(response) == ["Pension indexation"]
    assert '<html lang="en"' in response.content.decode()


def test_listing_links_its_feeds(client, news):
    html = client.get(news["index"].url).content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/ka/siakhleebi/press-releases/feed/atom/"' in html


def _listing_query_count(client, url):
    client.get(url)  # renditions of the featured images are made on the first visit
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow_with_the_number_of_items(client, sections):
    index = sections["news_ka"]
    image = ArchiveImageFactory()

    def add(count):
        for number in range(count):
            factory = PressReleasePageFactory if number % 3 == 0 else NewsPageFactory
            factory(
                parent=index,
                featured_image=image if number % 2 else None,
                publication_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
                tags=["პენსია"],
            )

    add(10)
    with_ten = _listing_query_count(client, index.url)
    add(90)
    with_hundred = _listing_query_count(client, index.url)
    assert with_ten == with_hundred
