"""The one place for dates and working days: Tbilisi time, Georgian public holidays and
opening hours.

Public holidays come from the `holidays` package (its Georgian calendar follows article 20
of the Labour Code); the few labels it gets wrong are corrected in HOLIDAY_LABEL_OVERRIDES.
Days off that the Government declares by decree at short notice are not in any package:
offices enter them as dated exceptions.
"""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext_lazy

TBILISI = ZoneInfo("Asia/Tbilisi")

# The package's language codes for each site language.
_HOLIDAY_LANGUAGES = {"ka": "ka", "en": "en_US"}

# (site language, label the package gives) → the label the agency uses.
HOLIDAY_LABEL_OVERRIDES = {
    ("ka", "მცხეთობის"): "მცხეთობა (სვეტიცხოვლობა)",
    ("ka", "შავი ორშაბათი"): "აღდგომის ორშაბათი",
    ("en", "Holiday of Svetitskhovloba, Robe of Jesus"): "Mtskhetoba (Svetitskhovloba)",
    ("en", "Christmas Day"): "Orthodox Christmas",
    ("en", "Epiphany"): "Epiphany (Orthodox)",
}

# How far ahead "opens …" looks before giving up: long enough for any run of holidays.
_LOOKAHEAD_DAYS = 21

# Weekday names as they follow "opens" ("opens Monday"; in Georgian the dative case).
WEEKDAYS_AFTER_OPENS = [
    pgettext_lazy("opens on", "Monday"),
    pgettext_lazy("opens on", "Tuesday"),
    pgettext_lazy("opens on", "Wednesday"),
    pgettext_lazy("opens on", "Thursday"),
    pgettext_lazy("opens on", "Friday"),
    pgettext_lazy("opens on", "Saturday"),
    pgettext_lazy("opens on", "Sunday"),
]


def tbilisi_now():
    return timezone.now().astimezone(TBILISI)


def _site_language(language=None):
    language = language or translation.get_language() or "ka"
    return "en" if language.startswith("en") else "ka"


@lru_cache(maxsize=64)
def _holidays_of_year(year, language):
    calendar = holidays.country_holidays("GE", years=year, language=_HOLIDAY_LANGUAGES[language])
    return {
        day: HOLIDAY_LABEL_OVERRIDES.get((language, label), label)
        for day, label in calendar.items()
    }


def holiday_name(day, language=None):
    """The public holiday's name on `day` in the site language, or None."""
    return _holidays_of_year(day.year, _site_language(language)).get(day)


def is_public_holiday(day):
    return day in _holidays_of_year(day.year, "ka")


def is_working_day(day):
    return day.weekday() < 5 and not is_public_holiday(day)


def add_working_days(day, count):
    """The date `count` Georgian working days after `day` (0: `day` itself if it is a
    working day, otherwise the next one)."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def public_holidays_between(start, end, language=None):
    """(date, name) of the public holidays from `start` to `end`, both included."""
    language = _site_language(language)
    found = []
    for year in range(start.year, end.year + 1):
        for day, name in _holidays_of_year(year, language).items():
            if start <= day <= end:
                found.append((day, name))
    return sorted(found)


# Opening hours ------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeRange:
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class DaySchedule:
    """The hours that apply on one date, and why they differ from the weekly ones."""

    day: datetime.date
    ranges: tuple = ()
    holiday: str | None = None
    note: str = ""
    is_exception: bool = False

    @property
    def is_closed(self):
        return not self.ranges


@dataclass(frozen=True)
class HoursException:
    """A dated change to the weekly hours: closed all day (no ranges) or special hours."""

    day: datetime.date
    ranges: tuple = ()
    note: str = ""


@dataclass(frozen=True)
class OpeningStatus:
    now: datetime.datetime
    is_open: bool
    closes_at: datetime.datetime | None = None
    opens_at: datetime.datetime | None = None
    today: DaySchedule | None = None

    @property
    def changes_at(self):
        """When this status stops being true: the next opening or closing, or midnight
        (the message names today, tomorrow or a weekday), whichever comes first."""
        midnight = datetime.datetime.combine(
            self.now.date() + datetime.timedelta(days=1), datetime.time.min, tzinfo=self.now.tzinfo
        )
        change = self.closes_at if self.is_open else self.opens_at
        return min(change, midnight) if change is not None else midnight

    @property
    def message(self):
        """'Open now, closes at 18:00' / 'Closed now, opens Monday at 09:00', in the
        active language."""
        if self.is_open:
            return gettext("Open now, closes at %(time)s") % {"time": _clock(self.closes_at)}
        if self.opens_at is None:
            return gettext("Closed now")
        opens_on = self.opens_at.date()
        days_ahead = (opens_on - self.now.date()).days
        time = _clock(self.opens_at)
        if days_ahead == 0:
            return gettext("Closed now, opens today at %(time)s") % {"time": time}
        if days_ahead == 1:
            return gettext("Closed now, opens tomorrow at %(time)s") % {"time": time}
        if days_ahead < 7:
            return gettext("Closed now, opens %(weekday)s at %(time)s") % {
                "weekday": WEEKDAYS_AFTER_OPENS[opens_on.weekday()],
                "time": time,
            }
        return gettext("Closed now, opens on %(date)s at %(time)s") % {
            "date": date_format(opens_on, "j F"),
            "time": time,
        }


def _clock(moment):
    return moment.strftime("%H:%M")


def _merged(ranges):
    """Sorted ranges with touching or overlapping ones joined (09–13 and 13–18 → 09–18)."""
    merged = []
    for current in sorted(ranges, key=lambda r: r.opens):
        if merged and current.opens <= merged[-1].closes:
            last = merged.pop()
            current = TimeRange(last.opens, max(last.closes, current.closes))
        merged.append(current)
    return tuple(merged)


@dataclass
class OpeningHours:
    """A weekly schedule (weekday 0 = Monday → ranges) with dated exceptions. Public
    holidays close the office unless an exception for that date says otherwise."""

    weekly: dict = field(default_factory=dict)
    exceptions: dict = field(default_factory=dict)

    def schedule_for(self, day):
        holiday = holiday_name(day)
        exception = self.exceptions.get(day)
        if exception is not None:
            return DaySchedule(
                day, _merged(exception.ranges), holiday, exception.note, is_exception=True
            )
        if holiday:
            return DaySchedule(day, (), holiday)
        return DaySchedule(day, _merged(self.weekly.get(day.weekday(), ())))

    def status_at(self, moment=None):
        now = (moment or tbilisi_now()).astimezone(TBILISI)
        today = self.schedule_for(now.date())
        clock = now.time()
        for time_range in today.ranges:
            if time_range.opens <= clock < time_range.closes:
                return OpeningStatus(
                    now, True, closes_at=_at(now.date(), time_range.closes), today=today
                )
        return OpeningStatus(now, False, opens_at=self.next_opening(now), today=today)

    def next_opening(self, now):
        for offset in range(_LOOKAHEAD_DAYS + 1):
            day = now.date() + datetime.timedelta(days=offset)
            for time_range in self.schedule_for(day).ranges:
                opens_at = _at(day, time_range.opens)
                if opens_at > now:
                    return opens_at
        return None


def _at(day, clock):
    return datetime.datetime.combine(day, clock, tzinfo=TBILISI)


# Deadlines ----------------------------------------------------------------------------

# The agency's working hours for receiving documents: what arrives after the close of a
# working day (or on a day off) counts as received on the next working day.
WORKDAY_START = datetime.time(9)
WORKDAY_END = datetime.time(18)


def next_working_day(day):
    """`day` itself if it is a working day, otherwise the first working day after it."""
    return add_working_days(day, 0)


def counting_date(received_at, workday_end=WORKDAY_END):
    """The working day on which something received at `received_at` counts as received:
    that day while it is a working day and the office is still open (before the opening
    counts too: the document is handed over when the day starts), otherwise the next
    working day."""
    local = received_at.astimezone(TBILISI) if received_at.tzinfo else received_at
    day = local.date()
    if is_working_day(day) and local.time() < workday_end:
        return day
    return next_working_day(day + datetime.timedelta(days=1))


def due_date(received_at, days, working_days=True, workday_end=WORKDAY_END):
    """The last day of a period of `days` counted from the day `received_at` counts as
    received: in working days, or in calendar days ending on the next working day when
    the last one is a weekend day or public holiday (General Administrative Code of
    Georgia: a period that ends on a day off ends on the next working day)."""
    start = counting_date(received_at, workday_end)
    if working_days:
        return add_working_days(start, days)
    return next_working_day(start + datetime.timedelta(days=days))
