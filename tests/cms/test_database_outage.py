"""Losing the database: the site runs under gunicorn against a throwaway PostgreSQL (initdb in
a temporary folder, a free port); with the server stopped, pages answer 503 with Retry-After
and a page in the language of the URL prefix giving the hotline number; once the server is
started again the same gunicorn process answers 200, without a restart."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import migrated_databases
from tests.throwaway_servers import ThrowawayPostgres, gunicorn

BASE_DIR = Path(__file__).resolve().parent.parent.parent
HOTLINE = "1505"


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def postgres():
    server = ThrowawayPostgres()
    server.start()
    yield server
    server.remove()


@pytest.fixture
def site_on(postgres):
    media = tempfile.mkdtemp(prefix="ssa-outage-media-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ssa.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": postgres.url,
        "HOTLINE_PHONE": HOTLINE,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": media,
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
        "ANALYTICS_CAPTURE": "false",
        "LOG_LEVEL": "CRITICAL",
    }
    python = sys.executable
    migrated_databases.postgres_load(postgres.url)
    subprocess.run(  # noqa: S603
        [python, "manage.py", "shell", "-c", "from tests.utils import make_site_tree as m; m()"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    try:
        with gunicorn(env) as served:
            yield served
    finally:
        subprocess.run(["rm", "-rf", media], check=False)  # noqa: S607


def test_database_outage_answers_503_in_the_url_language_and_recovers(postgres, site_on):
    base, server = site_on
    assert _get(base + "/ka/")[0] == 200
    assert _get(base + "/en/")[0] == 200

    postgres.stop()
    for language, text in (("ka", "საიტი დროებით მიუწვდომელია"), ("en", "temporarily unavailable")):
        status, headers, body = _get(f"{base}/{language}/")
        assert status == 503
        assert int(headers["Retry-After"]) > 0
        assert f'<html lang="{language}">' in body
        assert text in body
        assert f'href="tel:{HOTLINE}"' in body
        assert "Traceback" not in body
        assert "Content-Security-Policy" in headers

    postgres.start()
    statuses = []
    for _attempt in range(5):
        statuses.append(_get(base + "/en/")[0])
        if statuses[-1] == 200:
            break
        time.sleep(1)
    assert statuses[-1] == 200, statuses
    assert _get(base + "/ka/")[0] == 200
    assert server.poll() is None  # the same server, never restarted
