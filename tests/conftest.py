import shutil

import pytest
from django.conf import settings

from tests.utils import make_locales, make_site_tree

pytest_plugins = ["tests.browser"]


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


@pytest.fixture
def locales(db):
    return make_locales()


@pytest.fixture
def home_pages(locales):
    return make_site_tree()
