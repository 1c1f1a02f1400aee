"""The reporting period: presets and custom ranges from a report's query string.

Whatever the query string holds, a valid period comes out; when the request was unusable,
`error` says why in the user's language and the default period is used instead.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

DEFAULT_PRESET = "30d"
PRESETS = {
    "7d": _("Last 7 days"),
    "30d": _("Last 30 days"),
    "90d": _("Last 90 days"),
    "this_month": _("This month"),
    "last_month": _("Last month"),
    "this_year": _("This year"),
    "365d": _("Last 12 months"),
    "custom": _("Custom range"),
}
EARLIEST = datetime.date(2000, 1, 1)
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class DateRange:
    start: datetime.date
    end: datetime.date
    preset: str = "custom"

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def previous(self):
        """The period of the same length just before this one."""
        end = self.start - datetime.timedelta(days=1)
        return DateRange(end - datetime.timedelta(days=self.days - 1), end)

    def dates(self):
        return [self.start + datetime.timedelta(days=offset) for offset in range(self.days)]

    def as_query(self):
        if self.preset != "custom":
            return {"period": self.preset}
        return {"period": "custom", "start": self.start.isoformat(), "end": self.end.isoformat()}


def preset_range(preset, today):
    if preset.endswith("d") and preset[:-1].isdigit():
        return DateRange(today - datetime.timedelta(days=int(preset[:-1]) - 1), today, preset)
    if preset == "this_month":
        return DateRange(today.replace(day=1), today, preset)
    if preset == "last_month":
        end = today.replace(day=1) - datetime.timedelta(days=1)
        return DateRange(end.replace(day=1), end, preset)
    if preset == "this_year":
        return DateRange(today.replace(month=1, day=1), today, preset)
    raise KeyError(preset)


def _date(value):
    try:
        return parse_date((value or "").strip()[:10])
    except ValueError:  # well-formed but impossible, e.g. 2025-02-30
        return None


def parse_date_range(params, today=None):
    """(DateRange, error message or None) from a QueryDict-like `params`."""
    today = today or timezone.localdate()
    preset = params.get("period") or ""
    start_text, end_text = params.get("start"), params.get("end")
    if not preset and (start_text or end_text):
        preset = "custom"
    preset = preset or DEFAULT_PRESET
    default = preset_range(DEFAULT_PRESET, today)
    if preset not in PRESETS:
        return default, _("Unknown period; showing the last 30 days.")
    if preset != "custom":
        return preset_range(preset, today), None
    start, end = _date(start_text), _date(end_text)
    if start is None or end is None:
        return default, _("Enter both dates as YYYY-MM-DD; showing the last 30 days.")
    if start > end:
        return default, _("The start date is after the end date; showing the last 30 days.")
    if start < EARLIEST or end > today + datetime.timedelta(days=1):
        return default, _("The dates are out of range; showing the last 30 days.")
    if (end - start).days >= MAX_DAYS:
        return default, _("Choose a period of at most three years; showing the last 30 days.")
    return DateRange(start, end), None
