"""gunicorn imports the site once, in its master, and forks each worker from it
(gunicorn.conf.py: preload_app). That is only safe while importing the site opens no
connection and starts no thread: a socket or a thread made in the master would be shared by,
or missing from, every worker. Checked in a fresh interpreter with the production settings,
against a database and a Redis that answer nobody (a connection attempt would fail loudly)."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

IMPORT_THE_SITE = """
import runpy, threading
config = runpy.run_path("gunicorn.conf.py")
print("preload", config.get("preload_app"))
import ssa.wsgi
from django.db import connections
print("database", [c.alias for c in connections.all() if c.connection is not None])
print("threads", [t.name for t in threading.enumerate() if t is not threading.main_thread()])
from django.core.cache import caches
print("caches", len(caches.all(initialized_only=True)))
"""


def test_importing_the_site_opens_no_connection_and_starts_no_thread():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "ssa.settings.production",
        "SECRET_KEY": "x" * 50,
        # Nothing listens on port 1: connecting while importing would raise.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nothing",
        "REDIS_URL": "redis://127.0.0.1:1/0",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
    }
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_THE_SITE],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines == {
        "preload": "True",
        "database": "[]",
        "threads": "[]",
        "caches": "0",
    }, result.stdout
