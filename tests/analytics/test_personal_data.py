"""Personal data typed or linked into the site (a personal number in the search box, a phone
number or an e-mail address in a link's parameters) is stored nowhere: not in the page views,
the search log, the rollups, the reports, their CSV/XLSX or the weekly e-mail; and the purge
removes old search terms."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from analytics import buffer
from analytics.factories import DailyRollupFactory
from analytics.models import DailyRollup, Dimension, PageView
from analytics.rollups import build_rollups
from demo.steps.analytics import WEEKLY_REPORT_GROUP
from helpers.personal_data import scrub
from search import querylog
from search.models import SearchQueryLog
from tests.analytics.conftest import BROWSER_AGENT

pytestmark = pytest.mark.django_db

PERSONAL_NUMBER = "01001012345"
PHONE = "+995 599 12 34 56"
PHONE_DIGITS = "599123456"
EMAIL = "nino.beridze@example.ge"
CARD = "4111 1111 1111 1111"
# The card in every form a stored text could hold it (as typed, digits only, URL-encoded);
# not a four-digit fragment, which random hashes in other tables contain by chance.
CARD_FORMS = [CARD, CARD.replace(" ", ""), CARD.replace(" ", "+"), CARD.replace(" ", "%20")]
SECRETS = [PERSONAL_NUMBER, PHONE_DIGITS, "599 12 34 56", EMAIL, "nino.beridze", *CARD_FORMS]


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"პენსია {PERSONAL_NUMBER}", "პენსია [ID]"),
        (PHONE, "[PHONE]"),
        ("5991234 56", "[PHONE]"),
        (f"contact {EMAIL}", "contact [EMAIL]"),
        ("nino%40example.ge", "[EMAIL]"),
        (CARD, "[CARD]"),
        ("ბრძანება 2024-01-15 N 123", "ბრძანება 2024-01-15 N 123"),
        ("/files/20080118/notes", "/files/20080118/notes"),
    ],
)
def test_scrub(text, expected):
    assert scrub(text) == expected


def _dump_every_table():
    """Every value of every row of every table, as one text."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                parts.extend(str(value) for value in row if value is not None)
    return "\n".join(parts)


def test_personal_data_is_stored_nowhere(analyst_client, home_pages, settings):
    settings.ANALYTICS_QUERY_ALLOWLIST = ("q", "id")
    visitor_client = Client(HTTP_USER_AGENT=BROWSER_AGENT, REMOTE_ADDR="203.0.113.7")
    querylog.discard()
    for query in (
        {"q": f"პენსია {PERSONAL_NUMBER}"},
        {"q": PHONE},
        {"q": EMAIL},
        {"q": CARD},
        {"q": '=HYPERLINK("http://evil.example")', "id": PERSONAL_NUMBER},
        {"q": "x", "utm_campaign": EMAIL, "utm_source": PHONE, "utm_medium": PERSONAL_NUMBER},
    ):
        visitor_client.get("/ka/search/", query, HTTP_REFERER=f"http://testserver/ka/?m={EMAIL}")
    visitor_client.get("/ka/", {"id": PERSONAL_NUMBER, "email": EMAIL})
    buffer.flush()
    querylog.flush()
    assert PageView.objects.count() >= 7
    assert SearchQueryLog.objects.count() >= 5
    today = timezone.localdate()
    build_rollups(today, today)
    assert DailyRollup.objects.filter(dimension=Dimension.SEARCH_TERM).exists()

    dump = _dump_every_table()
    for secret in SECRETS:
        assert secret not in dump
    assert "[ID]" in dump and "[EMAIL]" in dump

    outputs = []
    for slug in ("search-terms", "zero-result-searches", "campaigns", "pages"):
        url = reverse(f"analytics_reports:{slug}")
        outputs.append(analyst_client.get(url).content.decode())
        outputs.append(analyst_client.get(url, {"export": "csv"}).getvalue().decode())
        workbook = load_workbook(io.BytesIO(analyst_client.get(url, {"export": "xlsx"}).getvalue()))
        outputs.extend(
            str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row
        )
    Group.objects.get(name=WEEKLY_REPORT_GROUP).user_set.add(_analyst())
    call_command("send_analytics_report", stdout=io.StringIO())
    outputs.extend(message.body for message in mail.outbox)
    text = "\n".join(outputs)
    for secret in SECRETS:
        assert secret not in text
    assert "[ID]" in text


def _analyst():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="analyst")


def test_csv_export_neutralises_formulas(analyst_client):
    today = timezone.localdate()
    DailyRollupFactory(
        date=today, dimension=Dimension.SEARCH_TERM, key='=HYPERLINK("x")', detail="ka"
    )
    DailyRollupFactory(date=today, dimension=Dimension.REFERRER, key="@evil.example")
    DailyRollupFactory(date=today, dimension=Dimension.REFERRER, key="-2+3")
    cells = []
    for slug in ("search-terms", "referrers"):
        response = analyst_client.get(reverse(f"analytics_reports:{slug}"), {"export": "csv"})
        cells.extend(
            cell for row in csv.reader(io.StringIO(response.getvalue().decode())) for cell in row
        )
    assert '\'=HYPERLINK("x")' in cells and "'@evil.example" in cells and "'-2+3" in cells
    assert not any(cell.startswith(("=", "@", "+", "-", "\t", "\r")) for cell in cells)
    response = analyst_client.get(reverse("analytics_reports:search-terms"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert any(str(value).endswith('HYPERLINK("x")') for value in values)


def test_purge_removes_old_search_terms(settings):
    settings.ANALYTICS_SEARCH_RETENTION_DAYS = 30
    old = timezone.now() - datetime.timedelta(days=40)
    kept = SearchQueryLog.objects.create(query="ახალი", locale="ka", result_count=1)
    gone = SearchQueryLog.objects.create(query="ძველი", locale="ka", result_count=0)
    SearchQueryLog.objects.filter(pk=gone.pk).update(created_at=old)
    # A term logged before scrubbing existed.
    legacy = SearchQueryLog.objects.create(query="x", locale="ka", result_count=0)
    SearchQueryLog.objects.filter(pk=legacy.pk).update(query=f"pension {PERSONAL_NUMBER}")
    today = timezone.localdate()
    DailyRollupFactory(
        date=today - datetime.timedelta(days=40), dimension=Dimension.SEARCH_TERM, key="ძველი"
    )
    DailyRollupFactory(date=today, dimension=Dimension.SEARCH_TERM, key="ახალი")
    DailyRollupFactory(
        date=today - datetime.timedelta(days=40), dimension=Dimension.PAGE, key="/ka/"
    )
    out = io.StringIO()
    call_command("purge_analytics", stdout=out)
    assert set(SearchQueryLog.objects.values_list("pk", flat=True)) == {kept.pk, legacy.pk}
    assert SearchQueryLog.objects.get(pk=legacy.pk).query == "pension [ID]"
    assert list(
        DailyRollup.objects.filter(dimension=Dimension.SEARCH_TERM).values_list("key", flat=True)
    ) == ["ახალი"]
    assert DailyRollup.objects.filter(dimension=Dimension.PAGE).exists()  # other rollups stay
    assert "Deleted 1 logged searches" in out.getvalue()
