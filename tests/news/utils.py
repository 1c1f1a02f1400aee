import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.factories import EventIndexPageFactory, NewsIndexPageFactory
from tests.utils import translate


def make_news_sections(home_pages):
    """The Georgian news and event sections and their English translations."""
    news_ka = NewsIndexPageFactory(parent=home_pages["ka"], title="სიახლეები")
    events_ka = EventIndexPageFactory(parent=home_pages["ka"], title="ღონისძიებები")
    locale_en = home_pages["en"].locale
    return {
        "news_ka": news_ka,
        "news_en": translate(news_ka, locale_en, title="News", slug="news"),
        "events_ka": events_ka,
        "events_en": translate(events_ka, locale_en, title="Events", slug="events"),
    }


def restrict_to_logged_in_users(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)
