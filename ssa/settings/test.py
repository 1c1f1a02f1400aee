"""Tests: fast, self-contained, and leaving nothing behind."""

import tempfile

from .base import *  # noqa: F403
from .env import env

SECRET_KEY = "test-only-secret-key"  # noqa: S105 - the test settings never serve anyone
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Uploaded and generated files go to a folder the test session removes (tests/conftest.py).
MEDIA_ROOT = tempfile.mkdtemp(prefix="ssa-test-media-")
PRIVATE_FILES_ROOT = tempfile.mkdtemp(prefix="ssa-test-private-")
# Tests never reach a search cluster, whatever the shell has exported.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.db_backend"}}
STORAGES = {
    "default": {"BACKEND": "cms.upload_guard.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "CRITICAL"}}
DATABASES = {"default": env.db_url("DATABASE_URL", default="sqlite://:memory:")}
# Page-view capture would add a flush or a salt lookup to other apps' query counts; the
# analytics tests switch it on for themselves.
ANALYTICS_CAPTURE = False
# The page cache would serve other apps' tests a copy from before their change when the
# change is not an edit (a clock moved, a row written directly); its own tests switch it on.
PAGE_CACHE = False
PUBLIC_BASE_URL = ""
# Other apps' admin tests log in as superusers and editors without a phone; the two-step
# log-in tests (tests/accounts/) switch it on for themselves.
TWO_FACTOR_REQUIRED = False
