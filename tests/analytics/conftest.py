import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from analytics import buffer
from analytics.salts import forget_cached_salts
from demo.steps.analytics import ensure_analyst_group

BROWSER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
)
PHONE_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


@pytest.fixture(autouse=True)
def analytics_settings(settings):
    """An in-memory buffer that only the test flushes, and no salts left from other tests."""
    settings.ANALYTICS_CAPTURE = True
    settings.ANALYTICS_BUFFER = "memory"
    settings.ANALYTICS_FLUSH_SECONDS = 3600
    settings.ANALYTICS_FLUSH_ROWS = 10_000
    forget_cached_salts()
    buffer.discard_all()
    cache.clear()  # the beacon's rate limits and used tokens
    yield settings
    buffer.discard_all()
    forget_cached_salts()


@pytest.fixture
def flush():
    """Write the buffered views now (the synchronous flush) and return how many."""
    return buffer.flush


@pytest.fixture
def visitor_client(client):
    """An anonymous browser on a desktop."""
    client.defaults.update(HTTP_USER_AGENT=BROWSER_AGENT, REMOTE_ADDR="203.0.113.7")
    return client


@pytest.fixture
def analyst(django_user_model, db):
    user = django_user_model.objects.create_user(
        username="analyst", email="analyst@example.org", password="x"
    )
    user.groups.add(ensure_analyst_group())
    return user


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def analysts_group(db) -> Group:
    return ensure_analyst_group()
