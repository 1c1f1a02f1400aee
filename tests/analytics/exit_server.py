"""Settings and URLs of the throwaway server that test_nothing_lost starts and kills.

The real settings, middleware up to analytics, a file SQLite database holding the analytics
tables only, and one plain HTML page: what is tested is the buffer's behaviour inside a real
server process (gunicorn, runserver), not the page tree.
"""

import os

from django.http import HttpResponse
from django.urls import path

from ssa.settings.test import *  # noqa: F403

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["EXIT_SERVER_DB"]}
}
ROOT_URLCONF = "tests.analytics.exit_server"
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "analytics.middleware.AnalyticsMiddleware",
]
ANALYTICS_CAPTURE = True
ANALYTICS_BUFFER = "memory"
ANALYTICS_FLUSH_SECONDS = float(os.environ.get("EXIT_SERVER_FLUSH_SECONDS", "3600"))
ANALYTICS_FLUSH_ROWS = 10_000
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}


def page(request, slug):
    return HttpResponse("<!doctype html><title>ok</title><p>ok</p>", content_type="text/html")


urlpatterns = [path("ka/<slug:slug>/", page)]
