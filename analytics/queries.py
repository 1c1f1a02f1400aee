"""The queries behind every report, the page editor's panel and the weekly e-mail: all read
the daily rollups, never the raw page views (bench/analytics_reports.py times both)."""

import datetime

from django.db.models import Count, Sum, Window

from analytics.models import DailyRollup, Dimension, PageView


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


def visit_summary(date_range):
    """Visits, bounce rate (%) and average visit duration (seconds) over the period."""
    figures = dict(
        rollups(Dimension.VISITS, date_range)
        .values("key")
        .annotate(total=Sum("views"))
        .order_by()
        .values_list("key", "total")
    )
    visits = figures.get("visits") or 0
    return {
        "visits": visits,
        "bounce_rate": round(100 * (figures.get("bounces") or 0) / visits, 1) if visits else None,
        "duration": round((figures.get("seconds") or 0) / visits) if visits else None,
    }


def goal_totals(date_range):
    """Goals reached over the period per kind (download, outbound, form)."""
    return dict(
        rollups(Dimension.GOAL, date_range)
        .values("key")
        .annotate(total=Sum("views"))
        .order_by()
        .values_list("key", "total")
    )


def compare(current, previous):
    """{"value", "previous", "change"} of one figure against the previous period."""
    return {"value": current, "previous": previous, "change": percent_change(current, previous)}


def previous_period_views(dimension, date_range, group_by, rows):
    """Views in the previous period of the values in `rows` (a report's page), keyed by the
    tuple of their `group_by` fields."""
    keys = {row["key"] for row in rows}
    if not keys:
        return {}
    totals = dimension_totals(dimension, date_range.previous(), group_by).filter(key__in=keys)
    return {tuple(row[name] for name in group_by): row["views"] for row in totals}


REALTIME_MINUTES = 30


def realtime(now, minutes=REALTIME_MINUTES, limit=20):
    """Views and visitors of the last `minutes` from the raw page views (rollups are
    hourly), beside the `minutes` before; the pages most viewed meanwhile."""
    since = now - datetime.timedelta(minutes=minutes)
    before = since - datetime.timedelta(minutes=minutes)

    def figures(start, end):
        views = PageView.objects.filter(viewed_at__gte=start, viewed_at__lt=end, status=200)
        return views, views.aggregate(
            views=Count("id"), visitors=Count("visitor_hash", distinct=True)
        )

    recent, current = figures(since, now)
    _earlier, previous = figures(before, since)
    pages = list(
        recent.values("path")
        .annotate(views=Count("id"), visitors=Count("visitor_hash", distinct=True))
        .order_by("-views", "path")[:limit]
    )
    return {
        "since": since,
        "views": compare(current["views"], previous["views"]),
        "visitors": compare(current["visitors"], previous["visitors"]),
        "pages": pages,
    }
