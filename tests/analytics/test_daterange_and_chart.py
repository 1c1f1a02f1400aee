import datetime

from django.http import QueryDict

from analytics.charts import trend_chart
from analytics.daterange import DateRange, parse_date_range

TODAY = datetime.date(2026, 3, 15)


def _parse(query):
    return parse_date_range(QueryDict(query), today=TODAY)


def test_presets():
    assert _parse("")[0] == DateRange(datetime.date(2026, 2, 14), TODAY, "30d")
    assert _parse("period=7d")[0].start == datetime.date(2026, 3, 9)
    assert _parse("period=last_month")[0] == DateRange(
        datetime.date(2026, 2, 1), datetime.date(2026, 2, 28), "last_month"
    )
    assert _parse("period=this_year")[0].start == datetime.date(2026, 1, 1)


def test_custom_range_and_previous_period():
    date_range, error = _parse("period=custom&start=2026-03-01&end=2026-03-10")
    assert error is None
    assert date_range.days == 10
    assert date_range.previous() == DateRange(
        datetime.date(2026, 2, 19), datetime.date(2026, 2, 28)
    )


def test_bad_ranges_fall_back_with_a_message():
    for query in (
        "period=custom&start=2026-02-30&end=2026-03-01",
        "start=2026-03-10&end=2026-03-01",
        "period=custom&start=%FF&end=2026-03-01",
        "period=custom&start=1000-01-01&end=2026-03-01",
        "period=custom&start=2026-03-01&end=2030-01-01",
        "period=<script>",
    ):
        date_range, error = _parse(query)
        assert error, query
        assert date_range.preset == "30d"


def test_chart_axis_labels_are_whole_numbers():
    days = [(TODAY - datetime.timedelta(days=i), 10 + i, 3) for i in range(20)]
    chart = trend_chart(days)
    assert [value for value, _y in chart.y_ticks] == [0, 10, 20, 30, 40]
    assert len(chart.views_points.split()) == 20
    assert trend_chart([]) is None
