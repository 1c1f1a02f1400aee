import csv
import datetime
import io
import re

import factory
import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from analytics.factories import DailyRollupFactory
from analytics.models import Dimension
from analytics.views import REPORTS
from cms.roles import WEB_EDITORS
from demo.steps.analytics import ensure_analyst_group

pytestmark = pytest.mark.django_db

REPORT_URLS = ["analytics_reports:overview"] + [
    f"analytics_reports:{report.slug}" for report in REPORTS
]


@pytest.fixture
def rollups(home_pages):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    for day, views, visitors in ((today, 30, 12), (yesterday, 10, 4)):
        DailyRollupFactory(date=day, views=views, visitors=visitors)
    DailyRollupFactory(
        date=today, dimension=Dimension.PAGE, key="/ka/", page=home_pages["ka"], views=21
    )
    DailyRollupFactory(date=yesterday, dimension=Dimension.PAGE, key="/ka/", views=4)
    DailyRollupFactory(date=today, dimension=Dimension.PAGE, key="/en/", views=9)
    DailyRollupFactory(
        date=today, dimension=Dimension.NOT_FOUND, key="/ka/old/", detail="/ka/", views=3
    )
    DailyRollupFactory(
        date=today, dimension=Dimension.ZERO_RESULT_SEARCH, key="პენსია", detail="ka", views=2
    )
    # Outside the default period: must not be counted.
    DailyRollupFactory(date=today - datetime.timedelta(days=200), views=999)


@pytest.mark.parametrize("url_name", REPORT_URLS)
def test_analyst_sees_every_report(analyst_client, rollups, url_name):
    response = analyst_client.get(reverse(url_name))
    assert response.status_code == 200


def test_analyst_cannot_edit_pages(analyst_client, home_pages):
    response = analyst_client.get(reverse("wagtailadmin_pages:edit", args=[home_pages["ka"].pk]))
    assert response.status_code in (302, 403)
    assert not analyst_client.get(reverse("wagtailadmin_home")).status_code >= 400


def test_user_without_the_permission_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("analytics_reports:overview"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_web_editors_get_the_report_permission(analysts_group):
    editors = Group.objects.get_or_create(name=WEB_EDITORS)[0]
    ensure_analyst_group()
    assert editors.permissions.filter(codename="view_reports").exists()


def test_menu_is_shown_to_analysts_only(analyst_client, client, django_user_model):
    assert b"analytics-overview" in analyst_client.get(reverse("wagtailadmin_home")).content
    editor = django_user_model.objects.create_user(username="editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert b"analytics-overview" not in client.get(reverse("wagtailadmin_home")).content


def test_overview_totals_and_change(analyst_client, rollups):
    response = analyst_client.get(reverse("analytics_reports:overview"), {"period": "7d"})
    summary = {item["key"]: item for item in response.context["summary"]}
    assert summary["views"]["value"] == 40
    assert summary["visitors"]["value"] == 16
    assert summary["views"]["change"] is None  # nothing in the week before
    assert b"<svg" in response.content and b'role="img"' in response.content


def test_overview_change_against_previous_period(analyst_client, rollups):
    today = timezone.localdate()
    response = analyst_client.get(
        reverse("analytics_reports:overview"),
        {"period": "custom", "start": today.isoformat(), "end": today.isoformat()},
    )
    summary = {item["key"]: item for item in response.context["summary"]}
    assert summary["views"]["value"] == 30
    assert summary["views"]["previous"] == 10
    assert summary["views"]["change"] == 200.0


def test_top_pages_csv(analyst_client, rollups):
    response = analyst_client.get(reverse("analytics_reports:pages"), {"export": "csv"})
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows[0]) == 4  # headings, in the admin's language
    assert rows[1:] == [
        ["მთავარი", "/ka/", "21", "5"],
        ["/en/", "/en/", "9", "5"],
        ["/ka/", "/ka/", "4", "5"],
    ]


def test_not_found_xlsx_and_redirect_link(analyst_client, admin_client, rollups):
    response = analyst_client.get(reverse("analytics_reports:not-found"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(rows[0]) == 4
    assert rows[1:] == [["/ka/old/", "/ka/", 3, 5]]
    page = admin_client.get(reverse("analytics_reports:not-found"))
    link = reverse("analytics_reports:create_redirect") + "?old_path=%2Fka%2Fold%2F"
    assert link.encode() in page.content.replace(b"&amp;", b"&")
    form = admin_client.get(link)
    assert form.status_code == 200
    assert form.context["form"].initial["old_path"] == "/ka/old/"


def test_zero_result_searches(analyst_client, rollups):
    response = analyst_client.get(reverse("analytics_reports:zero-result-searches"))
    assert "პენსია" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"period": "nonsense"},
        {"period": "custom", "start": "2026-02-30", "end": "2026-03-01"},
        {"period": "custom", "start": "yesterday", "end": ""},
        {"period": "custom", "start": "2026-03-10", "end": "2026-03-01"},
        {"period": "custom", "start": "1900-01-01", "end": "2026-03-01"},
        {"start": "2010-01-01", "end": "2026-01-01"},
        {"p": "abc", "ordering": "evil"},
        {"p": "99999"},
        {"p": "9" * 40},
        {"p": "1.5"},
        {"period": "custom", "start": "99999-01-01", "end": "2026-01-01"},
        # (A NUL in the query string is refused before any view: tests/cms/test_request_guard.py)
        {"period": "custom", "start": "2026-01-01", "end": "2026-01-01T00:00:00"},
        {"period": ["7d", "30d"], "start": "2026-01-01" * 500},
        {"export": "pdf"},
        {"export": "csv", "period": "custom", "start": "2026-03-10", "end": "2026-03-01"},
        {"export": "xlsx", "period": "365d"},
    ],
)
def test_bad_report_parameters_never_fail(analyst_client, rollups, home_pages, params):
    for url in (
        reverse("analytics_reports:overview"),
        reverse("analytics_reports:pages"),
        reverse("analytics_reports:not-found"),
        reverse("analytics_reports:page", args=[home_pages["ka"].pk]),
    ):
        response = analyst_client.get(url, params)
        assert response.status_code == 200, url


def test_non_utf8_report_query_string_never_fails(analyst_client, rollups):
    url = reverse("analytics_reports:overview") + "?period=custom&start=%FF%FE&end=%C3%28"
    response = analyst_client.get(url)
    assert response.status_code == 200
    assert response.context["date_error"]


def test_invalid_dates_say_so(analyst_client, rollups):
    response = analyst_client.get(
        reverse("analytics_reports:referrers"),
        {"period": "custom", "start": "2026-02-30", "end": "2026-03-01"},
    )
    assert response.context["date_error"]
    assert b'role="alert"' in response.content


def test_page_views_of_one_page(analyst_client, rollups, home_pages):
    response = analyst_client.get(reverse("analytics_reports:page", args=[home_pages["ka"].pk]))
    summary = {item["key"]: item for item in response.context["summary"]}
    assert summary["views"]["value"] == 21
    missing = analyst_client.get(reverse("analytics_reports:page", args=[999999]))
    assert missing.status_code in (302, 404)


def test_page_editor_links_to_the_page_views(admin_client, home_pages):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home_pages["ka"].pk]))
    assert reverse("analytics_reports:page", args=[home_pages["ka"].pk]).encode() in (
        response.content
    )


def test_overview_csv_lists_every_day(analyst_client, rollups):
    today = timezone.localdate()
    response = analyst_client.get(
        reverse("analytics_reports:overview"),
        {"period": "custom", "start": (today - datetime.timedelta(days=2)).isoformat(),
         "end": today.isoformat(), "export": "csv"},
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[1:] for row in rows[1:]] == [["0", "0"], ["10", "4"], ["30", "12"]]


def test_page_editor_has_an_analytics_tab(admin_client, rollups, home_pages):
    page = home_pages["ka"]
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "ნახვები ბოლო 30 დღეში" in content  # the admin speaks Georgian
    figures = re.search(r'analytics-page-views__figures">(.*?)</dl>', content, re.S).group(1)
    # 21 views today and 5 visitors, from the page's own rollups; 4 views of "/ka/" without
    # a page do not belong to it.
    assert re.findall(r"<dd>(\d+)</dd>", figures) == ["21", "5"]
    assert 'role="img"' in content and "<polyline" in content
    # The line has a scale in words: 0 at the bottom, the peak (21 views) at the top.
    assert "მასშტაბი: ქვემოთ 0, ზემოთ დღეში 21 ნახვა" in content
    assert reverse("analytics_reports:page", args=[page.pk]) in content


def test_analytics_tab_needs_the_report_permission(client, django_user_model, home_pages):
    editor = django_user_model.objects.create_user(username="ed", password="x")
    # Wagtail's stock editors may edit the page; the web editors' group reads reports.
    editor.groups.add(
        Group.objects.get(name="Editors"), Group.objects.get_or_create(name=WEB_EDITORS)[0]
    )
    ensure_analyst_group()  # gives the web editors the report permission
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[home_pages["ka"].pk])
    shown = client.get(url).content.decode()
    Group.objects.get(name=WEB_EDITORS).permissions.remove(
        Permission.objects.get(codename="view_reports")
    )
    hidden = client.get(url).content.decode()
    assert "analytics-page-views" in shown
    assert "analytics-page-views" not in hidden


def test_page_being_created_has_no_analytics_tab(admin_client, home_pages):
    url = reverse("wagtailadmin_pages:add", args=["cms", "contentpage", home_pages["ka"].pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"analytics-page-views" not in response.content


def test_analytics_tab_adds_no_form_field(home_pages):
    from cms.models import ContentPage

    form_class = ContentPage.get_edit_handler().get_form_class()
    with translation.override("en"):
        tabs = [str(tab.heading) for tab in ContentPage.get_edit_handler().children]
    assert tabs[-1] == "Analytics"
    assert not [name for name in form_class.base_fields if "analytic" in name]


def _page_rollups(paths, days, page=None):
    """Rollups of `paths` on each of the last `days` days; /p-0/ has the most views."""
    today = timezone.localdate()
    DailyRollupFactory.create_batch(
        paths * days,
        dimension=Dimension.PAGE,
        date=factory.Iterator(
            [today - datetime.timedelta(days=n // paths) for n in range(paths * days)]
        ),
        key=factory.Iterator([f"/ka/p-{n}/" for n in range(paths)]),
        views=factory.Iterator([1000 - n for n in range(paths)]),
        page=page,
    )


def _top_pages_queries(client, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("analytics_reports:pages"), params or {})
    assert response.status_code == 200
    rollup_queries = [q for q in queries if "analytics_dailyrollup" in q["sql"]]
    return response, len(queries), rollup_queries


def test_top_pages_query_count_does_not_grow_with_pages(analyst_client, home_pages):
    _top_pages_queries(analyst_client)  # the session's and the site's first look-ups
    _page_rollups(paths=3, days=1, page=home_pages["ka"])
    small, small_count, small_rollup_queries = _top_pages_queries(analyst_client)
    assert small.context["paginator"].count == 3
    _page_rollups(paths=70, days=4, page=home_pages["ka"])
    large, large_count, large_rollup_queries = _top_pages_queries(analyst_client)
    assert large.context["paginator"].count == 70
    assert len(large.context["object_list"]) == 50
    assert large_count == small_count
    # One aggregate gives the page's rows and the paginator's count: no second sum; one more
    # gives the previous period's views of the rows on the page.
    assert len(large_rollup_queries) == len(small_rollup_queries) == 2


def test_top_pages_pagination_from_one_query(analyst_client, home_pages):
    _page_rollups(paths=60, days=2)
    first, _, _ = _top_pages_queries(analyst_client)
    assert [row["key"] for row in first.context["object_list"]][:2] == ["/ka/p-0/", "/ka/p-1/"]
    assert first.context["object_list"][0]["views"] == 2000
    second, _, rollup_queries = _top_pages_queries(analyst_client, {"p": "2"})
    assert second.context["paginator"].count == 60
    assert [row["key"] for row in second.context["object_list"]] == [
        f"/ka/p-{n}/" for n in range(50, 60)
    ]
    assert len(rollup_queries) == 2  # the page with its count, the previous period
    # Past the end: the last page, as Wagtail's listings do; the count then needs a query.
    beyond, _, _ = _top_pages_queries(analyst_client, {"p": "9"})
    assert beyond.context["page_obj"].number == 2
    assert len(beyond.context["object_list"]) == 10


def test_empty_top_pages_report(analyst_client, db):
    response, _, _ = _top_pages_queries(analyst_client)
    assert response.context["paginator"].count == 0
    assert list(response.context["object_list"]) == []


def test_a_long_list_says_its_rows_period_and_freshness_not_daily_rollups(analyst_client):
    """The footer under a list of pages speaks to an analyst: how many rows, which period,
    how fresh; not Wagtail's count of the model's objects ("N daily rollups")."""
    today = timezone.localdate()
    for number in range(60):
        DailyRollupFactory(date=today, dimension=Dimension.PAGE, key=f"/ka/page-{number}/")
    response = analyst_client.get(reverse("analytics_reports:pages"), {"period": "7d"})
    footer = re.search(
        r'<div class="pagination__end">(.*?)</div>', response.content.decode(), re.S
    ).group(1)
    start = today - datetime.timedelta(days=6)
    with translation.override("ka"):
        from django.utils.formats import date_format

        period = f"{date_format(start, 'DATE_FORMAT')} – {date_format(today, 'DATE_FORMAT')}"
    assert footer.strip() == f"60 სტრიქონი, {period}; მონაცემები ყოველ საათში ახლდება."
    assert "დღიური ჯამები" not in response.content.decode()
