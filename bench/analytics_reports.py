"""Analytics benchmark: report time from the daily rollups beside the same report computed
from the raw page views, over a generated data set (the issue's goal: under 200 ms from
rollups at 10 million views).

    nice -n 10 .venv/bin/python bench/analytics_reports.py                   # 500,000 views, SQLite
    nice -n 10 .venv/bin/python bench/analytics_reports.py --views 10000000  # the issue's size
    nice -n 10 .venv/bin/python bench/analytics_reports.py --views 10000000 \\
        --database postgres://postgres@127.0.0.1:5432/ssa_analytics

SQLite runs on a throwaway file in a temporary directory; PostgreSQL in a throwaway schema of
the given database (created when missing); both are removed afterwards. The raw views are
written with executemany (SQLite, journal and sync off) or COPY (PostgreSQL), a day at a
time as they would arrive; the rollups are built with the project's own
analytics.rollups.build_rollups, one day per call as the hourly cron does; the reports run
the project's own queries (analytics.queries), which the admin views call.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLUMNS = (
    "viewed_at", "date", "site_id", "page_id", "path", "query", "section", "locale", "status",
    "is_entry", "referrer_host", "referrer_path", "utm_source", "utm_medium", "utm_campaign",
    "device_class", "browser_family", "os_family", "visitor_hash",
)  # fmt: skip
DEVICES = [("desktop", "Chrome", "Windows"), ("mobile", "Chrome Mobile", "Android"),
           ("mobile", "Mobile Safari", "iOS"), ("desktop", "Firefox", "Linux"),
           ("tablet", "Safari", "iOS"), ("desktop", "Edge", "Windows")]  # fmt: skip
DEVICE_WEIGHTS = [30, 35, 20, 5, 5, 5]
REFERRERS = ["", "www.google.com", "www.facebook.com", "my.gov.ge", "moh.gov.ge", "t.co"]
REFERRER_WEIGHTS = [55, 25, 12, 4, 3, 1]
CAMPAIGNS = [("", "", ""), ("facebook", "social", "pension-2026"), ("sms", "sms", "idp-aid")]
CAMPAIGN_WEIGHTS = [95, 4, 1]
SECTIONS = ["services", "news", "programmes", "about", "contact", "documents", "faq"]
VIEWS_PER_VISITOR = 3
CHUNK = 50_000
RUNS = 5


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--views", type=int, default=500_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--pages", type=int, default=3000, help="distinct pages (Zipf-like)")
    parser.add_argument("--database", help="a postgres:// URL; SQLite when absent")
    return parser.parse_args()


OPTIONS = parse_options()
WORKDIR = tempfile.mkdtemp(prefix="ssa-analytics-reports-")
SCHEMA = f"analytics_bench_{os.getpid()}"
os.environ["DATABASE_URL"] = OPTIONS.database or f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from analytics.daterange import DateRange  # noqa: E402
from analytics.models import DailyRollup, DailySalt, Dimension, PageView  # noqa: E402
from analytics.queries import daily_totals, dimension_totals  # noqa: E402
from analytics.rollups import build_rollups, search_log_model  # noqa: E402
from analytics.views import GroupCountPaginator  # noqa: E402

POSTGRES = connection.vendor == "postgresql"


def prepare_database():
    if POSTGRES:
        _ensure_postgres_database()
        # Every connection of this run sees the throwaway schema only.
        connection.settings_dict["OPTIONS"]["options"] = f"-c search_path={SCHEMA}"
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        # search_path was fixed when connecting, before the schema existed; reconnect.
        connection.close()
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
    assert set(COLUMNS) == {f.attname for f in PageView._meta.concrete_fields if not f.primary_key}
    with connection.schema_editor() as editor:
        for model in (PageView, DailySalt, DailyRollup, search_log_model()):
            if model is not None:
                editor.create_model(model)


def _ensure_postgres_database():
    import psycopg

    settings_dict = connection.settings_dict
    params = {
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [settings_dict["NAME"]]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')


def cleanup():
    if POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA {SCHEMA} CASCADE")
    connection.close()
    for path in Path(WORKDIR).iterdir():
        path.unlink()
    os.rmdir(WORKDIR)


class Site:
    """A site of `pages` pages whose popularity falls off like 1/rank (Zipf), as public
    sites' traffic does: a few pages take most views, the long tail matters to the count."""

    def __init__(self, pages, seed=1):
        self.rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
        self.pages = []
        for number in range(1, pages + 1):
            locale = "en" if number % 5 == 0 else "ka"
            section = SECTIONS[number % len(SECTIONS)]
            self.pages.append((number, f"/{locale}/{section}/page-{number}/", section, locale))
        weights = [1 / rank for rank in range(1, pages + 1)]
        self.cumulative = list(_accumulate(weights))

    def day_rows(self, day, count):
        """`count` raw rows of `day`, in chunks, as tuples in COLUMNS order."""
        rng = self.rng
        visitors = [
            f"{day.toordinal():08x}{n:024x}" for n in range(max(count // VIEWS_PER_VISITOR, 1))
        ]
        tz = timezone.get_current_timezone()
        hours = [
            _timestamp(datetime.datetime.combine(day, datetime.time(hour, 17), tzinfo=tz))
            for hour in range(24)
        ]
        date_value = day if POSTGRES else day.isoformat()
        for first in range(0, count, CHUNK):
            size = min(CHUNK, count - first)
            pages = rng.choices(self.pages, cum_weights=self.cumulative, k=size)
            devices = rng.choices(DEVICES, weights=DEVICE_WEIGHTS, k=size)
            referrers = rng.choices(REFERRERS, weights=REFERRER_WEIGHTS, k=size)
            campaigns = rng.choices(CAMPAIGNS, weights=CAMPAIGN_WEIGHTS, k=size)
            moments = rng.choices(hours, k=size)
            hashes = rng.choices(visitors, k=size)
            draws = [rng.random() for _ in range(size)]
            rows = []
            for page, device, referrer, campaign, moment, visitor, draw in zip(
                pages, devices, referrers, campaigns, moments, hashes, draws, strict=True
            ):
                page_id, path, section, locale = page
                status = 200
                if draw < 0.03:  # a broken link: no page behind it
                    status, path, page_id = 404, f"/{locale}/old-{int(draw * 10000)}/", None
                rows.append(
                    (moment, date_value, 1, page_id, path, "", section, locale, status,
                     bool(referrer) or draw > 0.7, referrer, "", *campaign, *device,
                     visitor if draw < 0.985 else None)
                )  # fmt: skip
            yield rows


def _accumulate(values):
    total = 0.0
    for value in values:
        total += value
        yield total


def _timestamp(moment):
    if POSTGRES:
        return moment
    return connection.ops.adapt_datetimefield_value(moment)


def insert_day(rows_chunks):
    table = connection.ops.quote_name(PageView._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in COLUMNS)
    with transaction.atomic(), connection.cursor() as cursor:
        for rows in rows_chunks:
            if POSTGRES:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                placeholders = ", ".join("?" * len(COLUMNS))
                sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
                cursor.connection.executemany(sql, rows)


def analyse():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(query):
    """Median and maximum of RUNS runs after a warm-up run, in ms; and the last result."""
    query()
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = query()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), max(timings), result


def report_queries(period):
    previous = period.previous()
    raw = PageView.objects.filter(status=200)
    top_group = ("key", "page_id")

    def top_pages_rollups():
        # What the Top pages view runs: its paginator's first page of 50 rows and the count.
        rows = dimension_totals(Dimension.PAGE, period, top_group, with_group_count=True)
        paginator = GroupCountPaginator(rows.order_by("-views", *top_group), 50)
        page = paginator.get_page(1)
        return paginator.count, list(page)

    def top_pages_raw():
        rows = (
            raw.filter(date__range=(period.start, period.end))
            .values("path", "page_id")
            .annotate(views=Count("id"), visitors=Count("visitor_hash", distinct=True))
            .order_by()
        )
        return rows.count(), list(rows.order_by("-views", "path", "page_id")[:50])

    def overview_rollups():
        # What the overview runs: daily totals of the period and of the one before.
        return daily_totals(period), daily_totals(previous)

    def overview_raw():
        def per_day(date_range):
            return list(
                raw.filter(date__range=(date_range.start, date_range.end))
                .values("date")
                .annotate(views=Count("id"), visitors=Count("visitor_hash", distinct=True))
                .order_by("date")
            )

        return per_day(period), per_day(previous)

    return [
        ("top pages", top_pages_raw, top_pages_rollups),
        ("overview", overview_raw, overview_rollups),
    ]


def main():
    options = OPTIONS
    prepare_database()
    try:
        end = timezone.localdate()
        period = DateRange(end - datetime.timedelta(days=options.days - 1), end)
        site = Site(options.pages)
        per_day, extra = divmod(options.views, options.days)
        engine = "PostgreSQL (COPY)" if POSTGRES else "SQLite (executemany)"
        print(
            f"{options.views:,} generated page views over {options.days} days, "
            f"{options.pages:,} pages, {engine}"
        )
        start = time.perf_counter()
        for index, day in enumerate(period.dates()):
            insert_day(site.day_rows(day, per_day + (1 if index < extra else 0)))
        inserted = time.perf_counter() - start
        print(f"  raw views written in {inserted:.0f} s ({options.views / inserted:,.0f} rows/s)")
        start = time.perf_counter()
        rollup_rows = sum(build_rollups(day, day) for day in period.dates())
        built = time.perf_counter() - start
        print(
            f"  rollups built day by day with build_rollups: {built:.0f} s "
            f"({built / options.days:.1f} s per day), {rollup_rows:,} rollup rows"
        )
        analyse()
        print(f"  median (max) of {RUNS} runs after a warm-up, period = the {options.days} days:")
        for label, from_raw, from_rollups in report_queries(period):
            raw_median, raw_max, raw_result = timed(from_raw)
            roll_median, roll_max, roll_result = timed(from_rollups)
            if label == "overview":
                views = sum(day["views"] for day in roll_result[0])
                assert views == sum(day["views"] for day in raw_result[0]), "rollups ≠ raw"
            print(
                f"    {label:<10} raw events {raw_median:9.1f} ms ({raw_max:.1f})   "
                f"rollups {roll_median:7.1f} ms ({roll_max:.1f})   "
                f"{raw_median / roll_median:,.0f}× faster; goal < 200 ms: "
                f"{'met' if roll_median < 200 else 'NOT met'}"
            )
    finally:
        cleanup()


if __name__ == "__main__":
    main()
