"""Goals: document downloads and accepted public forms counted on the server where they pass
through it, outbound links by the page's beacon with a destination the server signed; the
Goals report and the API checked against the raw events; nothing personal kept."""

import datetime
import re
import time
from collections import Counter
from html import unescape
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText

from analytics.beacon import page_token
from analytics.goals import outbound_signature
from analytics.models import DailyRollup, Dimension, GoalEvent
from analytics.rollups import build_rollups, purge_raw_views
from cms.factories import ContentPageFactory
from inquiries.defaults import ensure_default_request_types
from inquiries.factories import InquiryFormPageFactory
from inquiries.models import RequestType
from media_archive.factories import ArchiveDocumentFactory
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from tests.analytics.conftest import BROWSER_AGENT

pytestmark = pytest.mark.django_db

MATSNE = "https://matsne.gov.ge/ka/document/view/21698"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
API_TOKEN = "goals-api-token"  # noqa: S105


def goals(kind=None):
    events = GoalEvent.objects.all()
    return list(events.filter(kind=kind) if kind else events)


# Document downloads ---------------------------------------------------------------------


@pytest.fixture
def document(db):
    return ArchiveDocumentFactory(title="განაცხადის ფორმა")


def test_a_document_download_is_counted_on_the_server(document, visitor_client):
    response = visitor_client.get(document.url)
    assert response.status_code == 200
    b"".join(response.streaming_content)
    (event,) = goals(GoalEvent.Kind.DOWNLOAD)
    assert (event.target, event.label) == (document.url, "განაცხადის ფორმა")
    assert event.date == timezone.localdate() and len(event.visitor_hash) == 32


def test_not_a_download_head_later_ranges_robots_and_admin_users(document, client):
    client.defaults.update(HTTP_USER_AGENT=BROWSER_AGENT, REMOTE_ADDR="203.0.113.9")
    client.head(document.url)
    client.get(document.url, HTTP_RANGE="bytes=100-")
    client.get(document.url, HTTP_USER_AGENT=GOOGLEBOT)
    client.get(document.url, HTTP_SEC_PURPOSE="prefetch")
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x")
    client.force_login(editor)
    client.get(document.url)
    assert goals() == []
    client.logout()
    client.get(document.url, HTTP_RANGE="bytes=0-")  # a viewer's first request: a download
    assert len(goals()) == 1


def test_a_logged_in_reader_without_admin_access_is_counted(document, client):
    """Social workers reading the staff section are the audience of its documents."""
    reader = get_user_model().objects.create_user("social-worker", password="x")
    client.force_login(reader)
    client.get(document.url, HTTP_USER_AGENT=BROWSER_AGENT)
    assert len(goals(GoalEvent.Kind.DOWNLOAD)) == 1


def test_a_document_the_visitor_may_not_fetch_is_not_a_download(document, visitor_client):
    from wagtail.models import CollectionViewRestriction

    CollectionViewRestriction.objects.create(
        collection=document.collection, restriction_type="login"
    )
    response = visitor_client.get(document.url)
    assert response.status_code in (302, 403)
    assert goals() == []


# Form submissions -----------------------------------------------------------------------


def inquiry(**changes):
    ensure_default_request_types()
    data = {
        "request_type": str(RequestType.objects.get(kind="public_information").pk),
        "name": "ნინო ბერიძე",
        "email": "nino@example.ge",
        "message": "გთხოვთ, მომაწოდოთ სოციალური დახმარების სტატისტიკა.",
        "consent": "on",
        "website": "",
    }
    return {**data, **changes}


def test_an_accepted_form_is_a_goal_a_refused_one_is_not(home_pages, visitor_client):
    page = InquiryFormPageFactory(parent=home_pages["ka"], slug="mimartva")
    assert visitor_client.post(page.url, inquiry(email="not-an-address")).status_code == 200
    assert visitor_client.post(page.url, inquiry(consent="")).status_code == 200
    assert goals() == []
    response = visitor_client.post(page.url, inquiry())
    assert response.status_code == 302
    (event,) = goals(GoalEvent.Kind.FORM)
    assert (event.target, event.page_id) == (page.url, page.pk)
    # Nothing the visitor typed is kept with it.
    stored = repr(GoalEvent.objects.values().get())
    assert "nino" not in stored and "ნინო" not in stored


def test_a_get_of_the_form_page_is_no_goal(home_pages, visitor_client):
    page = InquiryFormPageFactory(parent=home_pages["ka"], slug="mimartva")
    assert visitor_client.get(page.url).status_code == 200
    assert goals() == []


# Outbound links -------------------------------------------------------------------------


def signed_links(html):
    """(href, signature) of every link carrying data-outbound."""
    return [
        (unescape(href), sig)
        for href, sig in re.findall(r'<a href="([^"]*)"[^>]*data-outbound="([^"]*)"', html)
    ]


@pytest.fixture
def service(home_pages):
    index = ServiceIndexPageFactory(parent=home_pages["ka"])
    return ServicePageFactory(parent=index)


def send_goal(client, page, url, sig, token=None, **headers):
    body = urlencode(
        {"page": page.pk, "token": token or page_token(page.pk), "url": url, "sig": sig}
    )
    return client.post(
        reverse("analytics_goal_beacon"),
        body.encode(),
        content_type="application/x-www-form-urlencoded;charset=UTF-8",
        **headers,
    )


def test_pages_sign_their_outbound_links(service, home_pages, visitor_client):
    html = visitor_client.get(service.url).content.decode()
    assert (MATSNE, outbound_signature(MATSNE)) in signed_links(html)
    article = ContentPageFactory(
        parent=home_pages["ka"],
        body=[
            ("paragraph", RichText(
                '<p><a href="https://matsne.gov.ge/ka/document/view/16270?a=1&amp;b=2">'
                'კოდექსი</a> და <a href="/ka/">მთავარი</a></p>'
            )),
        ],
    )  # fmt: skip
    html = visitor_client.get(article.url).content.decode()
    url = "https://matsne.gov.ge/ka/document/view/16270?a=1&b=2"
    assert signed_links(html) == [(url, outbound_signature(url))]
    assert 'data-goal-endpoint="/analytics/goal"' in html


def test_a_followed_outbound_link_is_counted_once(service, visitor_client):
    sig = outbound_signature(MATSNE)
    assert send_goal(visitor_client, service, MATSNE, sig).status_code == 204
    assert send_goal(visitor_client, service, MATSNE, sig).status_code == 204  # a replay
    (event,) = goals(GoalEvent.Kind.OUTBOUND)
    assert (event.target, event.page_id) == (MATSNE, service.pk)


def test_forged_outbound_beacons_are_refused(service, home_pages, visitor_client):
    sig = outbound_signature(MATSNE)
    other = "https://example.com/advert"
    assert send_goal(visitor_client, service, other, sig).status_code == 400
    assert send_goal(visitor_client, service, other, "made-up").status_code == 400
    assert send_goal(visitor_client, service, MATSNE, "").status_code == 400
    another_page = page_token(home_pages["ka"].pk)
    assert send_goal(visitor_client, service, MATSNE, sig, token=another_page).status_code == 400
    stale = page_token(service.pk, time.time() - 30 * 24 * 3600)
    assert send_goal(visitor_client, service, MATSNE, sig, token=stale).status_code == 400
    js = "javascript:alert(1)"
    assert send_goal(visitor_client, service, js, outbound_signature(js)).status_code == 400
    assert (
        send_goal(visitor_client, service, MATSNE, sig, HTTP_USER_AGENT=GOOGLEBOT).status_code
        == 204
    )
    assert goals() == []


def test_outbound_target_keeps_no_query_string(service, visitor_client):
    url = "https://matsne.gov.ge/ka/document/view/1?email=nino@example.ge&pn=01001012345"
    send_goal(visitor_client, service, url, outbound_signature(url))
    (event,) = goals()
    assert event.target == "https://matsne.gov.ge/ka/document/view/1"


# The report, against the raw events ------------------------------------------------------


@pytest.fixture
def reached_goals(home_pages, service, document, client):
    """Through the real paths: 3 downloads by 2 visitors, 2 outbound clicks by 2 visitors,
    1 form; 4 downloads in the previous week (stored directly, dated 8 days ago)."""
    for address in ("198.51.100.1", "198.51.100.1", "198.51.100.2"):
        client.get(document.url, HTTP_USER_AGENT=BROWSER_AGENT, REMOTE_ADDR=address)
    for address in ("198.51.100.3", "198.51.100.4"):
        send_goal(client, service, MATSNE, outbound_signature(MATSNE),
                  HTTP_USER_AGENT=BROWSER_AGENT, REMOTE_ADDR=address)  # fmt: skip
    form = InquiryFormPageFactory(parent=home_pages["ka"], slug="mimartva")
    client.post(form.url, inquiry(), HTTP_USER_AGENT=BROWSER_AGENT, REMOTE_ADDR="198.51.100.5")
    earlier = timezone.now() - datetime.timedelta(days=8)
    for number in range(4):
        GoalEvent.objects.create(
            occurred_at=earlier, date=timezone.localdate(earlier), kind="download",
            target=document.url, visitor_hash=f"{number:032x}",
        )  # fmt: skip
    build_rollups(timezone.localdate(earlier), timezone.localdate())
    return {"document": document, "form": form}


def test_goals_report_matches_the_raw_events(reached_goals, analyst_client):
    since = timezone.localdate() - datetime.timedelta(days=6)
    raw = GoalEvent.objects.filter(date__gte=since)
    expected = Counter((event.kind, event.target) for event in raw)
    visitors = {
        key: len({e.visitor_hash for e in raw if (e.kind, e.target) == key}) for key in expected
    }
    assert expected == {
        ("download", reached_goals["document"].url): 3,
        ("outbound", MATSNE): 2,
        ("form", reached_goals["form"].url): 1,
    }
    response = analyst_client.get(reverse("analytics_reports:goals"), {"period": "7d"})
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert {(row["key"], row["detail"]): row["views"] for row in rows} == expected
    assert {(row["key"], row["detail"]): row["visitors"] for row in rows} == visitors
    download = next(row for row in rows if row["key"] == "download")
    assert download["previous_views"] == 4 and download["change_display"] == "-25.0%"
    assert download["detail_display"].startswith("განაცხადის ფორმა")
    summary = {
        item["key"]: (item["value"], item["previous"]) for item in response.context["summary"]
    }
    assert summary == {"download": (3, 4), "outbound": (2, 0), "form": (1, 0)}
    content = response.content.decode()
    assert "დოკუმენტის ჩამოტვირთვა" in content  # Georgian first
    assert "daily rollups" not in content and "დღიური" not in content


def test_goals_api_gives_the_report_figures(reached_goals, analyst_client, client, settings):
    settings.ANALYTICS_API_TOKENS = [API_TOKEN]
    screen = analyst_client.get(reverse("analytics_reports:goals"), {"period": "7d"})
    expected = [
        (row["key"], row["detail"], row["views"], row["visitors"], row["previous_views"])
        for row in screen.context["object_list"]
    ]
    payload = client.get(
        reverse("analytics_api", args=["goals"]), {"period": "7d"},
        HTTP_AUTHORIZATION=f"Bearer {API_TOKEN}",
    ).json()  # fmt: skip
    got = [
        (row["key"], row["detail"], row["views"], row["visitors"], row["previous_views"])
        for row in payload["rows"]
    ]
    assert got == expected and len(got) == 3


def test_purge_removes_old_goals_and_keeps_their_rollups(reached_goals):
    assert purge_raw_views(7) == 0
    assert GoalEvent.objects.count() == 6
    assert DailyRollup.objects.filter(dimension=Dimension.GOAL).count() == 4
