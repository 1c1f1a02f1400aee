"""Analytics benchmark: every admin report's time from the daily rollups beside the same
report computed from the raw page views, over a generated data set (the issue's goal: under
200 ms from rollups at 10 million views).

    nice -n 10 .venv/bin/python bench/analytics_reports.py                   # 500,000 views, SQLite
    nice -n 10 .venv/bin/python bench/analytics_reports.py --views 10000000  # the issue's size
    nice -n 10 .venv/bin/python bench/analytics_reports.py --views 10000000 \\
        --database postgres://postgres@127.0.0.1:5432/ssa_analytics_bench

SQLite runs on a throwaway file in a temporary directory; PostgreSQL in a throwaway schema of
the given database (created when missing); both are removed afterwards unless --keep is
given. --reuse SCHEMA_OR_FILE times the reports again on a kept data set (generating 10
million views and their rollups takes about half an hour on two shared cores); --explain
prints the plan of every report's query (EXPLAIN ANALYZE, BUFFERS on PostgreSQL).

The raw views (and the site-search log) are generated inside the database, a day per
INSERT … SELECT, from lookup tables of weighted "tickets": pages popular like 1/rank (Zipf),
devices, referrers and campaigns in realistic shares, about 3 views per visitor, 3 % 404s.
The rollups are then built with the project's own analytics.rollups.build_rollups, one day
per call as the hourly cron does. PostgreSQL then gets VACUUM ANALYZE, SQLite ANALYZE: what
autovacuum does in production after a bulk insert (it sets the visibility map that lets the
reports read the covering index alone). Each report runs the project's own query
(analytics.queries through the view's GroupCountPaginator: page 1 of 50 rows and the count).
The raw-event computation of the same report (one aggregate query with the group count) is
timed --raw-runs times without warm-up, as it takes seconds to minutes a run. On SQLite the
report's CPU time is printed too: the database works inside this process, and on a busy
machine wall time is mostly the wait for a core.
"""

import argparse
import datetime
import os
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
# (value…, weight in percent)
DEVICES = [("desktop", "Chrome", "Windows", 30), ("mobile", "Chrome Mobile", "Android", 35),
           ("mobile", "Mobile Safari", "iOS", 20), ("desktop", "Firefox", "Linux", 5),
           ("tablet", "Safari", "iOS", 5), ("desktop", "Edge", "Windows", 5)]  # fmt: skip
REFERRERS = [("", 55), ("www.google.com", 25), ("www.facebook.com", 12), ("my.gov.ge", 4),
             ("moh.gov.ge", 3), ("t.co", 1)]  # fmt: skip
CAMPAIGNS = [("", "", "", 95), ("facebook", "social", "pension-2026", 4),
             ("sms", "sms", "idp-aid", 1)]  # fmt: skip
SECTIONS = ["services", "news", "programmes", "about", "contact", "documents", "faq"]
SEARCH_WORDS = ["პენსია", "დახმარება", "სოციალური", "ვაუჩერი", "დევნილი", "pension", "benefit",
                "შეზღუდული შესაძლებლობა", "idp", "application", "ოფისი", "ცხელი ხაზი"]  # fmt: skip
SEARCH_TERMS = 2000
VIEWS_PER_VISITOR = 3
VIEWS_PER_SEARCH = 25
PAGE_TICKETS = 200_000
NOT_FOUND_SHARE = 30_000  # of a million: 3 % of views are 404s
ENTRY_DRAW = 700_000  # views without a referrer are entries 30 % of the time
NO_VISITOR_DRAW = 985_000  # 1.5 % DNT / GPC: a view without a visitor hash
RUNS = 5


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--views", type=int, default=500_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--pages", type=int, default=3000, help="distinct pages (Zipf-like)")
    parser.add_argument("--database", help="a postgres:// URL; SQLite when absent")
    parser.add_argument(
        "--raw-runs", type=int, default=1, help="runs of each raw-event computation (0: none)"
    )
    parser.add_argument(
        "--explain", action="store_true", help="print the plan of each report's query"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the data set (and print where it is)"
    )
    parser.add_argument(
        "--reuse",
        metavar="SCHEMA_OR_FILE",
        help="time the reports on a data set kept by --keep (its rollup indexes are rebuilt "
        "from the current model first)",
    )
    return parser.parse_args()


OPTIONS = parse_options()
WORKDIR = tempfile.mkdtemp(prefix="ssa-analytics-reports-")
SCHEMA = OPTIONS.reuse if OPTIONS.reuse and OPTIONS.database else f"analytics_bench_{os.getpid()}"
SQLITE_FILE = OPTIONS.reuse if OPTIONS.reuse and not OPTIONS.database else f"{WORKDIR}/bench.db"
os.environ["DATABASE_URL"] = OPTIONS.database or f"sqlite:///{SQLITE_FILE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ssa.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Q, Sum, Window  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from analytics.daterange import DateRange  # noqa: E402
from analytics.models import DailyRollup, DailySalt, Dimension, PageView  # noqa: E402
from analytics.queries import GROUP_COUNT, daily_totals, dimension_totals  # noqa: E402
from analytics.rollups import VIEW_DIMENSIONS, build_rollups, search_log_model  # noqa: E402
from analytics.views import REPORTS, GroupCountPaginator  # noqa: E402
from bench.postgres_database import ensure_postgres_database  # noqa: E402

POSTGRES = connection.vendor == "postgresql"
SearchLog = search_log_model()


def prepare_database():
    if POSTGRES:
        ensure_postgres_database(connection)
        # Every connection of this run sees the throwaway schema only.
        connection.settings_dict["OPTIONS"]["options"] = f"-c search_path={SCHEMA}"
        connection.close()
        if OPTIONS.reuse:
            return
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        # search_path was fixed when connecting, before the schema existed; reconnect.
        connection.close()
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
        if OPTIONS.reuse:
            return
    assert set(COLUMNS) == {f.attname for f in PageView._meta.concrete_fields if not f.primary_key}
    with connection.schema_editor() as editor:
        for model in (PageView, DailySalt, DailyRollup, SearchLog):
            if model is not None:
                editor.create_model(model)


def sync_rollup_indexes():
    """Drop the kept rollup table's indexes and create the current model's (--reuse)."""
    table = DailyRollup._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    with connection.schema_editor() as editor:
        for name, constraint in constraints.items():
            if constraint["index"] and not constraint["primary_key"] and not constraint["unique"]:
                editor.execute(editor._delete_index_sql(DailyRollup, name))
        for statement in editor._model_indexes_sql(DailyRollup):
            editor.execute(statement)


def cleanup():
    if OPTIONS.keep or OPTIONS.reuse:
        print(f"  data set kept: --reuse {SCHEMA if POSTGRES else SQLITE_FILE}")
    elif POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA {SCHEMA} CASCADE")
    connection.close()
    if not OPTIONS.keep:
        for path in Path(WORKDIR).iterdir():
            path.unlink()
        os.rmdir(WORKDIR)


# --- Generating the data set inside the database -------------------------------------------


def random_below(limit):
    """SQL for a random integer in [0, limit), drawn per row."""
    if POSTGRES:
        return f"CAST(floor(random() * {int(limit)}) AS INTEGER)"
    return f"abs(random() % {int(limit)})"


def numbers(count):
    """SQL of a CTE `numbers(i)` holding 1…count."""
    if POSTGRES:
        return f"numbers(i) AS (SELECT generate_series(1, {int(count)}))"
    return f"numbers(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM numbers WHERE i < {int(count)})"


def ticket_table(cursor, name, columns, weighted_rows, tickets):
    """A lookup table where each row owns a share of `tickets` numbered tickets proportional
    to its weight (at least one): joining a random ticket draws a row with that weight."""
    cursor.execute(
        f"CREATE TABLE {name} (ticket INTEGER PRIMARY KEY, "
        + ", ".join(f"{column} {kind}" for column, kind in columns)
        + ")"
    )
    total = sum(row[-1] for row in weighted_rows)
    rows, ticket = [], 0
    for *values, weight in weighted_rows:
        for _ in range(max(1, round(tickets * weight / total))):
            rows.append((ticket, *values))
            ticket += 1
    placeholders = ", ".join(["%s"] * (len(columns) + 1))
    cursor.executemany(f"INSERT INTO {name} VALUES ({placeholders})", rows)  # noqa: S608
    return ticket


def create_lookup_tables(cursor, options, period):
    pages = []
    for rank in range(1, options.pages + 1):
        locale = "en" if rank % 5 == 0 else "ka"
        section = SECTIONS[rank % len(SECTIONS)]
        pages.append((rank, f"/{locale}/{section}/page-{rank}/", section, locale, 1 / rank))
    text = "VARCHAR(500)"
    tickets = {
        "page": ticket_table(
            cursor, "bench_page",
            [("page_id", "INTEGER"), ("path", text), ("section", text), ("locale", text)],
            pages, PAGE_TICKETS,
        ),
        "device": ticket_table(
            cursor, "bench_device",
            [("device_class", text), ("browser_family", text), ("os_family", text)],
            DEVICES, 100,
        ),
        "referrer": ticket_table(cursor, "bench_referrer", [("host", text)], REFERRERS, 100),
        "campaign": ticket_table(
            cursor, "bench_campaign", [("source", text), ("medium", text), ("campaign", text)],
            CAMPAIGNS, 100,
        ),
    }  # fmt: skip
    terms = []
    for rank in range(1, SEARCH_TERMS + 1):
        word = SEARCH_WORDS[rank % len(SEARCH_WORDS)]
        query = word if rank <= len(SEARCH_WORDS) else f"{word} {rank}"
        # The long tail finds nothing a third of the time.
        results = 0 if rank > 200 and rank % 3 == 0 else rank % 40 + 1
        terms.append((query, "en" if word.isascii() else "ka", results, 1 / rank))
    tickets["term"] = ticket_table(
        cursor, "bench_term",
        [("query", text), ("locale", text), ("result_count", "INTEGER")], terms, PAGE_TICKETS,
    )  # fmt: skip
    # The 24 moments of each day (17 minutes past each hour) as the column stores them.
    cursor.execute("CREATE TABLE bench_moment (day_number INTEGER, hour INTEGER, moment TEXT)")
    tz = timezone.get_current_timezone()
    moments = []
    for number, day in enumerate(period.dates()):
        for hour in range(24):
            moment = datetime.datetime.combine(day, datetime.time(hour, 17), tzinfo=tz)
            moments.append((number, hour, _timestamp(moment)))
    cursor.executemany("INSERT INTO bench_moment VALUES (%s, %s, %s)", moments)
    return tickets


def _timestamp(moment):
    if POSTGRES:
        return moment.isoformat()
    return connection.ops.adapt_datetimefield_value(moment)


def insert_day_views(cursor, tickets, number, day, count):
    """`count` page views of `day` in one INSERT … SELECT."""
    table = connection.ops.quote_name(PageView._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in COLUMNS)
    visitors = max(count // VIEWS_PER_VISITOR, 1)
    moment = "CAST(m.moment AS TIMESTAMPTZ)" if POSTGRES else "m.moment"
    is_404 = f"d.draw < {NOT_FOUND_SHARE}"
    # MATERIALIZED: every random column is drawn once per row, however often it is used.
    sql = f"""
        WITH RECURSIVE {numbers(count)},
        draws AS MATERIALIZED (
            SELECT {random_below(tickets["page"])} AS page_ticket,
                   {random_below(tickets["device"])} AS device_ticket,
                   {random_below(tickets["referrer"])} AS referrer_ticket,
                   {random_below(tickets["campaign"])} AS campaign_ticket,
                   {random_below(24)} AS hour,
                   {random_below(1_000_000)} AS draw,
                   {random_below(visitors)} AS visitor
            FROM numbers
        )
        INSERT INTO {table} ({columns})
        SELECT {moment}, %s, 1,
               CASE WHEN {is_404} THEN NULL ELSE p.page_id END,
               CASE WHEN {is_404}
                    THEN '/' || p.locale || '/old-' || CAST(d.draw / 100 AS TEXT) || '/'
                    ELSE p.path END,
               '', p.section, p.locale,
               CASE WHEN {is_404} THEN 404 ELSE 200 END,
               (r.host <> '' OR d.draw > {ENTRY_DRAW}),
               r.host, '', c.source, c.medium, c.campaign,
               v.device_class, v.browser_family, v.os_family,
               CASE WHEN d.draw < {NO_VISITOR_DRAW}
                    THEN %s || CAST(d.visitor AS TEXT) END
        FROM draws d
        JOIN bench_page p ON p.ticket = d.page_ticket
        JOIN bench_device v ON v.ticket = d.device_ticket
        JOIN bench_referrer r ON r.ticket = d.referrer_ticket
        JOIN bench_campaign c ON c.ticket = d.campaign_ticket
        JOIN bench_moment m ON m.day_number = {int(number)} AND m.hour = d.hour
    """  # noqa: S608 - numbers and names from this script only
    day_value = day if POSTGRES else day.isoformat()
    cursor.execute(sql, [day_value, f"{day:%Y%m%d}-"])


def insert_day_searches(cursor, tickets, number, count):
    table = connection.ops.quote_name(SearchLog._meta.db_table)
    moment = "CAST(m.moment AS TIMESTAMPTZ)" if POSTGRES else "m.moment"
    sql = f"""
        WITH RECURSIVE {numbers(count)},
        draws AS MATERIALIZED (
            SELECT {random_below(tickets["term"])} AS term_ticket, {random_below(24)} AS hour
            FROM numbers
        )
        INSERT INTO {table} (query, locale, result_count, created_at)
        SELECT t.query, t.locale, t.result_count, {moment}
        FROM draws d
        JOIN bench_term t ON t.ticket = d.term_ticket
        JOIN bench_moment m ON m.day_number = {int(number)} AND m.hour = d.hour
    """  # noqa: S608 - numbers and names from this script only
    cursor.execute(sql)


def generate(options, period):
    per_day, extra = divmod(options.views, options.days)
    with transaction.atomic(), connection.cursor() as cursor:
        tickets = create_lookup_tables(cursor, options, period)
        for number, day in enumerate(period.dates()):
            count = per_day + (1 if number < extra else 0)
            insert_day_views(cursor, tickets, number, day, count)
            if SearchLog is not None:
                insert_day_searches(cursor, tickets, number, max(count // VIEWS_PER_SEARCH, 1))
        for name in ("page", "device", "referrer", "campaign", "term", "moment"):
            cursor.execute(f"DROP TABLE bench_{name}")


def vacuum_analyse():
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if POSTGRES else "ANALYZE")


# --- The reports ---------------------------------------------------------------------------


def timed(query, runs, warm_up=True):
    """Median and maximum wall time of `runs` runs in ms (after a warm-up run), the median
    CPU time of this process (SQLite works inside it: wall time minus CPU time is mostly
    waiting for a core on a shared machine), and the last result."""
    if warm_up:
        query()
    timings, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = query()
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
    return statistics.median(timings), max(timings), statistics.median(cpu), result


def first_page_from_rollups(report, period):
    """What the report's admin view runs: page 1 of 50 rows, the count from the same query."""

    def query():
        paginator = GroupCountPaginator(rollup_rows(report, period), 50)
        page = paginator.get_page(1)
        return paginator.count, [row["views"] for row in page]

    return query


def rollup_rows(report, period):
    group_by = report.view_class(detail_label=report.detail_label).group_by()
    rows = dimension_totals(report.dimension, period, group_by, with_group_count=True)
    return rows.order_by("-views", *group_by)


def explain(period):
    """The plan of every report's query on the rollups (--explain)."""
    options = {"analyze": True, "buffers": True} if POSTGRES else {}
    for report in REPORTS:
        with translation.override("en"):
            print(f"--- {report.page_title}")
        print(rollup_rows(report, period)[:51].explain(**options))
    # daily_totals' query, for the overview (one of its two) and for one page's panel.
    for label, filters in (
        ("overview", {"dimension": Dimension.TOTAL}),
        ("page panel", {"dimension": Dimension.PAGE, "page_id": 10}),
    ):
        print(f"--- {label}")
        per_day = (
            DailyRollup.objects.filter(date__range=(period.start, period.end), **filters)
            .values("date")
            .annotate(views=Sum("views"), visitors=Sum("visitors"))
            .order_by()
        )
        print(per_day.explain(**options))


def first_page_from_raw(report, period):
    """The same table computed from the raw events: one aggregate query, group count
    included (COUNT(*) OVER ()), visitors as distinct daily hashes."""
    if report.dimension in (Dimension.SEARCH_TERM, Dimension.ZERO_RESULT_SEARCH):
        rows = SearchLog.objects.filter(created_at__date__range=(period.start, period.end)).values(
            "query", "locale"
        )
        if report.dimension == Dimension.ZERO_RESULT_SEARCH:
            rows = rows.filter(result_count=0)
        rows = rows.annotate(views=Count("pk"))
        order = ("query", "locale")
    else:
        fields, condition = VIEW_DIMENSIONS[report.dimension]
        rows = (
            PageView.objects.filter(date__range=(period.start, period.end))
            .filter(condition)
            .values(*fields)
            .annotate(views=Count("id"), visitors=Count("visitor_hash", distinct=True))
        )
        order = fields
    rows = rows.annotate(**{GROUP_COUNT: Window(Count("*"))}).order_by("-views", *order)

    def query():
        page = list(rows[:50])
        return (page[0][GROUP_COUNT] if page else 0), [row["views"] for row in page]

    return query


def overview_from_rollups(period):
    # What the overview runs: daily totals of the period and of the one before.
    def query():
        current, previous = daily_totals(period), daily_totals(period.previous())
        return sum(day["views"] for day in current), sum(day["views"] for day in previous)

    return query


def overview_from_raw(period):
    def per_day(date_range):
        return list(
            PageView.objects.filter(date__range=(date_range.start, date_range.end), status=200)
            .values("date")
            .annotate(views=Count("id"), visitors=Count("visitor_hash", distinct=True))
            .order_by("date")
        )

    def query():
        current, previous = per_day(period), per_day(period.previous())
        return sum(day["views"] for day in current), sum(day["views"] for day in previous)

    return query


def page_panel_from_rollups(period, page_id):
    # The page editor's panel and the page's report: one page's daily totals.
    def query():
        return sum(day["views"] for day in daily_totals(period, Dimension.PAGE, page_id=page_id))

    return query


def page_panel_from_raw(period, page_id):
    def query():
        return PageView.objects.filter(
            Q(date__range=(period.start, period.end), status=200, page_id=page_id)
        ).count()

    return query


def reports(period):
    yield "overview", overview_from_raw(period), overview_from_rollups(period)
    for report in REPORTS:
        if report.dimension in (Dimension.SEARCH_TERM, Dimension.ZERO_RESULT_SEARCH) and (
            SearchLog is None
        ):
            continue
        with translation.override("en"):
            label = str(report.page_title)
        yield label, first_page_from_raw(report, period), first_page_from_rollups(report, period)
    # Page 10 of the Zipf tail: a page with a modest number of views.
    yield (
        "page panel (page 10)",
        page_panel_from_raw(period, 10),
        page_panel_from_rollups(period, 10),
    )


def build_data_set(options, period):
    start = time.perf_counter()
    generate(options, period)
    inserted = time.perf_counter() - start
    print(
        f"  raw views (and {options.views // VIEWS_PER_SEARCH:,} searches) generated in "
        f"{inserted:.0f} s ({options.views / inserted:,.0f} views/s, INSERT … SELECT)"
    )
    start = time.perf_counter()
    rollup_rows = sum(build_rollups(day, day) for day in period.dates())
    built = time.perf_counter() - start
    print(
        f"  rollups built day by day with build_rollups: {built:.0f} s "
        f"({built / options.days:.1f} s per day), {rollup_rows:,} rollup rows"
    )


def main():
    options = OPTIONS
    prepare_database()
    try:
        engine = "PostgreSQL" if POSTGRES else "SQLite"
        if options.reuse:
            # The kept data set's own period and size, whatever the options say.
            end = PageView.objects.latest("date").date
            views = PageView.objects.count()
        else:
            end, views = timezone.localdate(), options.views
        period = DateRange(end - datetime.timedelta(days=options.days - 1), end)
        print(
            f"{views:,} generated page views over {options.days} days, "
            f"{options.pages:,} pages, {engine}"
        )
        if options.reuse:
            sync_rollup_indexes()
            print(f"  reusing the kept data set {options.reuse}, rollup indexes rebuilt")
        else:
            build_data_set(options, period)
        start = time.perf_counter()
        vacuum_analyse()
        print(
            f"  {'VACUUM ANALYZE' if POSTGRES else 'ANALYZE'} (autovacuum's work in production): "
            f"{time.perf_counter() - start:.0f} s"
        )
        if options.explain:
            explain(period)
        print(
            f"  period = the {options.days} days; rollups: median (max) wall time of {RUNS} runs "
            f"after a warm-up{', median CPU time of this process' if not POSTGRES else ''}; "
            f"raw events: median (max) of {options.raw_runs} cold run(s), no warm-up"
        )
        failures = 0
        for label, from_raw, from_rollups in reports(period):
            roll_median, roll_max, roll_cpu, roll_result = timed(from_rollups, RUNS)
            met = roll_median < 200
            failures += not met
            line = f"    {label:<28} rollups {roll_median:7.1f} ms ({roll_max:6.1f})"
            if not POSTGRES:
                line += f" CPU {roll_cpu:6.1f} ms"
            if options.raw_runs:
                raw_median, raw_max, _, raw_result = timed(from_raw, options.raw_runs, False)
                assert roll_result == raw_result, f"{label}: rollups ≠ raw events"
                line += (
                    f"   raw events {raw_median:10.1f} ms ({raw_max:.1f})"
                    f"   {raw_median / roll_median:,.0f}× faster"
                )
            print(f"{line}   goal < 200 ms: {'met' if met else 'NOT met'}", flush=True)
        print(f"  {'every report meets' if not failures else f'{failures} miss'} the goal")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
