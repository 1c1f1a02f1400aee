import pytest

from analytics import buffer
from analytics.models import PageView

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture
def redis_buffer(settings):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    settings.ANALYTICS_BUFFER = "redis"
    settings.ANALYTICS_REDIS_URL = REDIS_URL
    shared = buffer.get_buffer()
    shared.clear()
    yield shared
    shared.clear()


def test_redis_buffer_collects_views_until_flushed(home_pages, visitor_client, redis_buffer):
    visitor_client.get("/ka/")
    visitor_client.get("/en/?utm_campaign=spring")
    assert len(redis_buffer) == 2
    assert PageView.objects.count() == 0
    assert buffer.flush() == 2
    assert len(redis_buffer) == 0
    assert sorted(PageView.objects.values_list("path", "utm_campaign")) == [
        ("/en/", "spring"),
        ("/ka/", ""),
    ]


def test_unreachable_redis_never_breaks_a_request(home_pages, visitor_client, settings):
    settings.ANALYTICS_BUFFER = "redis"
    settings.ANALYTICS_REDIS_URL = "redis://127.0.0.1:1/0"
    assert visitor_client.get("/ka/").status_code == 200


def test_no_third_party_analytics_by_default(home_pages, visitor_client):
    content = visitor_client.get("/ka/").content.decode()
    for marker in ("matomo", "_paq", "googletagmanager", "gtag("):
        assert marker not in content
