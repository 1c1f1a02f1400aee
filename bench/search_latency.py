"""Site search latency (p50, p95) and indexing rate at 10,000 and 100,000 indexed pages,
on SQLite (FTS5) and on PostgreSQL, beside Wagtail's stock search of the same pages.

    nice -n 10 .venv/bin/python bench/search_latency.py                        # 2,000 pages, ~3 min
    nice -n 10 .venv/bin/python bench/search_latency.py --sizes 10000,100000 --queries 60
    (the full figures; options: --databases sqlite,postgresql)

What is timed is the site's own path: `search.service.search_site`, the function the
search view calls (Georgian analysis, synonyms, the backend query, facets, snippets, the
Latin reading, editors' picks and the query log), over inflected, Mtavruli, Latin-typed,
two-word, half-typed and nothing-found queries. The baseline is Wagtail's stock search
of the same query string over the same public pages (count and first page of results),
through Wagtail's own database backend class on the same index.

Pages are not made one by one through treebeard (hours at 100,000): their rows are
inserted in bulk with the tree paths, depths and child counts treebeard would give them,
under 100 sections of the Georgian home page, one of them staff-only. They are then
indexed through the real backend's bulk indexing path (`add_bulk`, as rebuilding the index
does), which is what the indexing rate measures, with the rate of indexing without the
Georgian analysis (stock) beside it.

SQLite runs in a temporary file; PostgreSQL in the database ssa_search_bench, created and
dropped by this script (postgres://postgres@127.0.0.1:5432/, or BENCH_POSTGRES_URL).

On PostgreSQL each match costs a read of its index entry's block. The figures are printed
beside the server's shared_buffers and the size of the search index table: when the table
is larger than the buffers (Debian's default is 128 MB; at 100,000 pages the table is
about 400 MB, 720 MB with its TOAST table and indexes), most of those reads go to the
operating system's file cache and a search costs about a quarter more. To measure a
server sized for the data, point BENCH_POSTGRES_URL at one, e.g. a scratch cluster
started with `pg_ctl -o "-p 5433 -c shared_buffers=1GB"`.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# Another run beside this one needs a database of its own (BENCH_POSTGRES_DB).
POSTGRES_DB = os.environ.get("BENCH_POSTGRES_DB", "ssa_search_bench")
GOAL_P95_MS = 50
SECTIONS = 100
BATCH = 1000
BODY_WORDS = 120


# The parent: one worker process per database, then the table. -----------------------


def _postgres_admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _run_worker(database: str, args) -> dict:
    workdir = tempfile.mkdtemp(prefix="ssa-search-bench-")
    if database == "sqlite":
        url = f"sqlite:///{workdir}/bench.sqlite3"
    else:
        _postgres_admin(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")
        _postgres_admin(f"CREATE DATABASE {POSTGRES_DB}")
        url = f"{POSTGRES_SERVER}/{POSTGRES_DB}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.search_latency_settings",
    }
    command = [
        sys.executable,
        __file__,
        "--worker",
        "--sizes",
        args.sizes,
        "--queries",
        str(args.queries),
    ]
    try:
        # The worker's progress bars (stderr) go straight to the terminal.
        done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{database} worker failed (its error is above)")
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if database == "postgresql":
            _postgres_admin(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")


def main(args) -> None:
    started = time.perf_counter()
    rows = []
    for database in args.databases.split(","):
        database_rows = _run_worker(database, args)
        # Each database's figures as soon as they are in: a later database's failure (or
        # an interrupted run) does not take the earlier one's with it.
        for row in database_rows:
            print(json.dumps(row), flush=True)
        rows.extend(database_rows)
    print(f"Site search, {args.queries} queries per size; ms; stock = Wagtail's own search")
    header = (
        f"{'database':<11}{'pages':>8}{'index/s stock':>15}{'index/s ours':>14}"
        f"{'p50 stock':>11}{'p50 ours':>10}{'p95 stock':>11}{'p95 ours':>10}{'ratio':>7}"
        f"  goal p95<={GOAL_P95_MS}"
    )
    print(header)
    for row in rows:
        verdict = "met" if row["p95_ours"] <= GOAL_P95_MS else "MISSED"
        print(
            f"{row['database']:<11}{row['pages']:>8}{row['index_rate_stock']:>15.0f}"
            f"{row['index_rate_ours']:>14.0f}{row['p50_stock']:>11.1f}{row['p50_ours']:>10.1f}"
            f"{row['p95_stock']:>11.1f}{row['p95_ours']:>10.1f}"
            f"{row['p95_ours'] / row['p95_stock']:>7.2f}  {verdict}"
        )
    print("p95 by kind of query (ours):")
    for row in rows:
        kinds = ", ".join(f"{kind} {ms:.1f}" for kind, ms in row["p95_by_kind"].items())
        print(f"  {row['database']} {row['pages']}: {kinds}")
    for row in rows:
        if row["server"]:
            print(f"  {row['database']} {row['pages']} server: {row['server']}")
    print(f"wall time {time.perf_counter() - started:.0f} s")


# The worker: build, index and time on the database DATABASE_URL names. ---------------


def progress_bar(total: int, label: str):
    """The bench's progress bar on stderr (helpers.progress, as the management commands
    draw it): building and indexing 100,000 pages takes minutes."""
    from django.core.management.base import OutputWrapper

    from helpers.progress import ProgressBar

    bar = ProgressBar(OutputWrapper(sys.stderr), total, enabled=True)
    bar.label = label
    return bar


def _install_fts5_table() -> None:
    """The SQLite full-text table and its triggers, from Wagtail's own search migration
    (`migrate --run-syncdb` would make an ordinary table in its place)."""
    import importlib

    from django.db import connection, migrations

    if connection.vendor != "sqlite":
        return
    migration = importlib.import_module("wagtail.search.migrations.0006_customise_indexentry")
    statements = []
    for operation in migration.Migration.operations:
        if isinstance(operation, migrations.SeparateDatabaseAndState):
            for database_operation in operation.database_operations:
                if isinstance(database_operation, migrations.RunSQL):
                    statements.append(database_operation.sql)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE wagtailsearch_indexentry_fts")
        for statement in statements:
            cursor.execute(statement)


class Corpus:
    """Pages inserted in bulk under the sections, with treebeard's paths."""

    def __init__(self, home, rng):
        from wagtail.models import PageViewRestriction

        from bench.search_corpus import lexicon
        from cms.models import ContentPage

        self.rng = rng
        self.lemmas = lexicon()
        self.home = home
        self.sections = []
        for number in range(SECTIONS):
            section = ContentPage(title=f"განყოფილება {number}", slug=f"section-{number}")
            home.add_child(instance=section)
            self.sections.append(section)
        # One staff-only section, as the site has: its pages are indexed, never found.
        PageViewRestriction.objects.create(page=self.sections[-1], restriction_type="login")
        self.children = [0] * SECTIONS
        self.count = 0

    def add(self, total: int) -> list[int]:
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone
        from wagtail.models import Page

        from bench.search_corpus import page_words
        from cms.models import ContentPage

        content_type = ContentType.objects.get_for_model(ContentPage)
        now = timezone.now()
        new_ids = []
        bar = progress_bar(total - self.count, "pages built")
        while self.count < total:
            pages, details = [], []
            for _ in range(min(BATCH, total - self.count)):
                slot = self.count % SECTIONS
                section = self.sections[slot]
                self.children[slot] += 1
                title, intro, body, _topics = page_words(
                    self.lemmas, self.rng, self.count, BODY_WORDS
                )
                slug = f"p{self.count}"
                pages.append(
                    Page(
                        path=Page._get_path(section.path, section.depth + 1, self.children[slot]),
                        depth=section.depth + 1,
                        numchild=0,
                        translation_key=uuid.uuid4(),
                        locale_id=self.home.locale_id,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        url_path=f"{section.url_path}{slug}/",
                    )
                )
                details.append((intro, body))
                self.count += 1
            Page.objects.bulk_create(pages)
            rows = [
                ContentPage(
                    page_ptr_id=page.pk,
                    intro=intro,
                    body=[{"type": "paragraph", "value": f"<p>{body}</p>"}],
                )
                for page, (intro, body) in zip(pages, details, strict=True)
            ]
            # Django refuses bulk_create for a multi-table child; its own insert of the
            # child's columns is what save() would run for each row.
            ContentPage._base_manager._insert(rows, fields=ContentPage._meta.local_concrete_fields)
            new_ids.extend(page.pk for page in pages)
            bar.show(len(new_ids), bar.label)
        bar.finish()
        for section, children in zip(self.sections, self.children, strict=True):
            Page.objects.filter(pk=section.pk).update(numchild=children)
        return new_ids


def _index(ids: list[int], label: str = "pages indexed") -> float:
    """Index the pages through the backend's bulk path; pages per second."""
    from wagtail.search.backends import get_search_backend

    from cms.models import ContentPage

    backend = get_search_backend()
    bar = progress_bar(len(ids), label)
    started = time.perf_counter()
    for start in range(0, len(ids), BATCH):
        chunk = list(ContentPage.objects.filter(pk__in=ids[start : start + BATCH]))
        backend.add_bulk(ContentPage, chunk)
        bar.show(min(len(ids), start + BATCH), label)
    rate = len(ids) / (time.perf_counter() - started)
    bar.finish()
    return rate


def _stock_index_rate(ids: list[int]) -> float:
    """Indexing without the Georgian analysis, what Wagtail does out of the box; the
    pages are indexed again with it afterwards."""
    from cms.models import BasePage

    analysed_terms = BasePage.search_analysed_terms
    BasePage.search_analysed_terms = lambda self: ""
    try:
        rate = _index(ids, "pages indexed without the analysis (stock rate)")
    finally:
        BasePage.search_analysed_terms = analysed_terms
    return rate


def _server_memory(connection) -> str:
    """On PostgreSQL, the server's shared buffers beside the size of the search index
    table: a search reads a block of that table for each match, from the server's buffers
    or, when the table is larger than them, from the operating system's file cache."""
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('shared_buffers'),"
            " pg_size_pretty(pg_total_relation_size('wagtailsearch_indexentry'))"
        )
        shared_buffers, table_size = cursor.fetchone()
    return f"shared_buffers {shared_buffers}, search index table {table_size}"


def build_queries(rng, count: int) -> list[tuple[str, str]]:
    from bench.search_corpus import lexicon, query_text

    lemmas = lexicon()
    names = sorted(lemmas)
    plan = (
        ["inflected"] * 4
        + ["mtavruli"] * 2
        + ["latin"] * 3
        + ["two words"] * 2
        + ["half-typed", "nothing found"]
    )
    queries = []
    for index in range(count):
        kind = plan[index % len(plan)]
        lemma = rng.choice(names)
        form = rng.choice(lemmas[lemma])
        if kind == "two words":
            other = rng.choice(lemmas[rng.choice(names)])
            text = f"{form} {query_text(other, 'latin', index)}" if index % 2 else f"{form} {other}"
        elif kind == "half-typed":
            text = lemma[: max(4, len(lemma) - 3)]
        elif kind == "nothing found":
            text = rng.choice(["ქართველოლოგია", "zzyzxqv", "ბლაბლაბლა სიტყვა", "kvazimodo"])
        else:
            text = query_text(form, kind, index)
        queries.append((kind, text))
    return queries


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _time(run, queries):
    by_kind = {}
    for kind, text in queries:
        started = time.perf_counter()
        run(text)
        by_kind.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    every = [ms for times in by_kind.values() for ms in times]
    return every, {kind: percentile(times, 0.95) for kind, times in by_kind.items()}


def worker(args) -> None:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from modelsearch.backends import database as wagtail_database
    from wagtail.models import Page

    from demo.steps.search import DEMO_SYNONYMS
    from search.database_tuning import (
        create_postgres_page_check_index,
        create_postgres_title_body_index,
        store_postgres_vectors_in_row,
    )
    from search.factories import SearchSynonymFactory
    from search.service import search_site
    from tests.utils import make_site_tree

    call_command("migrate", run_syncdb=True, verbosity=0)
    _install_fts5_table()
    # What search's migrations 0002 to 0004 do on PostgreSQL.
    create_postgres_title_body_index(connection)
    store_postgres_vectors_in_row(connection)
    create_postgres_page_check_index(connection)
    home = make_site_tree()["ka"]
    for terms in DEMO_SYNONYMS:
        SearchSynonymFactory(terms=terms)
    rng = random.Random(2026)
    corpus = Corpus(home, rng)
    queries = build_queries(random.Random(6), args.queries)
    public_pages = Page.objects.live().public().filter(locale=home.locale)
    # Wagtail's own database backend (search.db_backend only replaces its queries), on the
    # index the site's backend wrote.
    backend = wagtail_database.SearchBackend({})

    def stock_search(text):
        results = backend.search(text, public_pages)
        results.count()
        list(results[:10])

    def our_search(text):
        search_site(text, "ka")

    rows = []
    stock_rate = None
    for size in [int(size) for size in args.sizes.split(",")]:
        new_ids = corpus.add(size)
        if stock_rate is None:
            stock_rate = _stock_index_rate(new_ids[:2000])
        our_rate = _index(new_ids)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        for _kind, text in queries[:5]:  # warm the caches, as a running site has them
            our_search(text)
            stock_search(text)
        stock_times, _stock_kinds = _time(stock_search, queries)
        our_times, our_kinds = _time(our_search, queries)
        rows.append(
            {
                "database": connection.vendor,
                "server": _server_memory(connection),
                "pages": Page.objects.count(),
                "index_rate_stock": stock_rate,
                "index_rate_ours": our_rate,
                "p50_stock": statistics.median(stock_times),
                "p95_stock": percentile(stock_times, 0.95),
                "p50_ours": statistics.median(our_times),
                "p95_ours": percentile(our_times, 0.95),
                "p95_by_kind": our_kinds,
            }
        )
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    print(json.dumps(rows))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000", help="comma-separated page counts")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        worker(arguments)
    else:
        main(arguments)
