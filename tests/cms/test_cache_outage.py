"""Losing Redis: with REDIS_URL configured and the server killed, every page type of the demo
site, search, the sitemap and robots.txt still answer 200 from the database; the outage is
logged once per retry interval, not per request; Redis is used again once it is back; the
analytics buffer keeps what it was given."""

import logging
import time

import pytest

from analytics import buffer
from analytics.models import PageView
from tests.test_accessibility_all_page_types import public_page_of_each_type
from tests.throwaway_servers import ThrowawayRedis

RETRY_SECONDS = 2.0
EXTRA_URLS = ["/ka/search/?q=დახმარება", "/en/search/?q=help", "/sitemap.xml", "/robots.txt"]


@pytest.fixture
def redis_server():
    server = ThrowawayRedis()
    server.start()
    yield server
    server.kill()


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.resilient_cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"retry_seconds": RETRY_SECONDS},
        }
    }
    settings.PAGE_CACHE = True
    return redis_server


def _redis_keys(server):
    import redis

    return redis.Redis.from_url(server.url).dbsize()


def test_every_page_type_is_served_while_redis_is_gone(demo_site, client, redis_cache, caplog):
    urls = [url for _name, _language, url in public_page_of_each_type()] + EXTRA_URLS
    assert len(urls) > 20
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert client.get(urls[0])["X-Page-Cache"] == "hit"
    assert _redis_keys(redis_cache) > 0

    redis_cache.kill()
    caplog.clear()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="cms.resilient_cache"):
        answers = {url: client.get(url).status_code for url in urls for _round in range(2)}
    elapsed = time.monotonic() - started
    assert answers == dict.fromkeys(urls, 200)
    outage_logs = [record for record in caplog.records if "unreachable" in record.getMessage()]
    # Once when it failed, then at most once per retry interval: not once per request.
    assert 1 <= len(outage_logs) <= 1 + elapsed / RETRY_SECONDS
    assert len(outage_logs) < len(urls)

    redis_cache.start()  # a fresh server on the same port, empty
    time.sleep(RETRY_SECONDS + 0.1)
    with caplog.at_level(logging.WARNING, logger="cms.resilient_cache"):
        assert client.get(urls[0]).status_code == 200
    assert client.get(urls[0])["X-Page-Cache"] == "hit"
    assert _redis_keys(redis_cache) > 0
    assert any("reachable again" in record.getMessage() for record in caplog.records)


def test_writes_lost_in_an_outage_do_not_leave_stale_values(db, redis_cache):
    from django.core.cache import cache

    cache.set("gallery-version", "old")
    redis_cache.kill()
    # The outage is noticed on the first call; the change is remembered, not lost.
    assert cache.get("gallery-version") is None
    cache.set("gallery-version", "new")
    assert cache.add("counter", 1) is False
    with pytest.raises(ValueError):
        cache.incr("counter")
    redis_cache.start()
    # An empty server would hide the problem: put the old value back, as a Redis that was
    # only unreachable (a network cut) would still hold it.
    import redis

    client = redis.Redis.from_url(redis_cache.url)
    client.set(cache.make_key("gallery-version"), cache._cache._serializer.dumps("old"))
    time.sleep(RETRY_SECONDS + 0.1)
    assert cache.get("gallery-version") is None  # deleted on recovery, recomputed by callers
    cache.set("gallery-version", "newer")
    assert cache.get("gallery-version") == "newer"


def test_analytics_views_captured_while_redis_is_gone_reach_the_database(db, settings):
    dead = ThrowawayRedis()  # a port nobody listens on
    settings.ANALYTICS_BUFFER = "redis"
    settings.ANALYTICS_REDIS_URL = dead.url
    settings.ANALYTICS_FLUSH_SECONDS = 3600
    from django.utils import timezone

    now = timezone.now()
    for number in range(3):
        buffer.record(
            {"path": f"/ka/page-{number}/", "viewed_at": now, "date": now.date(), "status": 200}
        )
    assert PageView.objects.count() == 0
    assert buffer.get_buffer().is_due() is False
    assert buffer.flush() == 3
    assert sorted(PageView.objects.values_list("path", flat=True)) == [
        "/ka/page-0/",
        "/ka/page-1/",
        "/ka/page-2/",
    ]
