"""Saved states of the test database, restored in well under a second.

Two states matter to the suite:
- the migrated one: the default Locale, the root Collection, the tree root and the default
  Site that migrations create. A test that commits (the live-server and browser tests) ends
  with a flush that empties every table, and a test that runs after it must not find the
  database emptier than migrations left it;
- the seeded demo site, which takes seconds of CPU to build: built once per session and
  restored for each test that only reads it.

SQLite copies the whole database with its backup API; PostgreSQL copies the rows of every
table the flush empties (COPY, foreign keys checked at commit: Django creates them deferred)
and sets the sequences past them.
"""

import sqlite3

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connections, transaction

_saved = {}


def _tables(connection):
    return sorted(connection.introspection.django_table_names(only_existing=True))


def save(name, alias="default"):
    """Keep the database's current rows as `name`."""
    connection = connections[alias]
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _saved[(alias, name)] = copy
    elif connection.vendor == "postgresql":
        rows = {}
        with connection.connection.cursor() as cursor:
            for table in _tables(connection):
                quoted = connection.ops.quote_name(table)
                with cursor.copy(f"COPY {quoted} TO STDOUT (FORMAT BINARY)") as copy:
                    data = b"".join(bytes(chunk) for chunk in copy)
                rows[table] = data
        _saved[(alias, name)] = rows
    else:
        raise NotImplementedError(f"No saved states for {connection.vendor}")


def has(name, alias="default"):
    return (alias, name) in _saved


def saved_sqlite(name, alias="default"):
    """The in-memory SQLite copy saved as `name` (to copy into a file of its own)."""
    return _saved[(alias, name)]


def restore(name, alias="default"):
    """Put the database back to the rows saved as `name`; nothing else survives."""
    connection = connections[alias]
    connection.ensure_connection()
    saved = _saved[(alias, name)]
    if connection.vendor == "sqlite":
        saved.backup(connection.connection)
    else:
        tables = _tables(connection)
        quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
        with transaction.atomic(using=alias), connection.connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
            for table, data in saved.items():
                if len(data) <= 19 + 2:  # the binary header and trailer only: no rows
                    continue
                table_name = connection.ops.quote_name(table)
                with cursor.copy(f"COPY {table_name} FROM STDIN (FORMAT BINARY)") as copy:
                    copy.write(data)
            models = [
                model
                for model in apps.get_models(include_auto_created=True)
                if model._meta.db_table in saved and model._meta.managed
            ]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    # Content type ids may differ from those the flush's post_migrate created and cached.
    ContentType.objects.clear_cache()
