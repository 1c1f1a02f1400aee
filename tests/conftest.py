import shutil

import pytest
from django.conf import settings

from demo.seed import seed_demo_site
from tests import database_state
from tests.utils import make_locales, make_site_tree

pytest_plugins = ["tests.browser"]

MIGRATED = "migrated"
DEMO = "demo"
DEMO_ADMIN_PASSWORD = "test-admin-password"

# The database blocker of pytest-django, kept for the hook below (hooks get no fixtures).
_blocker = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as migrations leave it, saved to return to after a flush."""
    with django_db_blocker.unblock():
        database_state.save(MIGRATED)
    _blocker["default"] = django_db_blocker
    yield
    _blocker.clear()


def _commits(item):
    """Whether the test runs outside a rolled-back transaction, so that pytest-django
    empties every table after it."""
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return (
        "transactional_db" in names
        or "live_server" in names
        or bool(marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that commits, and the flush that follows it: the migrated rows back
    (default Locale, root Collection, tree root, default Site), whatever runs next."""
    result = yield
    if _commits(item) and "default" in _blocker and database_state.has(MIGRATED):
        with _blocker["default"].unblock():
            database_state.restore(MIGRATED)
    return result


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """Uploaded files go to a temporary MEDIA_ROOT; nothing stays behind after the run."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.PRIVATE_FILES_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache. The layout, gallery and suggestion caches are
    keyed by versions that live in the database, and a test's rollback returns those versions
    to values an earlier test may already have cached content under."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _no_request_memo_left():
    """The layout cache remembers values for the length of a request (request_started to
    request_finished); a test client's streamed response that is never closed sends no
    request_finished, and what it remembered must not reach the next test."""
    from cms import layout_cache

    layout_cache._request_memo.set(None)
    yield
    layout_cache._request_memo.set(None)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language (Georgian). A request or a view that
    activates another language leaves it active in the thread, and a later test that reads a
    message would otherwise see it in English."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def locales(db):
    return make_locales()


@pytest.fixture
def home_pages(locales):
    return make_site_tree()


@pytest.fixture
def demo_site(transactional_db):
    """The whole bilingual demo site (`seed_demo`), committed for the live server: seeded by
    the first test of the session that asks for it, restored for every later one. For tests
    that only read it."""
    if database_state.has(DEMO):
        database_state.restore(DEMO)
        return
    seed_demo_site(admin_password=DEMO_ADMIN_PASSWORD)
    database_state.save(DEMO)
