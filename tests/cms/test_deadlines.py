"""Deadlines in Georgian working days (helpers.dates): public holidays including the Orthodox
Easter days, items received after hours, calendar-day periods that end on a day off."""

import datetime

import pytest

from helpers import dates


def tbilisi(*args):
    return datetime.datetime(*args, tzinfo=dates.TBILISI)


@pytest.mark.parametrize(
    ("received", "counts_from"),
    [
        (tbilisi(2026, 3, 4, 10, 0), datetime.date(2026, 3, 4)),  # a working day, in hours
        (tbilisi(2026, 3, 4, 7, 30), datetime.date(2026, 3, 4)),  # before opening: same day
        (tbilisi(2026, 3, 4, 18, 0), datetime.date(2026, 3, 5)),  # at closing: next day
        (tbilisi(2026, 3, 6, 19, 0), datetime.date(2026, 3, 9)),  # Friday evening → Monday
        (tbilisi(2026, 1, 6, 18, 30), datetime.date(2026, 1, 8)),  # eve of Orthodox Christmas
        (tbilisi(2025, 12, 31, 20, 0), datetime.date(2026, 1, 5)),  # New Year's days
        (tbilisi(2026, 4, 9, 10, 0), datetime.date(2026, 4, 14)),  # Unity Day, then Easter
        (tbilisi(2026, 5, 26, 11, 0), datetime.date(2026, 5, 27)),  # Independence Day
    ],
)
def test_the_day_an_item_counts_as_received(received, counts_from):
    assert dates.counting_date(received) == counts_from


def test_utc_times_are_read_in_tbilisi_time():
    # 15:30 UTC is 19:30 in Tbilisi: after hours.
    received = datetime.datetime(2026, 3, 4, 15, 30, tzinfo=datetime.UTC)
    assert dates.counting_date(received) == datetime.date(2026, 3, 5)


def test_working_days_skip_new_year_christmas_and_epiphany():
    # Received after hours on 31 December: counts from Monday 5 January; ten working days
    # skip Orthodox Christmas (7 Jan) and Epiphany (19 Jan).
    assert dates.due_date(tbilisi(2025, 12, 31, 19, 0), 10) == datetime.date(2026, 1, 21)


def test_working_days_skip_the_orthodox_easter_days():
    # From Wednesday 8 April 2026: Unity Day (9), Good Friday (10), Holy Saturday (11),
    # Easter Sunday (12) and Easter Monday (13) are not working days.
    assert dates.due_date(tbilisi(2026, 4, 8, 12, 0), 2) == datetime.date(2026, 4, 15)
    # 2027: Easter is on 2 May; Good Friday 30 April, Easter Monday 3 May.
    assert dates.due_date(tbilisi(2027, 4, 29, 12, 0), 1) == datetime.date(2027, 5, 4)


def test_calendar_period_ending_on_holy_saturday_moves_past_easter_monday():
    # Public information: 10 days from 1 April 2026 ends on Holy Saturday (11 April); the
    # next working day is Tuesday 14 April.
    assert dates.due_date(tbilisi(2026, 4, 1, 10, 0), 10, working_days=False) == datetime.date(
        2026, 4, 14
    )


def test_calendar_period_ending_on_independence_day_moves_to_the_next_day():
    assert dates.due_date(tbilisi(2026, 5, 15, 10, 0), 11, working_days=False) == datetime.date(
        2026, 5, 27
    )


def test_calendar_period_across_the_new_year():
    # Received on 24 December 2026 (Thursday): ten days end on Sunday 3 January 2027; the
    # 1st and 2nd are holidays, the 4th is Monday.
    assert dates.due_date(tbilisi(2026, 12, 24, 10, 0), 10, working_days=False) == datetime.date(
        2027, 1, 4
    )


def test_the_end_of_the_working_day_is_configurable():
    received = tbilisi(2026, 3, 4, 17, 30)
    assert dates.counting_date(received) == datetime.date(2026, 3, 4)
    assert dates.counting_date(received, workday_end=datetime.time(17)) == datetime.date(2026, 3, 5)


def test_zero_days_means_the_counting_day_itself():
    assert dates.due_date(tbilisi(2026, 4, 10, 10, 0), 0) == datetime.date(2026, 4, 14)
    assert dates.due_date(tbilisi(2026, 4, 10, 10, 0), 0, working_days=False) == datetime.date(
        2026, 4, 14
    )
