"""Analytics benchmark: what capture costs a request, and how fast the buffer flushes.

    nice -n 10 .venv/bin/python bench/analytics_capture.py [--requests 5000]
    nice -n 10 .venv/bin/python bench/analytics_capture.py \
        --database postgres://postgres@127.0.0.1:5432/ssa_analytics_bench   # flush by COPY

Runs on a throwaway SQLite file in a temporary directory, or in a throwaway schema of the
given PostgreSQL database (created when missing); either holds only the analytics tables
and is removed afterwards. Every figure is printed beside its baseline from the same run. Report
times (rollups against raw events, up to 10 million views) are in analytics_reports.py.
"""

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--database", help="a postgres:// URL; SQLite when absent")
    return parser.parse_args()


OPTIONS = parse_options()
WORKDIR = tempfile.mkdtemp(prefix="ssa-analytics-bench-")
SCHEMA = f"analytics_capture_bench_{os.getpid()}"
os.environ["DATABASE_URL"] = OPTIONS.database or f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ssa.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402

from analytics import buffer  # noqa: E402
from analytics.middleware import AnalyticsMiddleware  # noqa: E402
from analytics.models import DailyRollup, DailySalt, PageView  # noqa: E402
from analytics.rollups import search_log_model  # noqa: E402
from bench.postgres_database import ensure_postgres_database  # noqa: E402

AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{v} like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-A{v}) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0",
]
PAGE = "<!doctype html><html><body>" + "<p>სოციალური მომსახურება</p>" * 400 + "</body></html>"


def create_tables():
    if connection.vendor == "postgresql":
        ensure_postgres_database(connection)
        connection.settings_dict["OPTIONS"]["options"] = f"-c search_path={SCHEMA}"
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        # search_path was fixed when connecting, before the schema existed; reconnect.
        connection.close()
    with connection.schema_editor() as editor:
        for model in (PageView, DailySalt, DailyRollup, search_log_model()):
            if model is not None:
                editor.create_model(model)


def drop_tables():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA {SCHEMA} CASCADE")
    connection.close()
    for path in Path(WORKDIR).iterdir():
        path.unlink()
    os.rmdir(WORKDIR)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


# Thread CPU time, not wall time: on a shared machine, wall-clock samples mostly measure
# when the scheduler ran other processes; CPU time measures what the request itself did.
clock = time.thread_time_ns


def bench_capture(requests):
    # The test settings switch capture off for the rest of the suite: on, or nothing is timed.
    settings.ANALYTICS_CAPTURE = True
    settings.ANALYTICS_BUFFER = "memory"
    settings.ANALYTICS_FLUSH_ROWS = 10**9
    settings.ANALYTICS_FLUSH_SECONDS = 10**9

    def view(request):
        return HttpResponse(PAGE, content_type="text/html; charset=utf-8")

    with_capture = AnalyticsMiddleware(view)
    factory = RequestFactory()
    agents = [agent.format(v=v) for agent in AGENTS for v in range(100, 140)]
    made = [
        factory.get(
            f"/ka/services/page-{i % 50}/",
            {"utm_source": "news"} if i % 7 == 0 else {},
            HTTP_USER_AGENT=agents[i % len(agents)],
            HTTP_REFERER="https://www.google.com/" if i % 3 == 0 else "",
            REMOTE_ADDR=f"10.0.{i % 200}.{i % 250}",
        )
        for i in range(requests)
    ]
    with_capture(made[0])  # the day's salt: one query per process per day, not per request
    plain, captured = [], []
    gc.collect()
    gc.disable()  # a collection landing inside one sample would be noise, not capture cost
    for request in made:  # interleaved, so both see the same machine load
        start = clock()
        view(request)
        plain.append(clock() - start)
        start = clock()
        with_capture(request)
        captured.append(clock() - start)
    gc.enable()
    buffered = len(buffer.get_buffer()) - 1  # the warm-up request's view
    buffer.discard_all()
    assert buffered == requests, f"{buffered} of {requests} requests captured"
    ms = 1e6
    print(
        f"Capture, {requests} requests of a 20 KB page ({len(agents)} distinct agents), "
        "thread CPU time per request:"
    )
    print(
        f"  without capture: median {statistics.median(plain) / ms:.4f} ms, "
        f"p99 {percentile(plain, 0.99) / ms:.4f} ms"
    )
    print(
        f"  with capture:    median {statistics.median(captured) / ms:.4f} ms, "
        f"p99 {percentile(captured, 0.99) / ms:.4f} ms"
    )
    added = [c - p for c, p in zip(captured, plain, strict=True)]
    print(
        f"  added by capture: median {statistics.median(added) / ms:.4f} ms, "
        f"p99 {percentile(added, 0.99) / ms:.4f} ms (goal: median < 0.2 ms); "
        f"{buffered} views buffered"
    )


def bench_flush(rows_count=20_000):
    rows = []
    now = timezone.now()
    for i in range(rows_count):
        rows.append(
            {
                "viewed_at": now,
                "date": timezone.localdate(now),
                "path": f"/ka/p{i % 300}/",
                "locale": "ka",
                "section": "p",
                "status": 200,
                "is_entry": i % 3 == 0,
                "referrer_host": "",
                "referrer_path": "",
                "query": "",
                "utm_source": "",
                "utm_medium": "",
                "utm_campaign": "",
                "device_class": "mobile",
                "browser_family": "Chrome Mobile",
                "os_family": "Android",
                "visitor_hash": f"{i % 9000:032x}",
                "site_id": None,
                "page_id": None,
            }
        )
    memory = buffer.MemoryBuffer()
    start = time.perf_counter()
    for row in rows:
        memory.add(row)
    buffered = time.perf_counter() - start
    start, cpu_start = time.perf_counter(), time.thread_time()
    written = memory.flush()
    flushed, flushed_cpu = time.perf_counter() - start, time.thread_time() - cpu_start
    engine = "PostgreSQL, COPY" if connection.vendor == "postgresql" else "SQLite, executemany"
    print(
        f"Flush ({engine}): {written} rows in {flushed:.2f} s wall = "
        f"{written / flushed:,.0f} rows/s "
        f"({written / flushed_cpu:,.0f} rows per CPU-second of this process); "
        f"buffering them: {rows_count / buffered:,.0f} rows/s"
    )
    PageView.objects.all().delete()


def main():
    create_tables()
    try:
        bench_capture(OPTIONS.requests)
        bench_flush()
    finally:
        drop_tables()


if __name__ == "__main__":
    main()
