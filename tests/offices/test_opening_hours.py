"""Opening hours in Tbilisi time, with Georgian public holidays and dated exceptions.

Dates used: Saint George's Day 2026-11-23 is a Monday; 2026-01-19 (Epiphany) is a
Monday too; Mtskhetoba 2026-10-14 is a Wednesday."""

import datetime

import pytest
from django.utils import translation

from helpers import dates
from helpers.dates import HoursException, OpeningHours, TimeRange

NINE_TO_SIX = [TimeRange(datetime.time(9), datetime.time(18))]
WEEKDAYS_NINE_TO_SIX = {day: NINE_TO_SIX for day in range(5)}


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=dates.TBILISI)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def hours():
    return OpeningHours(weekly=WEEKDAYS_NINE_TO_SIX)


def test_open_during_the_day_says_when_it_closes(hours, english):
    status = hours.status_at(at(2026, 11, 25, 11, 30))  # a Wednesday
    assert status.is_open
    assert status.closes_at == at(2026, 11, 25, 18)
    assert status.message == "Open now, closes at 18:00"


def test_after_closing_opens_tomorrow_morning(hours, english):
    status = hours.status_at(at(2026, 11, 25, 18, 0))  # closing time itself is closed
    assert not status.is_open
    assert status.opens_at == at(2026, 11, 26, 9)
    assert status.message == "Closed now, opens tomorrow at 09:00"


def test_before_opening_opens_today(hours, english):
    status = hours.status_at(at(2026, 11, 25, 7, 45))
    assert status.message == "Closed now, opens today at 09:00"


def test_evening_before_a_holiday_skips_the_holiday(hours, english):
    # Tuesday 2026-10-13 evening: Wednesday the 14th is Mtskhetoba, so Thursday.
    status = hours.status_at(at(2026, 10, 13, 19))
    assert status.opens_at == at(2026, 10, 15, 9)
    assert status.message == "Closed now, opens Thursday at 09:00"


def test_holiday_on_a_monday_closes_and_opens_on_tuesday(hours, english):
    friday_evening = hours.status_at(at(2026, 11, 20, 18, 30))
    assert friday_evening.opens_at == at(2026, 11, 24, 9)
    assert friday_evening.message == "Closed now, opens Tuesday at 09:00"

    holiday_noon = hours.status_at(at(2026, 11, 23, 12))
    assert not holiday_noon.is_open
    assert holiday_noon.today.holiday == "Saint George's Day"
    assert holiday_noon.opens_at == at(2026, 11, 24, 9)


def test_exception_day_closed_all_day(english):
    closed = HoursException(datetime.date(2026, 12, 30), (), "Annual stocktaking")
    hours = OpeningHours(WEEKDAYS_NINE_TO_SIX, {closed.day: closed})
    status = hours.status_at(at(2026, 12, 30, 10))
    assert not status.is_open
    assert status.today.note == "Annual stocktaking"
    assert status.opens_at == at(2026, 12, 31, 9)


def test_exception_day_with_special_hours(english):
    short = HoursException(
        datetime.date(2026, 12, 24), (TimeRange(datetime.time(10), datetime.time(15)),), ""
    )
    hours = OpeningHours(WEEKDAYS_NINE_TO_SIX, {short.day: short})
    assert hours.status_at(at(2026, 12, 24, 9, 30)).message == "Closed now, opens today at 10:00"
    assert hours.status_at(at(2026, 12, 24, 14)).closes_at == at(2026, 12, 24, 15)
    assert not hours.status_at(at(2026, 12, 24, 16)).is_open


def test_exception_can_open_an_office_on_a_holiday():
    duty = HoursException(
        datetime.date(2026, 11, 23), (TimeRange(datetime.time(10), datetime.time(13)),), "Duty"
    )
    hours = OpeningHours(WEEKDAYS_NINE_TO_SIX, {duty.day: duty})
    assert hours.status_at(at(2026, 11, 23, 11)).is_open


def test_lunch_break_and_touching_ranges():
    split = [
        TimeRange(datetime.time(13), datetime.time(18)),
        TimeRange(datetime.time(9), datetime.time(12)),
    ]
    touching = [
        TimeRange(datetime.time(9), datetime.time(13)),
        TimeRange(datetime.time(13), datetime.time(18)),
    ]
    lunch = OpeningHours({2: split}).status_at(at(2026, 11, 25, 12, 30))
    assert lunch.opens_at == at(2026, 11, 25, 13)
    assert OpeningHours({2: touching}).status_at(at(2026, 11, 25, 12)).closes_at == at(
        2026, 11, 25, 18
    )


def test_far_opening_gives_the_date_and_no_opening_says_closed(english):
    only_mondays = OpeningHours({0: NINE_TO_SIX})
    # Tuesday 2026-11-17 → Monday 23rd is a holiday → Monday 30th, 13 days ahead.
    assert only_mondays.status_at(at(2026, 11, 17, 12)).message == (
        "Closed now, opens on 30 November at 09:00"
    )
    assert OpeningHours().status_at(at(2026, 11, 17, 12)).message == "Closed now"


def test_status_uses_tbilisi_time_whatever_the_clock_zone(hours):
    # 14:30 UTC is 18:30 in Tbilisi (UTC+4): already closed.
    utc = datetime.datetime(2026, 11, 25, 14, 30, tzinfo=datetime.UTC)
    assert not hours.status_at(utc).is_open


def test_holiday_labels_are_corrected():
    mtskhetoba = datetime.date(2026, 10, 14)
    assert dates.holiday_name(mtskhetoba, "ka") == "მცხეთობა (სვეტიცხოვლობა)"
    assert dates.holiday_name(mtskhetoba, "en") == "Mtskhetoba (Svetitskhovloba)"
    assert dates.holiday_name(datetime.date(2026, 1, 7), "en") == "Orthodox Christmas"
    assert dates.holiday_name(datetime.date(2026, 11, 24), "en") is None


def test_working_days_skip_weekends_and_holidays():
    assert not dates.is_working_day(datetime.date(2026, 11, 23))  # Saint George's Day
    assert dates.is_working_day(datetime.date(2026, 11, 24))
    # Friday 20 November + 1 working day: not Saturday, Sunday or Monday the 23rd.
    assert dates.add_working_days(datetime.date(2026, 11, 20), 1) == datetime.date(2026, 11, 24)
    # A Saturday counts from the next working day.
    assert dates.add_working_days(datetime.date(2026, 11, 21), 0) == datetime.date(2026, 11, 24)
