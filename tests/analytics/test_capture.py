import pytest
from django.db import connection

from analytics.models import DailyRollup, DailySalt, GoalEvent, PageView
from media_archive.factories import ArchiveDocumentFactory
from tests.analytics.conftest import BROWSER_AGENT, PHONE_AGENT

pytestmark = pytest.mark.django_db

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def test_public_page_view_is_captured(home_pages, visitor_client, flush):
    response = visitor_client.get(
        "/ka/?q=პენსია&utm_source=facebook&utm_medium=social&utm_campaign=pension&secret=1",
        HTTP_REFERER="https://www.facebook.com/some/post?id=42",
    )
    assert response.status_code == 200
    assert flush() == 1
    view = PageView.objects.get()
    assert view.path == "/ka/"
    assert view.query == "q=პენსია"
    assert view.page_id == home_pages["ka"].pk
    assert view.site_id is not None
    assert view.locale == "ka"
    assert view.status == 200
    assert (view.utm_source, view.utm_medium, view.utm_campaign) == (
        "facebook",
        "social",
        "pension",
    )
    assert view.referrer_host == "www.facebook.com"
    assert view.is_entry
    assert (view.device_class, view.browser_family, view.os_family) == (
        "desktop",
        "Chrome",
        "Windows",
    )
    assert len(view.visitor_hash) == 32


def test_not_found_is_captured_with_internal_referrer(home_pages, visitor_client, flush):
    response = visitor_client.get("/ka/no-such-page/", HTTP_REFERER="http://testserver/ka/")
    assert response.status_code == 404
    flush()
    view = PageView.objects.get()
    assert (view.status, view.path, view.referrer_path, view.referrer_host) == (
        404,
        "/ka/no-such-page/",
        "/ka/",
        "",
    )
    assert not view.is_entry


def test_phone_is_classified(home_pages, visitor_client, flush):
    visitor_client.get("/en/", HTTP_USER_AGENT=PHONE_AGENT)
    flush()
    view = PageView.objects.get()
    assert (view.device_class, view.os_family, view.locale) == ("mobile", "iOS", "en")


@pytest.mark.parametrize(
    "path, headers",
    [
        ("/ka/", {"HTTP_USER_AGENT": GOOGLEBOT}),
        ("/ka/", {"HTTP_USER_AGENT": "curl/8.5.0"}),
        ("/ka/", {"HTTP_USER_AGENT": ""}),
        ("/ka/", {"HTTP_SEC_PURPOSE": "prefetch"}),
        ("/admin/", {}),
        ("/admin/login/", {}),
        ("/static/css/site.css", {}),
        ("/media/original_images/x.jpg", {}),
        ("/documents/1/report.pdf", {}),
    ],
)
def test_not_captured(home_pages, visitor_client, flush, path, headers):
    visitor_client.get(path, **headers)
    assert flush() == 0


def test_post_is_not_captured(home_pages, visitor_client, flush):
    visitor_client.post("/ka/")
    assert flush() == 0


def test_logged_in_staff_are_not_captured(home_pages, visitor_client, admin_user, flush):
    visitor_client.force_login(admin_user)
    assert visitor_client.get("/ka/").status_code == 200
    assert flush() == 0


def test_no_cookie_is_set_for_anonymous_visitors(home_pages, visitor_client, flush):
    for path in ("/ka/", "/en/", "/ka/no-such-page/"):
        response = visitor_client.get(path)
        assert not response.cookies, path
    assert flush() == 3


def test_do_not_track_counts_the_view_but_not_the_visitor(home_pages, visitor_client, flush):
    visitor_client.get("/ka/", HTTP_DNT="1")
    visitor_client.get("/ka/", HTTP_SEC_GPC="1")
    flush()
    assert PageView.objects.count() == 2
    assert not PageView.objects.exclude(visitor_hash=None).exists()


def test_same_visitor_same_day_shares_a_hash(home_pages, visitor_client, flush):
    visitor_client.get("/ka/")
    visitor_client.get("/en/")
    visitor_client.get("/ka/", REMOTE_ADDR="198.51.100.9")
    flush()
    hashes = list(PageView.objects.order_by("pk").values_list("visitor_hash", flat=True))
    assert hashes[0] == hashes[1] != hashes[2]


def _every_stored_text():
    """Every text value of every analytics table, read with plain SQL."""
    tables = [model._meta.db_table for model in (PageView, DailyRollup, DailySalt, GoalEvent)]
    assert set(tables) == {
        table for table in connection.introspection.table_names() if table.startswith("analytics_")
    }
    values = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
            for row in cursor.fetchall():
                values.extend(str(value) for value in row if value is not None)
    return values


def test_no_ip_address_or_user_agent_stored_anywhere(home_pages, visitor_client, flush):
    from analytics.rollups import build_rollups

    ip = "203.0.113.77"
    visitor_client.get("/ka/", REMOTE_ADDR=ip, HTTP_USER_AGENT=PHONE_AGENT)
    visitor_client.get("/ka/missing/", REMOTE_ADDR=ip, HTTP_USER_AGENT=BROWSER_AGENT)
    document = ArchiveDocumentFactory()
    b"".join(visitor_client.get(document.url, REMOTE_ADDR=ip).streaming_content)
    assert GoalEvent.objects.count() == 1  # a download: a goal, with nothing of the visitor
    flush()
    view = PageView.objects.first()
    build_rollups(view.date, view.date)
    stored = _every_stored_text()
    assert stored
    for value in stored:
        assert ip not in value
        assert "113.77" not in value
        assert "Mozilla" not in value
        assert "AppleWebKit" not in value


def test_hostile_input_is_handled(home_pages, visitor_client, flush):
    long_agent = "Mozilla/5.0 " + "A" * 10_240
    responses = [
        visitor_client.get("/ka/", HTTP_USER_AGENT=long_agent),
        visitor_client.get("/ka/", HTTP_REFERER="http://[::1"),
        visitor_client.get("/ka/", HTTP_REFERER="not a url \x00 at all"),
        visitor_client.get("/ka/", HTTP_REFERER="https://" + "x" * 5000 + ".example/"),
        visitor_client.get("/ka/%FF%FE/"),
        # A NUL in the path is refused before any view (cms request guard): not a page view.
        visitor_client.get("/ka/%FF%FE%00/"),
        visitor_client.get("/ka/?" + "&".join(f"f{i}=1" for i in range(500))),
    ]
    codes = [response.status_code for response in responses]
    assert codes == [200, 200, 200, 200, 404, 400, 200]
    assert flush() == 6
    for view in PageView.objects.all():
        assert "\x00" not in view.path
        assert len(view.referrer_host) <= 255


def test_failing_buffer_never_breaks_a_request(home_pages, visitor_client, monkeypatch):
    from analytics import buffer

    def broken(row):
        raise RuntimeError("buffer down")

    monkeypatch.setattr(buffer.get_buffer(), "add", broken)
    assert visitor_client.get("/ka/").status_code == 200


def test_failing_flush_never_breaks_a_request(home_pages, visitor_client, settings, monkeypatch):
    from analytics import buffer

    settings.ANALYTICS_FLUSH_ROWS = 1

    def broken(rows):
        raise RuntimeError("database down")

    monkeypatch.setattr(buffer, "write_rows", broken)
    assert visitor_client.get("/ka/").status_code == 200
    assert len(buffer.get_buffer()) == 0


def test_buffer_flushes_itself_after_the_response_when_full(home_pages, visitor_client, settings):
    settings.ANALYTICS_FLUSH_ROWS = 2
    visitor_client.get("/ka/")
    assert PageView.objects.count() == 0
    visitor_client.get("/en/")
    assert PageView.objects.count() == 2


def test_capture_can_be_switched_off(home_pages, visitor_client, settings, flush):
    settings.ANALYTICS_CAPTURE = False
    visitor_client.get("/ka/")
    assert flush() == 0


def test_sync_buffer_writes_at_once(home_pages, visitor_client, settings):
    settings.ANALYTICS_BUFFER = "sync"
    visitor_client.get("/ka/")
    assert PageView.objects.count() == 1


@pytest.mark.parametrize(
    "path, headers",
    [
        ("/ka/?q=%FF%FE&utm_source=%C0%AF", {}),
        ("/ka/", {"HTTP_REFERER": "https://bücher.example/\udcff"}),
        ("/ka/", {"HTTP_REFERER": "https://ex\u00e4mple.ge/%FF%FE/"}),
        ("/ka/", {"HTTP_REFERER": "ftp://user:pass@[fe80::1%eth0]:99999/"}),
        ("/ka/", {"HTTP_REFERER": "http://:80/"}),
        ("/ka/", {"HTTP_USER_AGENT": "\x00" * 10_240}),
        ("/ka/", {"HTTP_USER_AGENT": "Mozilla/5.0 (" * 1000}),
        ("/ka/%C3%28/", {}),
    ],
)
def test_more_hostile_input_never_fails(home_pages, visitor_client, flush, path, headers):
    response = visitor_client.get(path, **headers)
    assert response.status_code in (200, 404)
    flush()
    for view in PageView.objects.all():
        for value in (view.path, view.query, view.referrer_host, view.referrer_path):
            assert value.isprintable()
            assert "\udcff" not in value
