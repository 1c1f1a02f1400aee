"""How the search's database is set up and asked (search.database_tuning): SQLite's page
cache; on PostgreSQL the index on the searched expression, the vectors kept in the entry's
row, the query parsed once, and the planner's settings held only while a search runs."""

import re

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from cms.factories import ContentPageFactory
from search import database_tuning
from search.backends import run_search
from search.service import public_pages, search_site

pytestmark = pytest.mark.django_db

# A body of many different words, so that PostgreSQL compresses the entry's vectors (it
# compresses values only in rows over 2 kB, the largest first).
LETTERS = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"
LONG_BODY = " ".join(
    "".join(LETTERS[(n // len(LETTERS) ** place) % len(LETTERS)] for place in range(3)) + "ობა"
    for n in range(300)
)


def only_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")


def fetch(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_sqlite_connections_keep_a_page_cache_the_size_of_a_large_index():
    if connection.vendor != "sqlite":
        pytest.skip("an SQLite setting")
    assert fetch("PRAGMA cache_size") == [(-database_tuning.SQLITE_CACHE_KIB,)]


def test_postgresql_indexes_the_expression_wagtail_searches():
    only_on_postgresql()
    ((definition,),) = fetch(
        "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
        [database_tuning.POSTGRES_TITLE_BODY_INDEX],
    )
    assert "gin" in definition.lower()
    assert "(title || body)" in definition


def test_postgresql_indexes_the_columns_the_check_of_a_matching_page_reads(home_pages):
    only_on_postgresql()
    ((definition,),) = fetch(
        "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
        [database_tuning.POSTGRES_PAGE_CHECK_INDEX],
    )
    assert "(id) INCLUDE (live, locale_id, path)" in definition
    # The columns the public pages' check reads, with a staff-only section to keep out:
    # the index serves the check alone.
    staff_only = ContentPageFactory(parent=home_pages["ka"], title="შიდა")
    PageViewRestriction.objects.create(page=staff_only, restriction_type="login")
    sql = str(public_pages(home_pages["ka"].locale).values("pk").query)
    used = set(re.findall(rf'"{database_tuning.PAGE_TABLE}"\."(\w+)"', sql)) - {"id"}
    assert used == set(database_tuning.POSTGRES_PAGE_CHECK_COLUMNS)


def column_storage():
    rows = fetch(
        "SELECT attname, attstorage, attcompression FROM pg_attribute"
        " WHERE attrelid = %s::regclass AND attname = ANY(%s)",
        [database_tuning.INDEX_ENTRY_TABLE, list(database_tuning.POSTGRES_VECTORS)],
    )
    return {name: (storage, compression) for name, storage, compression in rows}


def lz4_available():
    return fetch(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    ) == [(True,)]


def test_postgresql_keeps_the_ranked_vectors_in_the_row():
    only_on_postgresql()
    storage = column_storage()
    # MAIN: out of line only as a last resort
    assert {name: storage_ for name, (storage_, _compression) in storage.items()} == {
        "title": "m",
        "body": "m",
        "autocomplete": "m",
    }
    if lz4_available():
        assert {compression for _storage, compression in storage.values()} == {"l"}


def body_compression(page):
    ((method,),) = fetch(
        f"SELECT pg_column_compression(body) FROM {database_tuning.INDEX_ENTRY_TABLE}"  # noqa: S608
        " WHERE object_id = %s",
        [str(page.pk)],
    )
    return method


def test_postgresql_rewrites_the_entries_indexed_before():
    only_on_postgresql()
    if not lz4_available():
        pytest.skip("this PostgreSQL server has no lz4")
    database_tuning.store_postgres_vectors_as_wagtail_does(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"ALTER TABLE {database_tuning.INDEX_ENTRY_TABLE}"
            " ALTER COLUMN body SET COMPRESSION pglz"
        )
    page = ContentPageFactory(title="გრძელი გვერდი", intro=LONG_BODY)
    get_search_backend().add(page)
    assert body_compression(page) != "lz4"  # pglz, or none where pglz gained too little
    with connection.cursor() as cursor:
        # The test's transaction still holds the new entry's deferred key checks, which
        # ALTER TABLE refuses to run beside; a migration runs on its own.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    database_tuning.store_postgres_vectors_in_row(connection)
    assert body_compression(page) == "lz4"
    assert column_storage()["body"][0] == "m"


def test_postgresql_parses_the_query_once_not_for_every_match(home_pages):
    """With the text search configuration named, to_tsquery() is immutable: the plan holds
    the parsed query as a constant instead of a call made for every matching entry."""
    only_on_postgresql()
    ContentPageFactory(parent=home_pages["ka"], title="პენსია", intro=LONG_BODY)
    results = get_search_backend().search("პენსია", public_pages(home_pages["ka"].locale))
    compiler = results.query_compiler
    ranked = compiler.ranked_entries(compiler.get_config(results.backend))
    sql, params = ranked.query.sql_with_params()
    plan = "\n".join(row[0] for row in fetch(f"EXPLAIN (VERBOSE) {sql}", params))
    assert "::tsquery" in plan
    assert "to_tsquery(" not in plan


def planner_settings():
    return dict(
        fetch(
            "SELECT name, setting FROM pg_settings WHERE name = ANY(%s)",
            [list(database_tuning.SEARCH_PLANNER_SETTINGS)],
        )
    )


def test_the_planner_settings_hold_while_a_search_runs_and_are_put_back(home_pages):
    only_on_postgresql()
    before = planner_settings()
    assert before != database_tuning.SEARCH_PLANNER_SETTINGS  # else the test shows nothing
    seen = run_search(lambda backend: planner_settings())
    assert seen == database_tuning.SEARCH_PLANNER_SETTINGS
    assert planner_settings() == before
    search_site("პენსია", "ka", log=False)
    assert planner_settings() == before


def test_the_planner_settings_are_put_back_when_a_search_fails():
    only_on_postgresql()
    before = planner_settings()

    def failing(backend):
        raise RuntimeError("the search broke")

    with pytest.raises(RuntimeError):
        run_search(failing)
    assert planner_settings() == before


def test_planner_settings_change_nothing_on_sqlite(django_assert_num_queries):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite has no such settings")
    with django_assert_num_queries(0), database_tuning.search_planner_settings():
        pass
