import pytest

from demo.seed import SeedReport
from demo.steps import news as demo
from news.models import EventPage, NewsIndexPage, NewsPage, PressReleasePage

pytestmark = pytest.mark.django_db


def test_demo_news_and_events_in_both_languages_and_idempotent(client, home_pages):
    report = SeedReport()
    demo.seed(report)
    for code in ("ka", "en"):
        assert NewsPage.objects.live().filter(locale__language_code=code).count() >= 20
        assert EventPage.objects.live().filter(locale__language_code=code).count() >= 5
    assert PressReleasePage.objects.filter(release_type="press_advisory").exists()
    assert PressReleasePage.objects.filter(release_type="statement").exists()
    english_index = NewsIndexPage.objects.get(locale__language_code="en")
    assert english_index.show_in_menus
    english_item = english_index.get_children().live().first().specific
    assert set(english_item.tags.names()).isdisjoint(
        english_item.get_translation(home_pages["ka"].locale).specific.tags.names()
    )
    assert client.get(english_index.url).status_code == 200
    assert client.get(english_index.url + "feed/atom/").status_code == 200

    again = SeedReport()
    demo.seed(again)
    assert again.created == []
