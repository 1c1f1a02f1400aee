"""Dates as the archive's staff read them in the catalogue: the day itself ("12 მაისი,
2008 14:30"), in the agency's time zone and the admin's language, never "18 years ago" —
a photo's date is a fact of the record, not a distance from today."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import pgettext


def catalogue_date(value):
    """The date or date-time `value` written out in the active language; "" for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "DATETIME_FORMAT")
    # Django's Georgian DATE_FORMAT starts with the weekday; a listing needs the day only.
    return formats.date_format(value, pgettext("catalogue date format", "j F Y"))
