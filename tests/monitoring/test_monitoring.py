"""Media monitoring: feed import from feed files (no network: a throwaway local server
gives the files, hangs, or is not there), quick entry in the admin, the reports with the
SVG chart and its table, press-release pick-up, spreadsheet-safe exports, and rights."""

import datetime
import http.server
import socket
import threading
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from monitoring.factories import MentionFactory, OutletFactory, TopicFactory
from monitoring.feeds import FeedError, fetch, import_feeds, parse
from monitoring.models import Mention, MonitoringSettings, Outlet, Tone
from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from press import roles
from tests.desk import member, setup_roles

FEEDS = Path(__file__).parent / "feeds"


class FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/hang":
            self.server.release.wait(10)
            return
        path = FEEDS / self.path.lstrip("/")
        if not path.is_file():
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.end_headers()
        self.wfile.write(path.read_bytes())

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    server.release = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.release.set()
    server.shutdown()
    server.server_close()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
def test_feed_items_naming_the_agency_become_mentions_once(feed_server):
    rss = OutletFactory(name="ინტერპრესნიუსი", feed_url=f"{feed_server}/interpressnews.rss")
    OutletFactory(name="Civil.ge", feed_url=f"{feed_server}/civil.atom")
    result = import_feeds()
    assert result.errors == {}
    assert result.created == 3
    georgian = Mention.objects.get(url__endswith="1001-pensia")
    assert georgian.outlet == rss and georgian.published_on == datetime.date(2026, 4, 14)
    assert georgian.source == Mention.Source.FEED and georgian.tone == Tone.NEUTRAL
    assert not Mention.objects.filter(url__endswith="1002-amindi").exists()
    assert Mention.objects.filter(url="https://civil.ge/archives/2001").exists()
    assert import_feeds().created == 0  # once per link


@pytest.mark.django_db
def test_unreachable_slow_and_broken_feeds_give_clear_errors(feed_server):
    config = MonitoringSettings.load()
    config.feed_timeout = 1
    config.save()
    OutletFactory(name="ნელი", feed_url=f"{feed_server}/hang")
    OutletFactory(name="არ არსებობს", feed_url=f"http://127.0.0.1:{free_port()}/feed")
    OutletFactory(name="არა არხი", feed_url=f"{feed_server}/not-a-feed.html")
    OutletFactory(name="404", feed_url=f"{feed_server}/missing.rss")
    OutletFactory(name="კარგი", feed_url=f"{feed_server}/civil.atom")
    with translation.override("en"):
        result = import_feeds()
    assert result.created == 1  # the good feed is read despite the others
    assert "did not answer within 1 seconds" in result.errors["ნელი"]
    assert result.errors["არ არსებობს"] == "The feed could not be reached."
    assert "does not give an RSS or Atom feed" in result.errors["არა არხი"]
    assert "404" in result.errors["404"]
    # The staff member sees the same in Georgian, and on the outlet's row.
    with translation.override("ka"):
        assert "არ უპასუხა" in import_feeds().errors["ნელი"]
    assert Outlet.objects.get(name="ნელი").feed_error


def test_file_addresses_are_refused():
    with pytest.raises(FeedError):
        fetch("file:///etc/passwd", 1)


def test_feed_files_parse_without_a_server():
    entries = parse((FEEDS / "civil.atom").read_bytes())
    assert [entry.link for entry in entries] == [
        "https://civil.ge/archives/2001",
        "https://civil.ge/archives/2002",
    ]


@pytest.fixture
def desk(home_pages):
    news = NewsIndexPageFactory(parent=home_pages["ka"])
    groups = setup_roles()
    return {"groups": groups, "news": news}


def test_a_logged_mention_shows_in_the_report(client, desk):
    specialist = member("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    outlet = OutletFactory(name="რუსთავი 2", media_type="tv")
    topic = TopicFactory(name="პენსიები")
    release = PressReleasePageFactory(parent=desk["news"], title="პენსიები იზრდება")
    client.force_login(specialist)
    response = client.post(
        reverse("monitoring_quick_entry"),
        {
            "outlet": outlet.pk,
            "published_on": "2026-04-14",
            "headline": "პენსიები 1 მაისიდან იზრდება",
            "url": "https://rustavi2.ge/ka/news/1",
            "tone": "positive",
            "topic": topic.pk,
            "press_release": release.pk,
        },
    )
    assert response.status_code == 302
    mention = Mention.objects.get()
    assert mention.media_type == "tv" and mention.created_by == specialist
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(mention.pk)).exists()
    # The same link twice is refused.
    again = client.post(reverse("monitoring_quick_entry"), {"url": mention.url})
    assert again.status_code == 200 and Mention.objects.count() == 1

    report = client.get(reverse("monitoring_report"), {"start": "2026-01-01", "end": "2026-06-30"})
    page = report.content.decode()
    assert "<svg" in page and "monitoring-chart__positive" in page
    assert "რუსთავი 2" in page and "პენსიები" in page and "პენსიები იზრდება" in page
    assert report.context["pickup"][0][:3] == (release.specific, 1, 1)
    months = {month: total for month, _counts, total in report.context["months"]}
    assert months[datetime.date(2026, 4, 1)] == 1 and months[datetime.date(2026, 5, 1)] == 0


def test_report_period_errors_are_shown_not_raised(client, desk):
    client.force_login(member("head", roles.HEAD_OF_PR))
    for params in ({"start": "2026-05-01", "end": "2026-01-01"}, {"start": "x", "end": "y"}):
        response = client.get(reverse("monitoring_report"), params)
        assert response.status_code == 200
        assert "chart" not in response.context or response.context.get("chart") is None


def test_exports_neutralise_formulas(client, desk):
    MentionFactory(
        headline='=HYPERLINK("http://evil.example","x")', published_on=datetime.date(2026, 4, 1)
    )
    client.force_login(member("senior", roles.SENIOR_SPECIALISTS))
    listing = client.get(reverse("wagtailsnippets_monitoring_mention:list"), {"export": "csv"})
    body = b"".join(listing.streaming_content).decode()
    assert "'=HYPERLINK" in body
    report = client.get(
        reverse("monitoring_report"), {"start": "2026-01-01", "end": "2026-12-31", "export": "xlsx"}
    )
    assert report.status_code == 200 and report["Content-Type"].startswith(
        "application/vnd.openxml"
    )
    csv = client.get(
        reverse("monitoring_report"), {"start": "2026-01-01", "end": "2026-12-31", "export": "csv"}
    )
    assert "2026-04" in csv.content.decode()


def test_reports_need_their_permission(client, desk):
    client.force_login(member("analyst", roles.ANALYSTS))
    assert client.get(reverse("monitoring_report")).status_code in (302, 403)
    assert client.get(reverse("monitoring_quick_entry")).status_code in (302, 403)
    client.force_login(member("director", roles.DIRECTORS_OFFICE))
    assert client.get(reverse("monitoring_report")).status_code == 200
    assert client.get(reverse("monitoring_quick_entry")).status_code in (302, 403)


def test_staff_start_the_feed_import_from_the_admin(client, desk, feed_server):
    OutletFactory(name="Civil.ge", feed_url=f"{feed_server}/civil.atom")
    OutletFactory(name="გათიშული", feed_url=f"http://127.0.0.1:{free_port()}/feed")
    client.force_login(member("specialist", roles.COMMUNICATIONS_SPECIALISTS))
    assert "არხებიდან იმპორტი" in client.get(reverse("monitoring_quick_entry")).content.decode()
    response = client.post(reverse("monitoring_import"), follow=True)
    page = response.content.decode()
    assert Mention.objects.count() == 1
    assert "გათიშული: არხთან დაკავშირება ვერ მოხერხდა." in page
