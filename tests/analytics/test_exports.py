"""Every report's table downloads as CSV and XLSX: the same rows in both, all of them (not
only the page on screen), labelled in the admin's language, and only for those who may see
the reports."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from analytics.factories import DailyRollupFactory
from analytics.models import Dimension
from analytics.views import REPORTS

pytestmark = pytest.mark.django_db

# dimension: (key, detail) of the one value each report is given.
VALUES = {
    Dimension.PAGE: ("/ka/", ""),
    Dimension.ENTRY: ("/ka/", ""),
    Dimension.EXIT: ("/ka/", ""),
    Dimension.SECTION: ("services", ""),
    Dimension.REFERRER: ("www.google.com", ""),
    Dimension.CAMPAIGN: ("pension-2026", "facebook / social"),
    Dimension.DEVICE: ("mobile", ""),
    Dimension.BROWSER: ("Firefox", ""),
    Dimension.OS: ("Android", ""),
    Dimension.LOCALE: ("ka", ""),
    Dimension.SEARCH_TERM: ("პენსია", "ka"),
    Dimension.ZERO_RESULT_SEARCH: ("ვაუჩერი", "ka"),
    Dimension.NOT_FOUND: ("/ka/old/", "www.google.com"),
    Dimension.GOAL: ("outbound", "https://matsne.gov.ge/ka/document/view/21698"),
}
# What the Georgian admin shows for a value that has a label.
LABELS = {
    Dimension.DEVICE: "მობილური ტელეფონი",
    Dimension.LOCALE: "ქართული",
    Dimension.GOAL: "გარე ბმული",
}


@pytest.fixture
def every_dimension(home_pages):
    """One value per report, seen today (7 views, 3 visitors) and yesterday (5 and 2)."""
    today = timezone.localdate()
    for dimension, (key, detail) in VALUES.items():
        page_dimensions = (Dimension.PAGE, Dimension.ENTRY, Dimension.EXIT)
        page = home_pages["ka"] if dimension in page_dimensions else None
        for days_ago, views, visitors in ((0, 7, 3), (1, 5, 2)):
            DailyRollupFactory(
                date=today - datetime.timedelta(days=days_ago),
                dimension=dimension,
                key=key,
                detail=detail,
                page=page,
                views=views,
                visitors=visitors,
            )


def _csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def _xlsx_rows(response):
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    return [["" if cell.value is None else str(cell.value) for cell in row] for row in sheet]


@pytest.mark.parametrize("report", REPORTS, ids=lambda report: report.slug)
def test_every_report_exports_the_same_rows_as_csv_and_xlsx(
    analyst_client, every_dimension, report
):
    url = reverse(f"analytics_reports:{report.slug}")
    csv_rows = _csv_rows(analyst_client.get(url, {"export": "csv"}))
    xlsx_rows = _xlsx_rows(analyst_client.get(url, {"export": "xlsx"}))
    assert csv_rows == xlsx_rows
    headings, *rows = csv_rows
    assert len(rows) == 1
    (row,) = rows
    assert len(row) == len(headings)
    key, detail = VALUES[report.dimension]
    figures = ["12", "5"] if report.with_visitors else ["12"]
    assert row[-len(figures) :] == figures
    assert LABELS.get(report.dimension, key) in row
    if report.detail_label:
        assert detail in row


def test_campaign_export_names_source_and_medium_in_georgian(analyst_client, every_dimension):
    url = reverse("analytics_reports:campaigns")
    headings, row = _csv_rows(analyst_client.get(url, {"export": "csv"}))
    assert headings == ["კამპანია", "წყარო / არხი", "ნახვები", "ვიზიტორები"]
    assert row == ["pension-2026", "facebook / social", "12", "5"]


def test_export_holds_every_row_not_only_the_first_page(analyst_client, home_pages):
    today = timezone.localdate()
    for number in range(60):
        DailyRollupFactory(date=today, dimension=Dimension.REFERRER, key=f"site-{number}.ge")
    url = reverse("analytics_reports:referrers")
    screen = analyst_client.get(url)
    assert len(screen.context["object_list"]) == 50
    for export in ("csv", "xlsx"):
        response = analyst_client.get(url, {"export": export})
        rows = _csv_rows(response) if export == "csv" else _xlsx_rows(response)
        assert sorted(row[0] for row in rows[1:]) == sorted(f"site-{n}.ge" for n in range(60))


def test_export_follows_the_period(analyst_client, every_dimension):
    today = timezone.localdate()
    url = reverse("analytics_reports:browsers")
    params = {"period": "custom", "start": today.isoformat(), "end": today.isoformat()}
    _, row = _csv_rows(analyst_client.get(url, {**params, "export": "csv"}))
    assert row == ["Firefox", "7", "3"]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_export_needs_the_report_permission(client, django_user_model, every_dimension, export):
    user = django_user_model.objects.create_user(username="editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for url_name in ("analytics_reports:overview", "analytics_reports:not-found"):
        response = client.get(reverse(url_name), {"export": export})
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
