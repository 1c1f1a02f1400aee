"""Recall@10 of the site search on words the analyser was not written from, development
and test halves apart, on SQLite and PostgreSQL, beside Wagtail's stock search.

    nice -n 10 .venv/bin/python bench/search_recall.py [--databases sqlite,postgresql]

The words come from bench/search_recall_corpus.tsv, made by
bench/make_search_recall_corpus.py from the Hunspell Georgian dictionary (dictionary-ka):
each word's forms are the dictionary's affix rules' output, not the analyser's, and every
word is in the development or the test half by a hash of it. Work on the analyser looks
at the development half only; the test half is what it is measured by.

One page per word holds one of its forms (title and text otherwise other words of the
dictionary); every other form is searched for on the public search (search_site), and a
hit is that page among the first ten results. Latin-typed queries are the same forms
typed by this script's own loose romaniser (c/ts/tz, x/kh, sh/S, ch/C, w, gh/R, q/k,
zh/Z, dz/Z, chosen at random per letter), not the project's `to_latin`.

Each query is run twice: with the analyser's lexicon (search/lexicon/ka.txt, derived from
the whole dictionary, so it holds the test words too) and with
bench/search_recall_lexicon_without_test.txt, the same derivation without the test half's
words (`tools/derive_search_lexicon.py --leave-out-half test`): the second is what the
analyser does for words its lexicon does not hold, the fair figure for words the
dictionary lacks.

SQLite runs in a temporary file; PostgreSQL in ssa_search_recall_bench (created and
dropped; BENCH_POSTGRES_URL names the server, as for bench/search_latency.py), or in the
database a postgres:// DATABASE_URL names.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "search_recall_corpus.tsv"
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DB = "ssa_search_recall_bench"
if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    POSTGRES_SERVER, _slash, POSTGRES_DB = os.environ["DATABASE_URL"].rpartition("/")
LEXICON_WITHOUT_TEST = Path(__file__).resolve().parent / "search_recall_lexicon_without_test.txt"
LEXICONS = {"full": "full", "without-test": "without test words"}
FILLER_PER_PAGE = 12
QUERIES_PER_WORD = 4

# The bench's own reading of Georgian letters in Latin, with the spellings people use.
LOOSE_LATIN = {
    "ა": ["a"], "ბ": ["b"], "გ": ["g"], "დ": ["d"], "ე": ["e"], "ვ": ["v"], "ზ": ["z"],
    "თ": ["t", "T"], "ი": ["i"], "კ": ["k"], "ლ": ["l"], "მ": ["m"], "ნ": ["n"], "ო": ["o"],
    "პ": ["p"], "ჟ": ["zh", "J"], "რ": ["r"], "ს": ["s"], "ტ": ["t"], "უ": ["u"],
    "ფ": ["p", "f"], "ქ": ["k", "q"], "ღ": ["gh", "R"], "ყ": ["q", "y"], "შ": ["sh", "S"],
    "ჩ": ["ch", "C"], "ც": ["c", "ts", "tz"], "ძ": ["dz", "Z"], "წ": ["w", "ts"],
    "ჭ": ["ch", "W"], "ხ": ["x", "kh"], "ჯ": ["j"], "ჰ": ["h"],
}  # fmt: skip


def loose_latin(word: str, rng: random.Random) -> str:
    return "".join(rng.choice(LOOSE_LATIN.get(letter, [letter])) for letter in word)


def read_corpus():
    words, filler = [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        lemma, category, half, forms = line.split("\t")
        if lemma == "filler":
            filler = forms.split()
        else:
            words.append((lemma, category, half, forms.split()))
    return words, filler


# The parent: one worker per database, then the table. ---------------------------------


def _postgres_admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _run_worker(database: str, args) -> dict:
    workdir = tempfile.mkdtemp(prefix="ssa-recall-bench-")
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
    try:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--worker",
                "--lexicons",
                args.lexicons,
                *(["--show-misses"] if args.show_misses else []),
                *(["--no-stock"] if args.no_stock else []),
            ],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"{database} worker failed (its error is above)")
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if database == "postgresql":
            _postgres_admin(f"DROP DATABASE IF EXISTS {POSTGRES_DB}")


def main(args) -> None:
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    results = {database: _run_worker(database, args) for database in args.databases.split(",")}
    kinds = ["georgian", "latin"]
    categories = ["all", "regular", "vowel_loss", "lookalike"]
    print("recall@10 (hits / queries); stock = Wagtail's own search of the same pages;")
    print("ours with the full lexicon, and with the lexicon derived without the test words")
    print(
        f"{'database':<11}{'half':<6}{'kind':<10}{'category':<12}{'stock':>16}"
        f"{'ours, full':>18}{'ours, w/o test':>18}"
    )
    for database, figures in results.items():
        for half in ("dev", "test"):
            for kind in kinds:
                for category in categories:
                    key = f"{half}/{kind}/{category}"
                    cells = [figures["stock"].get(key)]
                    cells += [figures["ours"].get(lexicon, {}).get(key) for lexicon in LEXICONS]
                    if not any(cells):
                        continue
                    print(
                        f"{database:<11}{half:<6}{kind:<10}{category:<12}"
                        + "".join(
                            f"{cell[0] / cell[1]:>8.3f} {cell[0]:>4}/{cell[1]:<4}"
                            if cell
                            else f"{'-':>18}"
                            for cell in cells
                        )
                    )
        print(f"  {database}: {figures['pages']} pages, {figures['seconds']:.0f} s")
    print(f"wall time {time.perf_counter() - started:.0f} s")


# The worker. --------------------------------------------------------------------------


def worker(args) -> None:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models.signals import post_save
    from modelsearch.backends import database as wagtail_database
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend
    from wagtail.search.signal_handlers import post_save_signal_handler

    from bench.search_latency import _install_fts5_table
    from cms.models import ContentPage
    from search import analysis
    from search.database_tuning import (
        create_postgres_page_check_index,
        create_postgres_title_body_index,
        store_postgres_vectors_in_row,
    )
    from search.service import search_site
    from tests.utils import make_site_tree

    began = time.perf_counter()
    call_command("migrate", run_syncdb=True, verbosity=0)
    _install_fts5_table()
    create_postgres_title_body_index(connection)
    store_postgres_vectors_in_row(connection)
    create_postgres_page_check_index(connection)
    home = make_site_tree()["ka"]
    post_save.disconnect(post_save_signal_handler, sender=ContentPage)

    words, filler = read_corpus()
    rng = random.Random(2026)
    page_of, shown_of, queries = {}, {}, []
    pages = []
    for number, (lemma, category, half, forms) in enumerate(words):
        shown = rng.choice(forms)
        others = [form for form in forms if form != shown]
        text = rng.sample(filler, FILLER_PER_PAGE)
        text.insert(rng.randrange(len(text)), shown)
        title = " ".join(rng.sample(filler, 3))
        page = ContentPage(title=title, slug=f"w{number}", intro=" ".join(text), live=True)
        home.add_child(instance=page)
        pages.append(page)
        page_of[lemma], shown_of[lemma] = page.pk, shown
        for form in rng.sample(others, min(QUERIES_PER_WORD, len(others))):
            queries.append((lemma, category, half, "georgian", form))
        if others:
            form = rng.choice(others)
            queries.append((lemma, category, half, "latin", loose_latin(form, rng)))
    stock_backend = wagtail_database.SearchBackend({})
    public = Page.objects.live().public().filter(locale=home.locale)
    chosen = args.lexicons.split(",")
    ours, stock = {lexicon: {} for lexicon in chosen}, {}

    def count(table, keys, hit):
        for key in keys:
            hits, total = table.get(key, (0, 0))
            table[key] = (hits + int(hit), total + 1)

    full_lexicon = analysis.LEXICON
    for lexicon in chosen:
        if lexicon == "full":
            analysis.use_lexicon(full_lexicon)
        else:
            analysis.use_lexicon(analysis.Lexicon.read(LEXICON_WITHOUT_TEST))
        # The pages' index terms are the analyser's: indexed again with each lexicon.
        get_search_backend().add_bulk(ContentPage, pages)
        for lemma, category, half, kind, text in queries:
            wanted = page_of[lemma]
            keys = [f"{half}/{kind}/all", f"{half}/{kind}/{category}"]
            found = [r.page.pk for r in search_site(text, "ka", log=False).results if r.page]
            hit = wanted in found[:10]
            count(ours[lexicon], keys, hit)
            if args.show_misses and not hit and half == "dev":
                print(f"miss ({lexicon}): {text} → {shown_of[lemma]}", file=sys.stderr)
            if lexicon == chosen[0] and not args.no_stock:
                stock_found = [page.pk for page in stock_backend.search(text, public)[:10]]
                count(stock, keys, wanted in stock_found)
    result = {
        "ours": ours,
        "stock": stock,
        "pages": len(pages),
        "seconds": time.perf_counter() - began,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--show-misses",
        action="store_true",
        help="print the development half's misses (never the test half's) on stderr",
    )
    parser.add_argument(
        "--lexicons",
        default=",".join(LEXICONS),
        help="the lexicons to search with: full, without-test (comma-separated)",
    )
    parser.add_argument(
        "--no-stock",
        action="store_true",
        help="leave Wagtail's own search out (half the queries, for a second run beside one)",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    worker(arguments) if arguments.worker else main(arguments)
