import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from analytics.factories import DailyRollupFactory
from analytics.models import Dimension
from analytics.views import REPORT_VIEWS

pytestmark = pytest.mark.django_db

REPORT_URLS = ["analytics_reports:overview"] + [
    f"analytics_reports:{view.slug}" for view in REPORT_VIEWS
]


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


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
    editors = Group.objects.get_or_create(name="Editors")[0]
    from analytics.demo import ensure_analyst_group

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
    ],
)
def test_bad_report_parameters_never_fail(analyst_client, rollups, params):
    for url_name in ("analytics_reports:overview", "analytics_reports:pages"):
        response = analyst_client.get(reverse(url_name), params)
        assert response.status_code == 200


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
