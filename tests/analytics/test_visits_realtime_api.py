"""The reports analysts expect of Plausible or Matomo, each checked against raw events:
visits, bounce rate and visit duration (cookieless: the daily visitor hash, a visit ending
after 30 minutes without a view), exit pages, the previous period beside every row, the last
30 minutes; and the JSON API, which gives the figures of the report pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from analytics.factories import DailyRollupFactory, PageViewFactory
from analytics.models import DailyRollup, Dimension
from analytics.rollups import build_rollups
from analytics.views import REPORTS

pytestmark = pytest.mark.django_db

TOKEN = "analyst-api-token-for-tests"  # noqa: S105


def _day():
    return timezone.localdate() - datetime.timedelta(days=1)


def _at(hour, minute):
    day = _day()
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
    )


@pytest.fixture
def raw_events(db):
    """Visitor A: /ka/a/ 10:00, /ka/b/ 10:05 (one visit of 5 minutes), /ka/c/ 11:00 (55 minutes
    later: a second visit, a bounce). Visitor B: /ka/a/ 10:30 (a bounce). A DNT view: no
    visit. By hand: 3 visits, 2 bounces (66.7 %), 300 s in all (100 s a visit); exits
    /ka/b/, /ka/c/, /ka/a/ once each."""
    for visitor, hour, minute, path in (
        ("a" * 32, 10, 0, "/ka/a/"),
        ("a" * 32, 10, 5, "/ka/b/"),
        ("a" * 32, 11, 0, "/ka/c/"),
        ("b" * 32, 10, 30, "/ka/a/"),
        (None, 10, 40, "/ka/a/"),
    ):
        PageViewFactory(viewed_at=_at(hour, minute), path=path, visitor_hash=visitor)
    PageViewFactory(viewed_at=_at(10, 1), path="/ka/gone/", status=404, visitor_hash="a" * 32)
    build_rollups(_day(), _day())


def _visits(key):
    return DailyRollup.objects.get(dimension=Dimension.VISITS, key=key).views


def test_visits_bounces_and_duration_from_raw_events(raw_events):
    assert (_visits("visits"), _visits("bounces"), _visits("seconds")) == (3, 2, 300)
    exits = dict(DailyRollup.objects.filter(dimension=Dimension.EXIT).values_list("key", "views"))
    assert exits == {"/ka/b/": 1, "/ka/c/": 1, "/ka/a/": 1}


def test_overview_shows_visits_bounce_rate_and_duration(raw_events, analyst_client):
    response = analyst_client.get(reverse("analytics_reports:overview"), {"period": "7d"})
    summary = {item["key"]: item for item in response.context["summary"]}
    assert summary["visits"]["value"] == 3
    assert summary["bounce_rate"]["value"] == "66.7%"
    assert summary["duration"]["value"] == "1 წთ 40 წმ"
    assert summary["views"]["value"] == 5  # the DNT view counts as a view, not a visit


def test_exit_pages_report(raw_events, analyst_client):
    response = analyst_client.get(reverse("analytics_reports:exit-pages"), {"period": "7d"})
    rows = {row["key"]: row["views"] for row in response.context["object_list"]}
    assert rows == {"/ka/b/": 1, "/ka/c/": 1, "/ka/a/": 1}


def test_every_report_row_has_the_previous_period(analyst_client):
    today = timezone.localdate()
    DailyRollupFactory(date=today, dimension=Dimension.REFERRER, key="www.google.com", views=30)
    DailyRollupFactory(
        date=today - datetime.timedelta(days=8), dimension=Dimension.REFERRER,
        key="www.google.com", views=20,
    )  # fmt: skip
    response = analyst_client.get(reverse("analytics_reports:referrers"), {"period": "7d"})
    (row,) = response.context["object_list"]
    assert (row["views"], row["previous_views"], row["change_display"]) == (30, 20, "+50.0%")


def test_realtime_counts_the_last_30_minutes(analyst_client):
    now = timezone.now()
    for minutes, path in ((1, "/ka/"), (5, "/ka/"), (29, "/ka/b/"), (31, "/ka/old/"), (45, "/ka/")):
        PageViewFactory(viewed_at=now - datetime.timedelta(minutes=minutes), path=path)
    response = analyst_client.get(reverse("analytics_reports:realtime"))
    summary = {item["key"]: item for item in response.context["summary"]}
    assert summary["views"]["value"] == 3 and summary["views"]["previous"] == 2
    assert summary["visitors"]["value"] == 3
    rows = [(row["path"], row["views"]) for row in response.context["object_list"]]
    assert rows == [("/ka/", 2), ("/ka/b/", 1)]


@pytest.fixture
def api(client, settings):
    settings.ANALYTICS_API_TOKENS = [TOKEN]

    def get(slug, token=TOKEN, **params):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return client.get(reverse("analytics_api", args=[slug]), params, **headers)

    return get


def test_api_needs_a_token(api, settings):
    assert api("overview", token=None).status_code == 401
    assert api("overview", token="wrong").status_code == 401
    assert api("no-such-report").status_code == 400
    settings.ANALYTICS_API_TOKENS = []
    assert api("overview").status_code == 403


def test_api_gives_the_figures_of_the_report_pages(raw_events, api, analyst_client):
    today = timezone.localdate()
    for dimension, key, detail in (
        (Dimension.REFERRER, "www.google.com", ""),
        (Dimension.CAMPAIGN, "pension", "facebook / social"),
        (Dimension.SEARCH_TERM, "პენსია", "ka"),
        (Dimension.SECTION, "services", ""),
    ):
        for days_ago, views in ((0, 9), (8, 4)):
            DailyRollupFactory(
                date=today - datetime.timedelta(days=days_ago), dimension=dimension,
                key=key, detail=detail, views=views, visitors=3,
            )  # fmt: skip
    for report in REPORTS:
        screen = analyst_client.get(reverse(f"analytics_reports:{report.slug}"), {"period": "7d"})
        expected = [
            (row["key"], row["views"], row.get("visitors") if report.with_visitors else None,
             row["previous_views"])
            for row in screen.context["object_list"]
        ]  # fmt: skip
        payload = api(report.slug, period="7d").json()
        got = [
            (row["key"], row["views"], row.get("visitors"), row["previous_views"])
            for row in payload["rows"]
        ]
        assert got == expected, report.slug
    overview = api("overview", period="7d").json()
    screen = analyst_client.get(reverse("analytics_reports:overview"), {"period": "7d"})
    summary = {item["key"]: item for item in screen.context["summary"]}
    assert overview["summary"]["views"]["value"] == summary["views"]["value"] == 5
    assert overview["visits"]["current"] == {"visits": 3, "bounce_rate": 66.7, "duration": 100}
