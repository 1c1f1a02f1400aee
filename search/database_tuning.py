"""How the search's database is set up and asked, beside Wagtail's own backend: SQLite's
page cache, and on PostgreSQL the index on the searched expression, the index the check of
the matching pages reads, where the entries' vectors are stored, and the planner's
settings while a search runs."""

from contextlib import contextmanager

from django.db import DatabaseError, connection

INDEX_ENTRY_TABLE = "wagtailsearch_indexentry"
PAGE_TABLE = "wagtailcore_page"

# SQLite keeps 2 MB of the database in memory per connection by default: at 100,000 pages
# the search index is about 1 GB, and every match a search checks (its index entry, its
# page) is then a read from the operating system, which tripled the time of a search.
SQLITE_CACHE_KIB = 64 * 1024

# Wagtail's PostgreSQL backend matches `title || body` against the query, but indexes the
# two columns apart: without an index on the expression itself every search reads every
# index entry. PostgreSQL uses this one when the expression is written the same way.
POSTGRES_TITLE_BODY_INDEX = "search_indexentry_title_body_gin"

# Each matching page is checked against the conditions of the searched pages (live, of
# the language, outside the restricted sections) by its key: a probe of the page table's
# key index, then a read of the page's row, for each of a few thousand matches (a third
# of a search's time at 100,000 pages). This index holds the columns the public pages'
# check reads, so the probe reads the index alone.
POSTGRES_PAGE_CHECK_INDEX = "search_page_public_check"
POSTGRES_PAGE_CHECK_COLUMNS = ("live", "locale_id", "path")

# Ranking reads a vector of every matching entry: the title and body vectors for words,
# the autocomplete vector for titles beginning with what was typed. An entry's row is
# about 3 kB, so PostgreSQL moved values out to its TOAST table until the row fitted in
# 2 kB (the body vector; the autocomplete vector with the plain texts), and each match
# then cost a lookup in the TOAST index and a read of its chunks (4 buffers instead of 1).
# Stored MAIN, the vectors stay in the row and the plain texts beside them (body_text,
# read only by the fuzzy search) go out first. lz4 decompresses several times faster
# than PostgreSQL's own pglz.
POSTGRES_VECTORS = ("title", "body", "autocomplete")

# While a search's queries run: PostgreSQL's default random_page_cost (4) prices an index
# probe as a read from a spinning disk, so the planner checked a search's few thousand
# matches against the page table by reading all of its rows (a hash join) where probing
# the matches' keys costs a fifth of that; and the parallel workers it started for these
# queries cost more to start than they saved.
SEARCH_PLANNER_SETTINGS = {"random_page_cost": "1.1", "max_parallel_workers_per_gather": "0"}


def configure_sqlite_connection(sender, connection, **kwargs):
    """connection_created receiver: a page cache of SQLITE_CACHE_KIB for SQLite (it grows
    only as pages are read)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")


def _postgres_connection(schema_editor_or_connection):
    """The connection of a schema editor (in a migration) or the connection itself; None
    unless it is PostgreSQL."""
    connection_ = schema_editor_or_connection
    if not hasattr(connection_, "vendor"):  # a schema editor; a connection has one too
        connection_ = connection_.connection
    return connection_ if connection_.vendor == "postgresql" else None


def _execute_on_postgres(schema_editor_or_connection, statement: str) -> None:
    connection_ = _postgres_connection(schema_editor_or_connection)
    if connection_ is None:
        return
    with connection_.cursor() as cursor:
        cursor.execute(statement)


def create_postgres_title_body_index(schema_editor_or_connection) -> None:
    _execute_on_postgres(
        schema_editor_or_connection,
        f"CREATE INDEX IF NOT EXISTS {POSTGRES_TITLE_BODY_INDEX} ON {INDEX_ENTRY_TABLE}"
        ' USING GIN (("title" || "body"))',
    )


def drop_postgres_title_body_index(schema_editor_or_connection) -> None:
    _execute_on_postgres(
        schema_editor_or_connection, f"DROP INDEX IF EXISTS {POSTGRES_TITLE_BODY_INDEX}"
    )


def create_postgres_page_check_index(schema_editor_or_connection) -> None:
    included = ", ".join(f'"{column}"' for column in POSTGRES_PAGE_CHECK_COLUMNS)
    _execute_on_postgres(
        schema_editor_or_connection,
        f"CREATE INDEX IF NOT EXISTS {POSTGRES_PAGE_CHECK_INDEX} ON {PAGE_TABLE}"
        f' ("id") INCLUDE ({included})',
    )


def drop_postgres_page_check_index(schema_editor_or_connection) -> None:
    _execute_on_postgres(
        schema_editor_or_connection, f"DROP INDEX IF EXISTS {POSTGRES_PAGE_CHECK_INDEX}"
    )


def _lz4_available(cursor) -> bool:
    cursor.execute(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    )
    row = cursor.fetchone()
    return bool(row and row[0])


def store_postgres_vectors_in_row(schema_editor_or_connection) -> None:
    """Keep the ranked vectors in the entry's row, lz4-compressed where the server has lz4
    (see POSTGRES_VECTORS), and rewrite the entries already indexed: a value keeps
    the storage it was written with."""
    connection_ = _postgres_connection(schema_editor_or_connection)
    if connection_ is None:
        return
    with connection_.cursor() as cursor:
        clauses = [f'ALTER COLUMN "{column}" SET STORAGE MAIN' for column in POSTGRES_VECTORS]
        if _lz4_available(cursor):
            clauses += [
                f'ALTER COLUMN "{column}" SET COMPRESSION lz4' for column in POSTGRES_VECTORS
            ]
        cursor.execute(f"ALTER TABLE {INDEX_ENTRY_TABLE} {', '.join(clauses)}")
        # Concatenating an empty vector makes a new value, stored as the column now says.
        rewrites = ", ".join(
            f'"{column}" = "{column}" || \'\'::tsvector' for column in POSTGRES_VECTORS
        )
        cursor.execute(f"UPDATE {INDEX_ENTRY_TABLE} SET {rewrites}")  # noqa: S608 - constants


def store_postgres_vectors_as_wagtail_does(schema_editor_or_connection) -> None:
    connection_ = _postgres_connection(schema_editor_or_connection)
    if connection_ is None:
        return
    with connection_.cursor() as cursor:
        clauses = [f'ALTER COLUMN "{column}" SET STORAGE EXTENDED' for column in POSTGRES_VECTORS]
        clauses += [
            f'ALTER COLUMN "{column}" SET COMPRESSION DEFAULT' for column in POSTGRES_VECTORS
        ]
        cursor.execute(f"ALTER TABLE {INDEX_ENTRY_TABLE} {', '.join(clauses)}")


@contextmanager
def search_planner_settings(connection_=None):
    """SEARCH_PLANNER_SETTINGS on PostgreSQL while the block runs, then the values the
    connection had before. Elsewhere, nothing."""
    connection_ = connection_ or connection
    if connection_.vendor != "postgresql":
        yield
        return
    names = list(SEARCH_PLANNER_SETTINGS)
    before = _set_planner_settings(connection_, SEARCH_PLANNER_SETTINGS)
    try:
        yield
    finally:
        try:
            _set_planner_settings(connection_, dict(zip(names, before, strict=True)))
        except DatabaseError:
            # The block's transaction failed: rolling it back undoes the settings too.
            pass


def _set_planner_settings(connection_, settings: dict) -> list[str]:
    """Set the settings for the session in one statement; their values before."""
    names = list(settings)
    reads = ", ".join(f"current_setting(%s) AS setting_{n}" for n in range(len(names)))
    writes = ", ".join(["set_config(%s, %s, false)"] * len(names))
    # The subquery, kept apart by OFFSET 0, reads the values before set_config() runs.
    sql = f"SELECT before.*, {writes} FROM (SELECT {reads} OFFSET 0) AS before"  # noqa: S608 - placeholders only
    params = [value for name in names for value in (name, settings[name])] + names
    with connection_.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return list(row[: len(names)])
