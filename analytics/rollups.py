"""Daily aggregates of the raw page views (and of the site-search log), which the reports
read; and the retention purge of raw views, which leaves the aggregates in place.

Visitors in a rollup are distinct daily visitor hashes. Hashes change every day by design,
so visitors over a period are the sum of daily visitors, the same figure the rollups give.
"""

import datetime
from collections import Counter

from django.apps import apps
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from analytics.models import DailyRollup, Dimension, GoalEvent, PageView
from analytics.salts import delete_expired_salts
from helpers.personal_data import contains_personal_data, scrub

# dimension: (grouping fields, filter); the first field is the key.
VIEW_DIMENSIONS = {
    Dimension.TOTAL: ((), Q(status=200)),
    Dimension.PAGE: (("path", "page_id"), Q(status=200)),
    Dimension.ENTRY: (("path", "page_id"), Q(status=200, is_entry=True)),
    Dimension.SECTION: (("section",), Q(status=200)),
    Dimension.REFERRER: (("referrer_host",), Q(status=200) & ~Q(referrer_host="")),
    Dimension.CAMPAIGN: (
        ("utm_campaign", "utm_source", "utm_medium"),
        Q(status=200) & ~Q(utm_campaign="", utm_source="", utm_medium=""),
    ),
    Dimension.DEVICE: (("device_class",), Q(status=200)),
    Dimension.BROWSER: (("browser_family",), Q(status=200)),
    Dimension.OS: (("os_family",), Q(status=200)),
    Dimension.LOCALE: (("locale",), Q(status=200)),
    Dimension.NOT_FOUND: (("path", "referrer_host", "referrer_path"), Q(status=404)),
}
SEARCH_DIMENSIONS = (Dimension.SEARCH_TERM, Dimension.ZERO_RESULT_SEARCH)
INSERT_BATCH = 2000


# Key and detail of a rollup together, in UTF-8, so that its row in the covering index
# (models.DailyRollup) stays under PostgreSQL's limit of about 2,700 bytes; a 500-character
# key takes at most 2,000 bytes.
INDEXED_TEXT_BYTES = 2400


def _detail(dimension, row, key):
    if dimension == Dimension.CAMPAIGN:
        detail = " / ".join(part for part in (row["utm_source"], row["utm_medium"]) if part)
    elif dimension == Dimension.NOT_FOUND:
        detail = row["referrer_host"] or row["referrer_path"]
    else:
        return ""
    room = INDEXED_TEXT_BYTES - len(key.encode())
    return detail[:500].encode()[:room].decode(errors="ignore")


def _view_rollups(start, end):
    views = PageView.objects.filter(date__range=(start, end))
    for dimension, (fields, condition) in VIEW_DIMENSIONS.items():
        grouped = (
            views.filter(condition)
            .values("date", "site_id", *fields)
            .annotate(view_count=Count("id"), visitor_count=Count("visitor_hash", distinct=True))
            .order_by()
        )
        for row in grouped.iterator():
            key = row[fields[0]] if fields else ""
            yield DailyRollup(
                date=row["date"],
                site_id=row["site_id"],
                dimension=dimension,
                key=key,
                detail=_detail(dimension, row, key),
                page_id=row.get("page_id"),
                views=row["view_count"],
                visitors=row["visitor_count"],
            )


def search_log_model():
    """search.SearchQueryLog, by name: search sits above analytics and writes its query log
    through analytics' buffer, so analytics does not import it."""
    return apps.get_model("search", "SearchQueryLog")


def normalise_search_term(query):
    return scrub(" ".join((query or "").split()).casefold())[:500]


def _search_rollups(start, end):
    model = search_log_model()
    locale_field = model._meta.get_field("locale")
    locale = "locale__language_code" if locale_field.is_relation else "locale"
    tz = timezone.get_current_timezone()
    # A range on created_at itself, not on its local date: the index on created_at then
    # finds the period's searches instead of converting every search ever logged.
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    grouped = (
        model.objects.filter(created_at__gte=since, created_at__lt=until)
        .annotate(day=TruncDate("created_at", tzinfo=tz))
        .values("day", "query", locale)
        .annotate(searches=Count("pk"), empty=Count("pk", filter=Q(result_count=0)))
        .order_by()
    )
    # The search app's own normalisation (Mtavruli folding) when it offers one.
    normalise = getattr(model, "normalise_query", normalise_search_term)
    totals = Counter()
    for row in grouped.iterator():
        # Scrubbed again: the log may hold terms from before it scrubbed them itself.
        term = scrub(normalise(row["query"] or ""))[:500]
        if not term:
            continue
        key = (row["day"], term, row[locale] or "")
        totals[(Dimension.SEARCH_TERM, *key)] += row["searches"]
        if row["empty"]:
            totals[(Dimension.ZERO_RESULT_SEARCH, *key)] += row["empty"]
    for (dimension, day, term, language), count in totals.items():
        yield DailyRollup(date=day, dimension=dimension, key=term, detail=language, views=count)


# A visit ends after this long without a page view (Plausible's, Matomo's and GA's rule).
VISIT_GAP = datetime.timedelta(minutes=30)
VISIT_KEYS = ("visits", "bounces", "seconds")


def _visits(rows):
    """Visits of (date, site, visitor hash, viewed_at, path, page_id) rows ordered by the
    first four: yields (date, site, hash, [(viewed_at, path, page_id), …]) per visit."""
    current_key, views = None, []
    for day, site, visitor, viewed_at, path, page_id in rows:
        key = (day, site, visitor)
        if key != current_key or viewed_at - views[-1][0] > VISIT_GAP:
            if views:
                yield (*current_key, views)
            current_key, views = key, []
        views.append((viewed_at, path, page_id))
    if views:
        yield (*current_key, views)


def visit_figures(queryset):
    """Visits, bounces, seconds and exits of the page views in `queryset`, by the daily
    visitor hash (views without one, DNT/GPC, make no visits): (totals, exits) where
    totals[(date, site)] = Counter(visits=…, bounces=…, seconds=…) and
    exits[(date, site, path, page_id)] = [exits, set of visitors]."""
    rows = (
        queryset.filter(status=200)
        .exclude(visitor_hash=None)
        .order_by("date", "site_id", "visitor_hash", "viewed_at")
        .values_list("date", "site_id", "visitor_hash", "viewed_at", "path", "page_id")
    )
    totals, exits = {}, {}
    for day, site, visitor, views in _visits(rows.iterator(chunk_size=5000)):
        figures = totals.setdefault((day, site), Counter())
        figures["visits"] += 1
        figures["bounces"] += len(views) == 1
        figures["seconds"] += int((views[-1][0] - views[0][0]).total_seconds())
        _last_at, path, page_id = views[-1]
        exit_row = exits.setdefault((day, site, path, page_id), [0, set()])
        exit_row[0] += 1
        exit_row[1].add(visitor)
    return totals, exits


def _visit_rollups(start, end):
    totals, exits = visit_figures(PageView.objects.filter(date__range=(start, end)))
    for (day, site), figures in totals.items():
        for key in VISIT_KEYS:
            yield DailyRollup(
                date=day, site_id=site, dimension=Dimension.VISITS, key=key, views=figures[key]
            )
    for (day, site, path, page_id), (count, visitors) in exits.items():
        yield DailyRollup(
            date=day,
            site_id=site,
            dimension=Dimension.EXIT,
            key=path,
            page_id=page_id,
            views=count,
            visitors=len(visitors),
        )


def _goal_rollups(start, end):
    """Goals reached per day: key the kind (download, outbound, form), detail the target."""
    grouped = (
        GoalEvent.objects.filter(date__range=(start, end))
        .values("date", "site_id", "kind", "target")
        .annotate(count=Count("id"), visitor_count=Count("visitor_hash", distinct=True))
        .order_by()
    )
    for row in grouped.iterator():
        room = INDEXED_TEXT_BYTES - len(row["kind"].encode())
        yield DailyRollup(
            date=row["date"],
            site_id=row["site_id"],
            dimension=Dimension.GOAL,
            key=row["kind"],
            detail=row["target"][:500].encode()[:room].decode(errors="ignore"),
            views=row["count"],
            visitors=row["visitor_count"],
        )


@transaction.atomic
def build_rollups(start: datetime.date, end: datetime.date) -> int:
    """(Re)build the rollups of every day from `start` to `end` inclusive; returns the rows."""
    DailyRollup.objects.filter(date__range=(start, end)).delete()
    batch, written = [], 0
    for rollups in (
        _view_rollups(start, end),
        _visit_rollups(start, end),
        _search_rollups(start, end),
        _goal_rollups(start, end),
    ):
        for rollup in rollups:
            batch.append(rollup)
            if len(batch) >= INSERT_BATCH:
                written += len(DailyRollup.objects.bulk_create(batch))
                batch = []
    written += len(DailyRollup.objects.bulk_create(batch))
    return written


def purge_raw_views(retention_days: int, today: datetime.date | None = None) -> int:
    """Delete raw page views and reached goals older than `retention_days` (rollups stay)
    and expired salts; returns the page views deleted."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=retention_days)
    deleted, _ = PageView.objects.filter(date__lt=cutoff).delete()
    GoalEvent.objects.filter(date__lt=cutoff).delete()
    delete_expired_salts(today)
    return deleted


def purge_search_terms(retention_days: int, today: datetime.date | None = None) -> tuple:
    """Delete logged searches and the rollups holding search terms (free text a visitor
    typed) older than `retention_days`; returns (searches, rollups) deleted."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=retention_days)
    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(cutoff, datetime.time.min, tzinfo=tz)
    searches, _ = search_log_model().objects.filter(created_at__lt=since).delete()
    rollups, _ = DailyRollup.objects.filter(
        dimension__in=SEARCH_DIMENSIONS, date__lt=cutoff
    ).delete()
    return searches, rollups


# Free-text columns that a visitor's input reaches, scrubbed by scrub_stored_text.
FREE_TEXT = {
    "page views": (
        PageView,
        ("path", "query", "referrer_path", "utm_source", "utm_medium", "utm_campaign"),
    ),
    "rollups": (DailyRollup, ("key", "detail")),
    "goals": (GoalEvent, ("target", "label")),
}
DIGITS_OR_AT = r"[0-9]{5}|@|%40"


def scrub_stored_text() -> int:
    """Replace personal data in rows stored before the capture scrubbed it (or by any path
    that missed it); returns how many rows changed. Only rows whose text holds a run of
    digits or an @ are read."""
    changed = 0
    models = dict(FREE_TEXT)
    models["searches"] = (search_log_model(), ("query",))
    for model, columns in models.values():
        condition = Q()
        for column in columns:
            condition |= Q(**{f"{column}__regex": DIGITS_OR_AT})
        for row in model.objects.filter(condition).only("pk", *columns).iterator():
            updates = {
                column: scrub(getattr(row, column))
                for column in columns
                if contains_personal_data(getattr(row, column))
            }
            if updates:
                model.objects.filter(pk=row.pk).update(**updates)
                changed += 1
    return changed
