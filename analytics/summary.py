"""The figures of the weekly e-mail report, read from the rollups."""

import datetime

from analytics.daterange import DateRange
from analytics.models import Dimension
from analytics.queries import daily_totals, period_summary, top


def weekly_summary(last_day: datetime.date):
    """The seven days ending with `last_day`, against the seven before."""
    week = DateRange(last_day - datetime.timedelta(days=6), last_day)
    return {
        "week": week,
        "totals": period_summary(daily_totals(week), daily_totals(week.previous())),
        "pages": top(Dimension.PAGE, week, 10),
        "referrers": top(Dimension.REFERRER, week, 5),
        "zero_result_searches": top(Dimension.ZERO_RESULT_SEARCH, week, 5),
        "not_found": top(Dimension.NOT_FOUND, week, 5),
    }
