"""The figures of the weekly e-mail report, read from the rollups."""

import datetime

from django.db.models import Sum

from analytics.daterange import DateRange
from analytics.models import DailyRollup, Dimension
from analytics.views import percent_change


def _top(date_range, dimension, limit):
    return list(
        DailyRollup.objects.filter(
            dimension=dimension, date__range=(date_range.start, date_range.end)
        )
        .values("key")
        .annotate(views=Sum("views"))
        .order_by("-views", "key")[:limit]
    )


def _total(date_range, field):
    return (
        DailyRollup.objects.filter(
            dimension=Dimension.TOTAL, date__range=(date_range.start, date_range.end)
        ).aggregate(total=Sum(field))["total"]
        or 0
    )


def weekly_summary(last_day: datetime.date):
    """The seven days ending with `last_day`, against the seven before."""
    week = DateRange(last_day - datetime.timedelta(days=6), last_day)
    previous = week.previous()
    totals = []
    for field in ("visitors", "views"):
        current, before = _total(week, field), _total(previous, field)
        totals.append({"field": field, "value": current, "change": percent_change(current, before)})
    return {
        "week": week,
        "totals": totals,
        "pages": _top(week, Dimension.PAGE, 10),
        "referrers": _top(week, Dimension.REFERRER, 5),
        "zero_result_searches": _top(week, Dimension.ZERO_RESULT_SEARCH, 5),
        "not_found": _top(week, Dimension.NOT_FOUND, 5),
    }
