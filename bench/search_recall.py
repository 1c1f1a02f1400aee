"""Recall@10 of the Georgian-aware site search beside Wagtail's stock database backend,
on a generated Georgian corpus, and query latency at a larger size.

    .venv/bin/python bench/search_recall.py [--pages 200] [--queries 180] [--latency-pages 10000]

Latency is measured at the recall corpus's size unless --latency-pages asks for more
pages (building 10,000 pages takes minutes, beyond the default time budget).

Both searches run in this process on the same pages and the same SQLite FTS5 index: the
stock run first, with the analysed-terms field emptied (what Wagtail does out of the box),
then ours, after the index is filled again with the analysis.  Everything lives in an
in-memory database; nothing is left behind.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "ssa.settings.test"
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402
from wagtail.search.signal_handlers import post_save_signal_handler  # noqa: E402

from bench.search_corpus import FILLER, informal, lexicon  # noqa: E402
from cms.models import BasePage, ContentPage  # noqa: E402
from helpers.georgian import fold_mtavruli, to_latin  # noqa: E402


def build_corpus(parent, lemmas, count, rng):
    """Pages of 2-3 topic lemmas each, in random forms, among filler words."""
    names = sorted(lemmas)
    topics_of = {}
    pages = []
    for number in range(count):
        topics = rng.sample(names, 3 if number % 2 else 2)
        words = [rng.choice(lemmas[t]) for t in topics for _ in range(2)]
        words += rng.sample(FILLER, 8)
        rng.shuffle(words)
        title = f"{rng.choice(lemmas[topics[0]])} {rng.choice(FILLER)} {number}"
        page = ContentPage(title=title, slug=f"p{number}", intro=" ".join(words), live=True)
        parent.add_child(instance=page)
        pages.append(page)
        topics_of[page.pk] = set(topics)
    return pages, topics_of


def queries_for(lemmas, topics_of, rng, count):
    used = sorted({t for topics in topics_of.values() for t in topics})
    queries = []
    kinds = ["inflected", "mtavruli", "latin"]
    for index in range(count):
        lemma = used[index % len(used)]
        form = rng.choice(lemmas[lemma])
        kind = kinds[index % 3]
        if kind == "mtavruli":
            text = "".join(chr(ord(c) + 0x1C90 - 0x10D0) if "ა" <= c <= "ჰ" else c for c in form)
            assert fold_mtavruli(text) == form
        elif kind == "latin":
            text = to_latin(form) if index % 2 else informal(to_latin(form))
        else:
            text = form
        queries.append((kind, text, lemma))
    return queries


def recall_at_10(found_ids, relevant_ids):
    if not relevant_ids:
        return 1.0
    return len(set(found_ids[:10]) & relevant_ids) / min(len(relevant_ids), 10)


def stock_search(query, pages_qs):
    return [page.pk for page in get_search_backend().search(query, pages_qs)[:10]]


def our_search(query):
    from search.service import search_site

    return [result.page.pk for result in search_site(query, "ka", log=False).results]


def reindex(pages):
    backend = get_search_backend()
    for start in range(0, len(pages), 500):
        backend.add_bulk(ContentPage, pages[start : start + 500])


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(run, queries):
    times = []
    for _kind, text, _lemma in queries:
        started = time.perf_counter()
        run(text)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--queries", type=int, default=180)
    parser.add_argument("--latency-pages", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(2026)

    call_command("migrate", verbosity=0)
    from tests.utils import make_site_tree

    home = make_site_tree()["ka"]
    # Pages are indexed in bulk below; one by one would re-average title norms each time.
    post_save.disconnect(post_save_signal_handler, sender=ContentPage)
    lemmas = lexicon()
    pages, topics_of = build_corpus(home, lemmas, args.pages, rng)
    queries = queries_for(lemmas, topics_of, rng, args.queries)
    pages_qs = ContentPage.objects.live().filter(locale=home.locale)

    def relevant(lemma):
        return {pk for pk, topics in topics_of.items() if lemma in topics}

    analysed_terms = BasePage.search_analysed_terms
    BasePage.search_analysed_terms = lambda self: ""
    reindex(pages)
    stock = {kind: [] for kind in ("inflected", "mtavruli", "latin")}
    for kind, text, lemma in queries:
        stock[kind].append(recall_at_10(stock_search(text, pages_qs), relevant(lemma)))
    BasePage.search_analysed_terms = analysed_terms
    reindex(pages)
    ours = {kind: [] for kind in stock}
    for kind, text, lemma in queries:
        ours[kind].append(recall_at_10(our_search(text), relevant(lemma)))

    print(f"Georgian corpus: {len(pages)} pages, {len(queries)} queries, SQLite FTS5")
    print(f"{'recall@10':<12}{'stock Wagtail':>15}{'Georgian-aware':>16}")
    for kind in stock:
        print(
            f"{kind:<12}{statistics.mean(stock[kind]):>15.3f}{statistics.mean(ours[kind]):>16.3f}"
        )
    all_stock = [v for values in stock.values() for v in values]
    all_ours = [v for values in ours.values() for v in values]
    print(f"{'all':<12}{statistics.mean(all_stock):>15.3f}{statistics.mean(all_ours):>16.3f}")

    if args.latency_pages > len(pages):
        started = time.perf_counter()
        more, _ = build_corpus(home, lemmas, args.latency_pages - len(pages), rng)
        reindex(more)
        elapsed = time.perf_counter() - started
        print(
            f"\nbuilt and indexed {len(more)} more pages in {elapsed:.0f} s "
            f"({len(more) / elapsed:.0f} pages/s incl. page creation)"
        )
    total = ContentPage.objects.count()
    sample = queries[:90]
    stock_p50, stock_p95 = timed(lambda q: stock_search(q, pages_qs), sample)
    ours_p50, ours_p95 = timed(our_search, sample)
    print(f"latency at {total} pages ({len(sample)} queries), ms")
    print(f"{'':<12}{'stock Wagtail':>15}{'Georgian-aware':>16}")
    print(f"{'p50':<12}{stock_p50:>15.1f}{ours_p50:>16.1f}")
    print(f"{'p95':<12}{stock_p95:>15.1f}{ours_p95:>16.1f}")
    print(f"ratio p95 ours/stock: {ours_p95 / stock_p95:.2f}")
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


if __name__ == "__main__":
    main()
