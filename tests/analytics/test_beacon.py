"""Views of cached copies, reported by the page's script to /analytics/view."""

import re
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from analytics.beacon import page_token
from analytics.models import PageView
from cms.factories import ContentPageFactory
from tests.analytics.conftest import BROWSER_AGENT

pytestmark = pytest.mark.django_db

SCRIPT = Path(settings.BASE_DIR) / "site" / "static" / "js" / "analytics-beacon.js"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def send(client, data, **headers):
    """POST as navigator.sendBeacon does with URLSearchParams: a url-encoded body."""
    body = data if isinstance(data, bytes) else urlencode(data).encode()
    return client.post(
        reverse("analytics_beacon"),
        body,
        content_type="application/x-www-form-urlencoded;charset=UTF-8",
        **headers,
    )


def cached_copy(page, age=3600):
    rendered = int(time.time()) - age
    return {
        "page": page.pk,
        "rendered": rendered,
        "elapsed": 500,
        "token": page_token(page.pk, rendered),
    }


@pytest.fixture
def beacon(visitor_client):
    """Post a beacon as the page's script would for a copy rendered `age` seconds before
    the visit began."""

    def post(page, age=3600, elapsed=800, **fields):
        rendered = int(time.time() - elapsed / 1000 - age)
        data = {
            "page": page.pk,
            "rendered": rendered,
            "elapsed": elapsed,
            "token": page_token(page.pk, rendered),
            **fields,
        }
        return send(visitor_client, data)

    return post


def test_pages_carry_the_script_with_their_id_and_render_time(home_pages, visitor_client):
    html = visitor_client.get("/ka/").content.decode()
    tag = re.search(r'<script src="[^"]*analytics-beacon\.js"([^>]*)>', html)
    assert tag, "the beacon script is missing"
    attributes = dict(re.findall(r'data-(\w+)="([^"]*)"', tag.group(1)))
    assert attributes["page"] == str(home_pages["ka"].pk)
    assert attributes["endpoint"] == "/analytics/view"
    assert abs(int(attributes["rendered"]) - time.time()) < 60


def test_no_script_when_capture_is_off(home_pages, visitor_client, settings):
    settings.ANALYTICS_CAPTURE = False
    assert b"analytics-beacon.js" not in visitor_client.get("/ka/").content


def test_script_is_small_and_talks_to_no_one_else():
    source = SCRIPT.read_text()
    assert len(source.encode()) < 1024
    assert "http" not in source
    assert "cookie" not in source.lower().replace("no cookie", "")
    assert "localStorage" not in source and "sessionStorage" not in source


def test_a_cached_copy_is_counted_like_a_served_page(home_pages, beacon, flush):
    response = beacon(
        home_pages["ka"],
        referrer="https://www.facebook.com/post/1",
        query="utm_source=facebook&utm_campaign=pension&secret=1",
    )
    assert response.status_code == 204
    assert not response.cookies
    assert flush() == 1
    view = PageView.objects.get()
    assert (view.path, view.page_id, view.status, view.locale) == (
        "/ka/",
        home_pages["ka"].pk,
        200,
        "ka",
    )
    assert view.site_id is not None
    assert (view.referrer_host, view.utm_source, view.utm_campaign) == (
        "www.facebook.com",
        "facebook",
        "pension",
    )
    assert view.query == ""
    assert (view.device_class, view.browser_family) == ("desktop", "Chrome")
    assert len(view.visitor_hash) == 32


def test_a_copy_rendered_for_this_visit_is_not_counted_twice(home_pages, beacon, flush):
    # The middleware counted it when it rendered it, even if the browser's clock claims
    # the copy is old.
    assert beacon(home_pages["ka"], age=0).status_code == 204
    assert beacon(home_pages["ka"], age=-3).status_code == 204
    assert flush() == 0


def test_server_served_view_and_its_beacon_count_once(home_pages, visitor_client, flush):
    html = visitor_client.get("/ka/").content.decode()
    rendered = re.search(r'data-rendered="(\d+)"', html).group(1)
    token = re.search(r'data-token="([^"]+)"', html).group(1)
    data = {"page": home_pages["ka"].pk, "rendered": rendered, "elapsed": 1500, "token": token}
    send(visitor_client, data)
    assert flush() == 1


def test_same_visitor_hash_as_the_middleware(home_pages, visitor_client, beacon, flush):
    visitor_client.get("/en/")
    beacon(home_pages["ka"])
    flush()
    assert len(set(PageView.objects.values_list("visitor_hash", flat=True))) == 1


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_USER_AGENT": GOOGLEBOT}, {"HTTP_USER_AGENT": ""}, {"HTTP_USER_AGENT": "curl/8"}],
)
def test_robots_are_not_counted(home_pages, visitor_client, flush, headers):
    visitor_client.defaults.update(headers)
    response = send(visitor_client, cached_copy(home_pages["ka"]))
    assert response.status_code == 204
    assert flush() == 0


def test_staff_are_not_counted(home_pages, visitor_client, beacon, admin_user, flush):
    visitor_client.force_login(admin_user)
    assert beacon(home_pages["ka"]).status_code == 204
    assert flush() == 0


def test_do_not_track_counts_the_view_without_a_visitor(home_pages, visitor_client, flush):
    for header in ("HTTP_DNT", "HTTP_SEC_GPC"):
        send(visitor_client, cached_copy(home_pages["ka"]), **{header: "1"})
    assert flush() == 2
    assert not PageView.objects.exclude(visitor_hash=None).exists()


def test_only_live_public_pages_are_counted(home_pages, beacon, flush):
    draft = ContentPageFactory(parent=home_pages["ka"], title="დრაფტი", live=False)
    private = ContentPageFactory(parent=home_pages["ka"], title="შიდა")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in (draft, private):
        assert beacon(page).status_code == 204
    missing = type(draft)(pk=987654)
    assert beacon(missing).status_code == 204
    assert flush() == 0


def test_only_post_is_accepted(home_pages, visitor_client):
    assert visitor_client.get(reverse("analytics_beacon")).status_code == 405


@pytest.mark.parametrize(
    "body",
    [
        "",
        "page=abc&rendered=1&elapsed=1",
        "page=1&rendered=1",
        "page=-4&rendered=1&elapsed=1",
        "page=1&rendered=1&elapsed=99999999999999",
        "&".join(f"f{n}=1" for n in range(40)),
        "page=%FF%FE&rendered=\xff&elapsed=1",
    ],
)
def test_malformed_beacons_are_refused(home_pages, visitor_client, flush, body):
    response = send(visitor_client, body.encode("latin-1"))
    assert response.status_code == 400
    assert flush() == 0


def test_oversized_beacon_is_refused(home_pages, beacon, flush):
    response = beacon(home_pages["ka"], referrer="https://example.org/" + "x" * 5000)
    assert response.status_code == 413
    assert flush() == 0


def test_hostile_but_small_fields_are_cleaned(home_pages, visitor_client, flush):
    rendered = int(time.time()) - 3600
    token = page_token(home_pages["ka"].pk, rendered)
    body = (
        f"page={home_pages['ka'].pk}&rendered={rendered}&elapsed=10&token={token}"
        "&referrer=http://[::1&query=q=%FF%00x&utm_source=%00"
    ).encode() + b"&referrer2=\xff\xfe"
    response = send(visitor_client, body)
    assert response.status_code == 204
    flush()
    view = PageView.objects.get()
    assert view.referrer_host == "" and "\x00" not in view.query


def test_beacons_are_rate_limited_per_address(home_pages, beacon, settings, flush):
    settings.ANALYTICS_BEACON_RATE = 3
    # Five copies rendered at different moments: five tokens.
    codes = [beacon(home_pages["ka"], age=3600 + 10 * n).status_code for n in range(5)]
    assert codes == [204, 204, 204, 429, 429]
    assert flush() == 3


def test_rate_limit_keeps_no_address(home_pages, beacon, settings):
    from django.core.cache import cache

    beacon(home_pages["ka"])
    keys = [key for key in cache._cache if "analytics:beacon:" in key]  # locmem internals
    assert keys and not any("203.0.113.7" in key for key in keys)


def test_capture_off_counts_nothing(home_pages, beacon, settings, flush):
    settings.ANALYTICS_CAPTURE = False
    assert beacon(home_pages["ka"]).status_code == 204
    assert flush() == 0


def test_beacon_agent_is_the_browser(home_pages, visitor_client):
    # The fixture is a desktop browser: what the beacon sees of it feeds the same parser.
    assert visitor_client.defaults["HTTP_USER_AGENT"] == BROWSER_AGENT


def test_a_forged_beacon_is_refused(home_pages, visitor_client, flush):
    page = home_pages["ka"]
    rendered = int(time.time()) - 3600
    other = ContentPageFactory(parent=page, title="სხვა")
    forged = [
        {},  # no token, as before tokens existed
        {"token": f"{page.pk}.{rendered}:made-up-signature"},
        {"token": page_token(other.pk, rendered)},  # another page's token
        {"token": page_token(page.pk, time.time() - 30 * 24 * 3600)},  # too old
        {"token": page_token(page.pk, time.time() + 3600)},  # from the future
        {"token": page_token(page.pk, rendered + 600)},  # sent before it was rendered
    ]
    for fields in forged:
        data = {"page": page.pk, "rendered": rendered, "elapsed": 500, **fields}
        assert send(visitor_client, data).status_code == 400, fields
    assert flush() == 0


def test_a_replayed_token_counts_once_per_visitor(home_pages, visitor_client, flush):
    copy = cached_copy(home_pages["ka"])
    for _ in range(5):
        assert send(visitor_client, copy).status_code == 204
    assert flush() == 1
    # Another visitor reading the same cached copy is another view.
    send(visitor_client, copy, REMOTE_ADDR="198.51.100.9")
    assert flush() == 1


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_X_PURPOSE": "preview"},
    ],
)
def test_prefetches_are_not_counted(home_pages, visitor_client, flush, header):
    assert visitor_client.get("/ka/", **header).status_code == 200
    assert send(visitor_client, cached_copy(home_pages["ka"]), **header).status_code == 204
    assert flush() == 0
