"""Wagtail's database search backend, with relevance ranking done in one pass over the
index entries, on SQLite (FTS5) and on PostgreSQL.

Wagtail's own queries start from the searched model: SQLite orders results by a correlated
subquery that runs the full-text MATCH again for every matching row (a word found on n
pages costs n full-text searches: 90 seconds for a common word at 10,000 pages), and
PostgreSQL joins every page of the queryset to its index entry on `page.id::varchar =
object_id` (a scan of the whole page table for each query). Here the index entries are
queried first, scored by the same expressions, and only then checked against the searched
queryset (drafts, restricted pages and other languages never pass):

- the page of results: the best-scored entries are taken without the check, and only those
  few are checked against the queryset (their objects are loaded by id); when too few of
  them pass, more are taken, and past `MAX_UNCHECKED_CANDIDATES` the checked query ranks
  them all. Checked entries keep their order, so the results are those of ranking only
  the entries that pass;
- counts and facets: one query over the matching entries that pass the check. On
  PostgreSQL it also returns the first `FIRST_RESULTS` of them in rank order: the first
  pages of results, asked for after their count as a paginator does, are then loaded by
  id without reading and ranking the matches a second time. (SQLite cannot: FTS5's bm25()
  is refused in a query built on the full-text query.)

On SQLite the score is FTS5's bm25() with the title column weighted, ascending (lower is
better). modelsearch scores an AND query as the product of (1 + bm25) over its words, but
bm25 is negative: with two words the product of two negative factors is positive and the
best page comes last. One bm25() of the whole match, title weighted as PostgreSQL weights
it, ranks the same way whatever the number of words.

MySQL and SQLite without FTS5 are Wagtail's own backends, unchanged.
`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.db_backend"}}`.
"""

from collections import OrderedDict

from django.db import connection, connections
from django.db.models import Count, Exists, F, IntegerField, OuterRef
from django.db.models.functions import Cast
from modelsearch.backends import database as wagtail_database

# Subclasses modelsearch's internals (_do_search, _do_count, _build_rank_expression, the
# compilers' vectors and configs) and Django's Combinable._combine: re-read on any upgrade
# of these (tests/test_upstream_canaries.py fails when their shape changes).
WRITTEN_FOR = ("modelsearch 1.3.2", "Django 5.2.19")

DATABASE_BACKENDS = ("wagtail.search.backends.database", "search.db_backend")

# Wagtail leaves the text search configuration to the server's default_text_search_config,
# which initdb picks from the server's locale ("english" or "simple"): written out, the
# index reads the same on every server, and to_tsquery(config, text) is immutable, so
# PostgreSQL parses a query once rather than once per matching entry for each term ranked.
# "english" stems the English pages' words; Georgian words pass through it unchanged (the
# Georgian analysis in search.analysis has stemmed them already).
POSTGRES_SEARCH_CONFIG = "pg_catalog.english"


# The first look at the best-scored entries takes this many more than the page of results
# needs (some may be private); when too few pass, it takes this many times more.
CANDIDATE_MARGIN = 5
CANDIDATE_GROWTH = 8
# Past this many unchecked entries, the checked query ranks every match instead.
MAX_UNCHECKED_CANDIDATES = 2000
# The query that counts the matches also returns this many of the first results (two
# pages of the site's search).
FIRST_RESULTS = 20
# The weight of a title match against a body match in SQLite's bm25() (PostgreSQL weights
# the title through Wagtail's title_norm and its "A" weight).
SQLITE_TITLE_WEIGHT = 4.0
INTEGER_KEYS = ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField")


class OnePassRanking:
    """Query compiler part: the matching index entries of the searched model's types,
    best first, and the check that an entry's object is in the searched queryset.
    `ENTRY` is the path from the entries queried to Wagtail's IndexEntry."""

    ENTRY = ""

    def entry_field(self, name: str) -> str:
        return self.ENTRY + name

    def can_rank_entries(self) -> bool:
        from modelsearch.query import Fuzzy, MatchAll, Not

        query = self.normalised_query()
        return not (
            isinstance(query, (MatchAll, Not, Fuzzy))
            or not self.order_by_relevance
            or self.queryset.model._meta.pk.get_internal_type() not in INTEGER_KEYS
        )

    def normalised_query(self):
        return self.query

    def ranked_entries(self, config):
        """Entries matching the query, of the searched model's types, best first; None
        where Wagtail's own query must answer (match-all, negation, fuzzy, an explicit
        order). Not yet checked against the queryset. Built once per compiler."""
        cached = getattr(self, "_ranked_entries", None)
        if cached is None:
            cached = self._ranked_entries = (
                self.build_ranked_entries(config) if self.can_rank_entries() else False
            )
        return cached if cached is not False else None

    def in_queryset(self):
        return Exists(
            self.queryset.order_by().filter(
                pk=Cast(OuterRef(self.entry_field("object_id")), output_field=IntegerField())
            )
        )

    def content_types(self):
        from modelsearch.utils import get_descendants_content_types_pks

        return get_descendants_content_types_pks(self.queryset.model)


class RankedResults:
    """Search results part: the page of results, counts and facets from the ranked
    entries (see the module's docstring)."""

    def _ranked(self):
        if self._score_field is not None:
            return None
        compiler = self.query_compiler
        return compiler.ranked_entries(compiler.get_config(self.backend))

    def _checked(self, ranked):
        return ranked.filter(self.query_compiler.in_queryset())

    def _object_ids(self, entries, start, stop):
        field = self.query_compiler.entry_field("object_id")
        return [int(pk) for pk in entries.values_list(field, flat=True)[start:stop]]

    def _load(self, ids):
        """The queryset's objects with these ids, in this order (those it holds)."""
        found = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]

    def _counts_and_first(self, ranked):
        """The checked entries counted by content type, and (where the database can rank
        them in the same query) the object ids of the first FIRST_RESULTS of them in rank
        order, else None; kept on the query compiler, which every slice of these results
        shares."""
        compiler = self.query_compiler
        cached = getattr(compiler, "_counts_and_first", None)
        if cached is None:
            checked = self._checked(ranked).order_by()
            cached = self._count(checked, compiler.entry_field("content_type_id"))
            compiler._counts_and_first = cached
        return cached

    def _count(self, checked, type_field):
        rows = checked.values(type_field).annotate(count=Count("pk"))
        return {row[type_field]: row["count"] for row in rows}, None

    def _do_search(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_search()
        counted = getattr(self.query_compiler, "_counts_and_first", None)
        first = counted[1] if counted is not None else None
        if first is not None and self.stop is not None and self.stop <= FIRST_RESULTS:
            return self._load(first[self.start : self.stop])
        if self.stop is not None:
            limit = self.stop + CANDIDATE_MARGIN
            while limit <= MAX_UNCHECKED_CANDIDATES:
                candidates = self._object_ids(ranked, 0, limit)
                checked = self._load(candidates)
                if len(checked) >= self.stop or len(candidates) < limit:
                    return checked[self.start : self.stop]
                limit *= CANDIDATE_GROWTH
        return self._load(self._object_ids(self._checked(ranked), self.start, self.stop))

    def _do_count(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_count()
        counts, _first = self._counts_and_first(ranked)
        count = sum(counts.values()) - self.start
        return max(0, count if self.stop is None else min(count, self.stop - self.start))

    def facet(self, field_name):
        """Counts by page type from the counting query: an entry's content type is its
        page's specific type. Wagtail's own facet ranks every match before grouping."""
        from wagtail.models import Page

        ranked = self._ranked() if field_name == "content_type_id" else None
        if ranked is None or not issubclass(self.query_compiler.queryset.model, Page):
            return super().facet(field_name)
        counts, _first = self._counts_and_first(ranked)
        return OrderedDict(sorted(counts.items(), key=lambda item: -item[1]))


def _sqlite_classes():
    from django.db.models import FloatField, Func
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )

    class WeightedBM25(Func):
        """bm25() of the FTS5 row, columns (autocomplete, body, title) weighted; negative,
        lower is better."""

        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra):
            table = SQLiteFTSIndexEntry._meta.db_table
            return f"bm25({table}, 1.0, 1.0, {SQLITE_TITLE_WEIGHT})", []

    class SQLiteRanking(OnePassRanking):
        ENTRY = "index_entry__"

        def _build_rank_expression(self, vectors, config):
            return WeightedBM25()

        def normalised_query(self):
            return normalize(self.query)

        def build_ranked_entries(self, config):
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS,
                self.build_search_query(self.normalised_query(), config),
            )
            return (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(index_entry__content_type__in=self.content_types())
                .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
                .order_by("score", "-index_entry_id")  # bm25: lower is better
            )

    class RankedSearchQueryCompiler(SQLiteRanking, SQLiteSearchQueryCompiler):
        pass

    class RankedAutocompleteQueryCompiler(SQLiteRanking, SQLiteAutocompleteQueryCompiler):
        pass

    class RankedSearchResults(RankedResults, SQLiteSearchResults):
        pass

    class RankedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = RankedSearchQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
        results_class = RankedSearchResults

    return RankedSQLiteSearchBackend, SQLiteSearchBackend


def _postgres_classes():
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresAutocompleteQueryCompiler,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )

    class PostgresRanking(OnePassRanking):
        # Written out in SQL in RankedSearchResults._count.
        RANK_ORDER = ("-score", "-id")

        def entry_vectors(self):
            """Wagtail's vectors and weights (get_index_vectors), read from the entry."""
            return [(F("title"), F("title_norm")), (F("body"), 1.0)]

        def build_ranked_entries(self, config):
            if self.fields is not None:
                return False  # searching named fields: Wagtail's own query answers
            vectors = self.entry_vectors()
            searched = vectors[0][0]
            for vector, _weight in vectors[1:]:
                # Written as Wagtail writes it, so that the index on the expression serves.
                searched = searched._combine(vector, "||", False)
            return (
                IndexEntry.objects.filter(content_type__in=self.content_types())
                .annotate(_vector_=searched)
                .filter(_vector_=self.build_tsquery(self.query, config=config))
                .annotate(score=self._build_rank_expression(vectors, config))
                .order_by(*self.RANK_ORDER)
            )

    class RankedSearchQueryCompiler(PostgresRanking, PostgresSearchQueryCompiler):
        pass

    class RankedAutocompleteQueryCompiler(PostgresRanking, PostgresAutocompleteQueryCompiler):
        def entry_vectors(self):
            return [(F("autocomplete"), 1.0)]

    class RankedSearchResults(RankedResults, PostgresSearchResults):
        def _count(self, checked, type_field):
            """The counts by type and the first results from the matches read once (a
            materialised CTE): a hash aggregate for the counts and a top-N sort for the
            first results, no sort of all the matches."""
            entries = checked.annotate(
                _type=F(type_field), _object=F("object_id"), _entry=F("id")
            ).values_list("_type", "_object", "score", "_entry")
            entries_sql, params = entries.query.sql_with_params()
            rank_order = '"score" DESC, "_entry" DESC'  # PostgresRanking.RANK_ORDER
            # The ORM's own SQL inside, its values as parameters.
            sql = (
                f"WITH matches AS MATERIALIZED ({entries_sql})"  # noqa: S608
                ' SELECT "_type", count(*), NULL FROM matches GROUP BY "_type"'
                f' UNION ALL SELECT NULL, NULL, array_agg("_object" ORDER BY {rank_order})'
                f" FROM (SELECT * FROM matches ORDER BY {rank_order} LIMIT %s) AS first"
            )
            with connections[checked.db].cursor() as cursor:
                cursor.execute(sql, (*params, FIRST_RESULTS))
                rows = cursor.fetchall()
            counts = {type_id: count for type_id, count, _first in rows if type_id is not None}
            first = next(first for type_id, _count, first in rows if type_id is None)
            return counts, [int(pk) for pk in first or ()]

    class RankedPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = RankedSearchQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
        results_class = RankedSearchResults

        def __init__(self, params):
            super().__init__(params)
            self.config = self.config or POSTGRES_SEARCH_CONFIG

    return RankedPostgresSearchBackend, PostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = wagtail_database.SearchBackend(params)
    classes = {"sqlite": _sqlite_classes, "postgresql": _postgres_classes}.get(connection.vendor)
    if classes is not None:
        ranked_class, wagtail_class = classes()
        if type(backend) is wagtail_class:
            return ranked_class(params)
    return backend
