"""Buffered page views survive the end of the server process and quiet spells: a real
gunicorn and a real runserver are started, sent N views, and stopped with SIGTERM (what
systemd, Docker and a deploy send); the N rows are in the database afterwards. With a short
flush interval and no further requests, the timer writes them while the server runs."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)
VIEWS = 12


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server_env(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.analytics.exit_server",
        "EXIT_SERVER_DB": str(tmp_path / "views.sqlite3"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    create = (
        "import django; django.setup()\n"
        "from django.db import connection\n"
        "from analytics.models import DailySalt, PageView\n"
        "with connection.schema_editor() as editor:\n"
        "    editor.create_model(PageView); editor.create_model(DailySalt)\n"
    )
    subprocess.run([PYTHON, "-c", create], env=env, cwd=ROOT, check=True, timeout=120)  # noqa: S603
    return env


def _rows(env):
    with sqlite3.connect(env["EXIT_SERVER_DB"]) as db:
        return db.execute("SELECT COUNT(*) FROM analytics_pageview").fetchone()[0]


def _start(kind, env, port):
    if kind == "gunicorn":
        command = [
            str(Path(PYTHON).parent / "gunicorn"), "ssa.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", "1", "--graceful-timeout", "20",
        ]  # fmt: skip
    else:
        command = [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    process = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    # Ready when a worker answers (a HEAD request is never counted); on two shared cores a
    # worker can take half a minute to load the site.
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/ka/ready/", method="HEAD")
            with urllib.request.urlopen(request, timeout=120):  # noqa: S310
                return process
        except OSError:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode()[-2000:]) from None
            time.sleep(0.5)
    process.kill()
    raise AssertionError(f"{kind} did not start")


def _send_views(port, count):
    for number in range(count):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/ka/page-{number}/",
            headers={"User-Agent": AGENT, "X-Forwarded-For": f"198.51.100.{number}"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            assert response.status == 200


@pytest.mark.parametrize("kind", ["gunicorn", "runserver"])
def test_sigterm_loses_nothing(server_env, kind):
    port = _free_port()
    process = _start(kind, server_env, port)
    try:
        _send_views(port, VIEWS)
        time.sleep(0.5)
        assert _rows(server_env) == 0  # still buffered: the flush interval is an hour
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert _rows(server_env) == VIEWS, process.stderr.read().decode()[-2000:]


def test_timer_writes_views_after_a_quiet_spell(server_env):
    server_env["EXIT_SERVER_FLUSH_SECONDS"] = "1"
    port = _free_port()
    process = _start("runserver", server_env, port)
    try:
        _send_views(port, VIEWS)
        deadline = time.monotonic() + 20
        while _rows(server_env) < VIEWS and time.monotonic() < deadline:
            time.sleep(0.3)
        assert _rows(server_env) == VIEWS  # no further request came, the server still runs
        assert process.poll() is None
    finally:
        process.kill()
        process.wait(timeout=30)
