"""Factories for the territorial offices; the tests and `demo/steps/offices.py` build with them."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from cms.factories import GeorgianSlugPageFactory
from offices.models import (
    OfficeHoursException,
    OfficeIndexPage,
    OfficeOpeningHours,
    OfficePage,
    Region,
)

WORKING_WEEK = range(5)  # Monday to Friday


class OfficeIndexPageFactory(GeorgianSlugPageFactory):
    title = "ტერიტორიული ერთეულები"
    intro = "სააგენტოს ტერიტორიული ერთეულები მთელ საქართველოში."

    class Meta:
        model = OfficeIndexPage


class OfficePageFactory(GeorgianSlugPageFactory):
    title = factory.Sequence(lambda n: f"ტერიტორიული ერთეული {n}")
    region = Region.TBILISI
    municipality = "თბილისი"
    address = "უზნაძის ქ. 144"
    phone = "+995 32 222 22 22"
    email = "info@ssa.gov.ge"
    latitude = Decimal("41.715137")
    longitude = Decimal("44.789306")

    class Meta:
        model = OfficePage
        skip_postgeneration_save = True

    @factory.post_generation
    def weekly_hours(self, create, extracted, **kwargs):
        """weekly_hours=[(weekday, "09:00", "18:00"), …]; Monday–Friday 09:00–18:00 if not
        given, none with weekly_hours=[]."""
        if not create:
            return
        rows = (
            extracted
            if extracted is not None
            else [(day, "09:00", "18:00") for day in WORKING_WEEK]
        )
        for weekday, opens, closes in rows:
            OfficeOpeningHoursFactory(
                office=self,
                weekday=weekday,
                opens=datetime.time.fromisoformat(opens),
                closes=datetime.time.fromisoformat(closes),
            )


class OfficeOpeningHoursFactory(DjangoModelFactory):
    weekday = 0
    opens = datetime.time(9)
    closes = datetime.time(18)

    class Meta:
        model = OfficeOpeningHours


class OfficeHoursExceptionFactory(DjangoModelFactory):
    date = datetime.date(2026, 12, 31)
    closed = True
    note = "სანიტარიული დღე"

    class Meta:
        model = OfficeHoursException
