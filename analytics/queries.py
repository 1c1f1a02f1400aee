"""The queries behind every report, the page editor's panel and the weekly e-mail: all read
the daily rollups, never the raw page views (bench/analytics_reports.py times both)."""

from django.db.models import Count, Sum, Window

from analytics.models import DailyRollup, Dimension


def rollups(dimension, date_range):
    return DailyRollup.objects.filter(
        dimension=dimension, date__range=(date_range.start, date_range.end)
    )


GROUP_COUNT = "group_count"


def dimension_totals(dimension, date_range, group_by=("key",), with_group_count=False):
    """Views and visitors per value of `dimension` over the period (unordered).

    `with_group_count` adds to every row the number of rows of the whole result
    (COUNT(*) OVER ()): a paginated report then learns its total from the page it fetched
    instead of running the aggregate a second time for the count.
    """
    totals = (
        rollups(dimension, date_range)
        .values(*group_by)
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
        .order_by()
    )
    if with_group_count:
        totals = totals.annotate(**{GROUP_COUNT: Window(Count("*"))})
    return totals


def top(dimension, date_range, limit, group_by=("key",)):
    """The `limit` values with the most views; ties in a stable order."""
    return list(
        dimension_totals(dimension, date_range, group_by).order_by("-views", *group_by)[:limit]
    )


def daily_totals(date_range, dimension=Dimension.TOTAL, **filters):
    """One {"date", "views", "visitors"} per day of the period, zeros included."""
    totals = {
        row["date"]: row
        for row in rollups(dimension, date_range)
        .filter(**filters)
        .values("date")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
        .order_by()
    }
    return [
        {
            "date": day,
            "views": totals.get(day, {}).get("views") or 0,
            "visitors": totals.get(day, {}).get("visitors") or 0,
        }
        for day in date_range.dates()
    ]


def percent_change(current, previous):
    if not previous:
        return None
    return round((current - previous) * 100 / previous, 1)


def period_summary(days, previous_days):
    """Visitors and views over the period against the period before, from daily_totals."""
    summary = []
    for field in ("visitors", "views"):
        current = sum(day[field] for day in days)
        previous = sum(day[field] for day in previous_days)
        summary.append(
            {
                "key": field,
                "value": current,
                "previous": previous,
                "change": percent_change(current, previous),
            }
        )
    return summary
