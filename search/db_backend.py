"""Wagtail's database search backend, with SQLite's relevance ranking done in one pass.

Wagtail's SQLite backend orders results by a correlated subquery that runs the full-text
MATCH again for every matching row, so a word found on n pages costs n full-text
searches: 90 seconds for a common word at 10,000 pages (bench/search_latency.py). Here
the FTS5 table is queried once, scored by the same bm25 expression, narrowed to the rows
of the searched queryset (drafts, restricted pages and other languages never pass) and
cut to the page of results before any page is loaded.

PostgreSQL, MySQL and SQLite without FTS5 are Wagtail's own backends, unchanged.
`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.db_backend"}}`.
"""

from collections import OrderedDict

from django.db import connection
from django.db.models import Count, Exists, IntegerField, OuterRef
from django.db.models.functions import Cast
from modelsearch.backends import database as wagtail_database

DATABASE_BACKENDS = ("wagtail.search.backends.database", "search.db_backend")

# Wagtail's PostgreSQL backend matches `title || body` against the query, but indexes the
# two columns apart: without an index on the expression itself every search reads every
# index entry. PostgreSQL uses this one when the expression is written the same way.
POSTGRES_TITLE_BODY_INDEX = "search_indexentry_title_body_gin"


def _connection_of(schema_editor_or_connection):
    if hasattr(schema_editor_or_connection, "vendor"):
        return schema_editor_or_connection
    return schema_editor_or_connection.connection


def create_postgres_title_body_index(schema_editor_or_connection) -> None:
    connection_ = _connection_of(schema_editor_or_connection)
    if connection_.vendor != "postgresql":
        return
    with connection_.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {POSTGRES_TITLE_BODY_INDEX} ON wagtailsearch_indexentry"
            ' USING GIN (("title" || "body"))'
        )


def drop_postgres_title_body_index(schema_editor_or_connection) -> None:
    connection_ = _connection_of(schema_editor_or_connection)
    if connection_.vendor != "postgresql":
        return
    with connection_.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {POSTGRES_TITLE_BODY_INDEX}")


def _sqlite_classes():
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.models import Page

    class OnePassRanking:
        def ranked_entries(self, config):
            """Index entries matching the query whose objects are in the queryset, best
            first; None where Wagtail's own query must answer (match-all, negation, an
            explicit order or a requested score)."""
            query = normalize(self.query)
            if (
                isinstance(query, (MatchAll, Not))
                or not self.order_by_relevance
                or self.queryset.model._meta.pk.get_internal_type()
                not in ("AutoField", "BigAutoField", "IntegerField")
            ):
                return None
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)
            )
            in_queryset = self.queryset.order_by().filter(
                pk=Cast(OuterRef("index_entry__object_id"), output_field=IntegerField())
            )
            return (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(
                        self.queryset.model
                    )
                )
                .filter(Exists(in_queryset))
                .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
                .order_by("score", "-index_entry_id")
            )

    class RankedSearchQueryCompiler(OnePassRanking, SQLiteSearchQueryCompiler):
        pass

    class RankedAutocompleteQueryCompiler(OnePassRanking, SQLiteAutocompleteQueryCompiler):
        pass

    class RankedSearchResults(SQLiteSearchResults):
        def _ranked(self):
            if self._score_field is not None:
                return None
            compiler = self.query_compiler
            return compiler.ranked_entries(compiler.get_config(self.backend))

        def _do_search(self):
            ranked = self._ranked()
            if ranked is None:
                return super()._do_search()
            ids = ranked.values_list("index_entry__object_id", flat=True)[self.start : self.stop]
            positions = {int(object_id): n for n, object_id in enumerate(ids)}
            objects = self.query_compiler.queryset.filter(pk__in=positions)
            return sorted(objects, key=lambda obj: positions[obj.pk])

        def _do_count(self):
            ranked = self._ranked()
            if ranked is None:
                return super()._do_count()
            count = ranked.order_by().count() - self.start
            return max(0, count if self.stop is None else min(count, self.stop - self.start))

        def facet(self, field_name):
            """Counts by page type in one grouped query of the index entries: an entry's
            content type is its page's specific type. Wagtail's own facet ranks every
            match with a full-text search of its own before grouping."""
            ranked = self._ranked() if field_name == "content_type_id" else None
            if ranked is None or not issubclass(self.query_compiler.queryset.model, Page):
                return super().facet(field_name)
            rows = (
                ranked.order_by()
                .values("index_entry__content_type_id")
                .annotate(count=Count("pk"))
                .order_by("-count")
            )
            return OrderedDict((row["index_entry__content_type_id"], row["count"]) for row in rows)

    class RankedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = RankedSearchQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
        results_class = RankedSearchResults

    return RankedSQLiteSearchBackend, SQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = wagtail_database.SearchBackend(params)
    if connection.vendor == "sqlite":
        ranked_class, wagtail_class = _sqlite_classes()
        if type(backend) is wagtail_class:
            return ranked_class(params)
    return backend
