"""Backup, restore and verify: the snapshot the agency keeps of the whole site.

A snapshot is a folder holding
- ``database.dump`` (PostgreSQL custom format, pg_dump) or ``database.sqlite3`` (SQLite's
  online backup API): consistent even while the site writes;
- ``media/`` and ``private/``: copies of MEDIA_ROOT and PRIVATE_FILES_ROOT;
- ``manifest.json``: the row count of every table *in the dumped snapshot* (on PostgreSQL
  counted in the same exported transaction snapshot pg_dump reads; on SQLite from the copy)
  and the size and SHA-256 of every file, the dump included.

``restore`` loads a snapshot into an empty database and empty media folders; ``verify``
compares the live site (normally a freshly restored one) with the manifest: every count and
every hash must match.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

MANIFEST = "manifest.json"
FOLDERS = {"media": "MEDIA_ROOT", "private": "PRIVATE_FILES_ROOT"}


class BackupError(Exception):
    pass


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def files_of(root):
    """{relative path: {size, sha256}} of every file under root."""
    root = Path(root)
    if not root.is_dir():
        return {}
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in sorted(names):
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = {
                "size": path.stat().st_size,
                "sha256": sha256_of(path),
            }
    return dict(sorted(found.items()))


def _count_rows(cursor, tables, quote):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - catalogue names
        counts[table] = cursor.fetchone()[0]
    return counts


def live_row_counts():
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        return _count_rows(cursor, tables, connection.ops.quote_name)


def _pg_env_and_args():
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return env, args, db["NAME"]


def _dump_postgresql(target):
    env, args, name = _pg_env_and_args()
    tables = connection.introspection.table_names()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _count_rows(cursor, tables, connection.ops.quote_name)
            # pg_dump reads the very snapshot the counts were taken in.
            result = subprocess.run(  # noqa: S603
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]  # noqa: S607
                + [f"--snapshot={snapshot}", "--file", str(target), *args, name],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return counts


def _dump_sqlite(target):
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        cursor = destination.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type='table'")
        tables = [row[0] for row in cursor.fetchall() if not row[0].startswith("sqlite_")]
        return _count_rows(cursor, tables, lambda name: '"' + name.replace('"', '""') + '"')
    finally:
        destination.close()


def create(destination, progress=None):
    """Write a snapshot into a new folder under `destination`; returns its path."""
    stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%d-%H%M%S")
    folder = Path(destination) / f"ssa-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    vendor = connection.vendor
    if vendor == "postgresql":
        dump = folder / "database.dump"
        counts = _dump_postgresql(dump)
    elif vendor == "sqlite":
        dump = folder / "database.sqlite3"
        counts = _dump_sqlite(dump)
    else:
        raise BackupError(f"Unsupported database: {vendor}")
    for name, setting in FOLDERS.items():
        source = Path(getattr(settings, setting))
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            (folder / name).mkdir()
    manifest = {
        "created": stamp,
        "database": {"vendor": vendor, "file": dump.name, "sha256": sha256_of(dump)},
        "rows": counts,
        "files": {name: files_of(folder / name) for name in FOLDERS},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return folder


def read_manifest(folder):
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} holds no {MANIFEST}")
    return json.loads(path.read_text())


def _is_empty(path):
    path = Path(path)
    return not path.exists() or not any(path.iterdir())


def restore(folder):
    """Load a snapshot into the configured (empty) database and (empty) media folders."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    dump = folder / manifest["database"]["file"]
    if sha256_of(dump) != manifest["database"]["sha256"]:
        raise BackupError("The database file does not match the manifest's SHA-256.")
    if connection.introspection.table_names():
        raise BackupError("The database is not empty: restore only into an empty database.")
    for setting in FOLDERS.values():
        if not _is_empty(getattr(settings, setting)):
            raise BackupError(f"{setting} is not empty: restore only into empty folders.")
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"The snapshot is of {vendor}, the database is {connection.vendor}.")
    if vendor == "postgresql":
        env, args, name = _pg_env_and_args()
        result = subprocess.run(  # noqa: S603
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]  # noqa: S607
            + ["--dbname", name, *args, str(dump)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    connection.close()
    for name, setting in FOLDERS.items():
        target = Path(getattr(settings, setting))
        target.mkdir(parents=True, exist_ok=True)
        shutil.copytree(folder / name, target, dirs_exist_ok=True)
    return manifest


def verify(folder):
    """Differences between the live site and a snapshot's manifest (empty: identical)."""
    manifest = read_manifest(folder)
    problems = []
    counts = live_row_counts()
    for table, expected in manifest["rows"].items():
        actual = counts.get(table)
        if actual != expected:
            problems.append(f"table {table}: {actual} rows, manifest says {expected}")
    for table in sorted(set(counts) - set(manifest["rows"])):
        problems.append(f"table {table}: not in the manifest")
    for name, setting in FOLDERS.items():
        actual = files_of(getattr(settings, setting))
        expected = manifest["files"][name]
        for path in sorted(set(actual) | set(expected)):
            if actual.get(path) != expected.get(path):
                problems.append(f"{name}/{path}: differs from the manifest")
    return problems
