"""Retention: when the archive's period for keeping an item ends (its date taken plus the
years of its file-plan heading, `CatalogueFields.retention_ends_on`), and which items are
past that date or near it, for the records officer's review. Nothing is deleted here: the
report is what a disposal decision starts from."""

import datetime

from django.db.models import Q
from django.utils import timezone

DEFAULT_WARNING_DAYS = 90
MAX_WARNING_DAYS = 3650


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def due_q(model, until):
    """Items of `model` whose retention may end on or before `until`, in one indexed
    condition per retention period in use (a handful). A little wide at the day's edges;
    `due_items` keeps the exact ones."""
    periods = (
        model.objects.exclude(retention_years=None)
        .order_by()
        .values_list("retention_years", flat=True)
        .distinct()
    )
    condition = Q(pk__in=[])
    for years in periods:
        last_day = _years_before(until, years) + datetime.timedelta(days=2)
        before = timezone.make_aware(datetime.datetime.combine(last_day, datetime.time.min))
        condition |= Q(retention_years=years, date_taken__lt=before)
    return condition


def due_items(queryset, days=DEFAULT_WARNING_DAYS, today=None):
    """[(item, ends_on, days_left)] of `queryset` whose retention ends within `days` days
    or has ended (days_left negative), the longest overdue first."""
    today = today or timezone.localdate()
    until = today + datetime.timedelta(days=days)
    found = []
    for item in queryset.filter(due_q(queryset.model, until)).select_related("collection"):
        ends_on = item.retention_ends_on
        if ends_on is not None and ends_on <= until:
            found.append((item, ends_on, (ends_on - today).days))
    found.sort(key=lambda row: (row[1], row[0].pk))
    return found
