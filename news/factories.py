"""Factories for news items, press releases and events; the tests and `seed_demo` use them."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from cms.factories import BodyStreamBlockFactory, GeorgianSlugPageFactory
from news.models import (
    EventIndexPage,
    EventPage,
    EventType,
    NewsIndexPage,
    NewsPage,
    PressReleasePage,
)


def tbilisi_datetime(*args):
    """An aware datetime on the Tbilisi clock: tbilisi_datetime(2026, 5, 12, 11, 0)."""
    return datetime.datetime(*args, tzinfo=timezone.get_default_timezone())


class NewsIndexPageFactory(GeorgianSlugPageFactory):
    title = "სიახლეები"
    intro = ""
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(GeorgianSlugPageFactory):
    title = factory.Sequence(lambda n: f"სიახლე {n}")
    lead = "სოციალური მომსახურების სააგენტო აცნობებს მოქალაქეებს."
    publication_date = datetime.date(2026, 5, 12)
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = NewsPage


class PressReleasePageFactory(NewsPageFactory):
    title = factory.Sequence(lambda n: f"პრესრელიზი {n}")
    release_type = PressReleasePage.ReleaseType.PRESS_RELEASE
    dateline_place = "თბილისი"
    media_contact_name = "მედიასთან და საზოგადოებასთან ურთიერთობის სამმართველო"
    media_contact_phone = "+995 32 222 22 22"
    media_contact_email = "press@ssa.gov.ge"

    class Meta:
        model = PressReleasePage


class EventIndexPageFactory(GeorgianSlugPageFactory):
    title = "ღონისძიებები"
    intro = ""
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(GeorgianSlugPageFactory):
    title = factory.Sequence(lambda n: f"ღონისძიება {n}")
    event_type = EventType.PRESS_CONFERENCE
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    place = "თბილისი, სააგენტოს ცენტრალური ოფისი"
    lead = ""
    accreditation = ""
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = EventPage
