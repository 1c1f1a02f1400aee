"""Migrated databases for tests that run the site in another process (the backup drill, the
database outage): a copy of a migrated database instead of `manage.py migrate` in each of
them, which costs some forty seconds of CPU every time.

Migrated once per test session: on SQLite from the state the suite's own test database was
in after its migrations (tests/database_state.py), on PostgreSQL from a dump of the suite's
own test database when the suite runs on PostgreSQL; otherwise by one `manage.py migrate`
into a database of our own, kept as a file or a dump for the rest of the session.
"""

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from django.db import connections

from tests import database_state

BASE_DIR = Path(__file__).resolve().parent.parent
MIGRATED = "migrated"  # the name tests/conftest.py saves the migrated state under

_folder = Path(tempfile.mkdtemp(prefix="ssa-migrated-"))
atexit.register(shutil.rmtree, _folder, ignore_errors=True)
_sqlite_template = _folder / "migrated.sqlite3"
_postgres_dump = _folder / "migrated.sql"


def _migrate(database_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ssa.settings.dev",
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "CRITICAL",
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=900,
    )


def sqlite_file(path):
    """A migrated SQLite database at `path`."""
    if not _sqlite_template.exists():
        connection = connections["default"]
        if connection.vendor == "sqlite" and database_state.has(MIGRATED):
            target = sqlite3.connect(_sqlite_template)
            database_state.saved_sqlite(MIGRATED).backup(target)
            target.close()
        else:
            _migrate(f"sqlite:///{_sqlite_template}")
    shutil.copyfile(_sqlite_template, path)
    return path


def _postgres_args(url):
    """psql/pg_dump connection arguments for a postgres:// URL of a local trust server."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return [
        "-h",
        parts.hostname or "127.0.0.1",
        "-p",
        str(parts.port or 5432),
        "-U",
        parts.username or "postgres",
        "-d",
        parts.path.lstrip("/") or "postgres",
    ]


def _dump(args):
    subprocess.run(  # noqa: S603
        ["pg_dump", "--no-owner", "--no-privileges", "-f", str(_postgres_dump), *args],  # noqa: S607
        check=True,
        capture_output=True,
        timeout=300,
    )


def postgres_load(url):
    """Load the migrated schema and rows into the empty PostgreSQL database at `url`."""
    if not _postgres_dump.exists():
        connection = connections["default"]
        if connection.vendor == "postgresql" and database_state.has(MIGRATED):
            settings = connection.settings_dict
            _dump(
                ["-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432)]
                + ["-U", settings["USER"] or "postgres", "-d", settings["NAME"]]
            )
        else:
            server = url.rsplit("/", 1)[0]
            name = f"ssa_migrated_{uuid.uuid4().hex[:8]}"
            subprocess.run(  # noqa: S603
                ["createdb", *_postgres_args(f"{server}/postgres")[:-2], name],  # noqa: S607
                check=True,
                capture_output=True,
            )
            try:
                _migrate(f"{server}/{name}")
                _dump(_postgres_args(f"{server}/{name}"))
            finally:
                subprocess.run(  # noqa: S603
                    ["dropdb", *_postgres_args(f"{server}/postgres")[:-2], "--if-exists", name],  # noqa: S607
                    check=False,
                    capture_output=True,
                )
    subprocess.run(  # noqa: S603
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(_postgres_dump), *_postgres_args(url)],  # noqa: S607
        check=True,
        capture_output=True,
        timeout=300,
    )
