"""A read-only JSON API for analysts' own tools (a spreadsheet's web query, a notebook).

    GET /analytics/api/<report>/?period=30d            (or &start=YYYY-MM-DD&end=YYYY-MM-DD)
    Authorization: Bearer <one of ANALYTICS_API_TOKENS>

`<report>` is `overview`, `realtime` or the slug of any report in the admin's Analytics menu
(`pages`, `entry-pages`, `exit-pages`, `sections`, `referrers`, `campaigns`, `devices`,
`browsers`, `operating-systems`, `languages`, `search-terms`, `zero-result-searches`,
`goals`, `not-found`). The figures come from the same queries as the report pages
(analytics.queries), in the same order (most views first); `limit` (default 50, at most 1000)
and `offset` page through the rows. No cookie is read or set: the token alone admits, so
the API is outside the admin and needs no session. Tokens come from the environment
(ANALYTICS_API_TOKENS, comma-separated); with none set, the API answers 403. An unknown
report is a 400, a missing or wrong token a 401.
"""

import hmac

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from analytics import conf
from analytics.daterange import parse_date_range
from analytics.models import Dimension
from analytics.queries import (
    daily_totals,
    dimension_totals,
    period_summary,
    previous_period_views,
    realtime,
    visit_summary,
)

MAX_LIMIT = 1000


class NotFound(Exception):
    """No such report (400), or no API at all (403: no token configured)."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def _authorised(request):
    tokens = [token for token in conf.get("ANALYTICS_API_TOKENS") if token]
    if not tokens:
        raise NotFound(403, "The analytics API is switched off (no ANALYTICS_API_TOKENS).")
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        return False
    return any(hmac.compare_digest(given.strip(), token) for token in tokens)


def _number(value, default, maximum):
    try:
        return min(max(int(value), 0), maximum)
    except (TypeError, ValueError):
        return default


def _report(slug):
    from analytics.views import REPORTS  # the menu's declarations: one list of reports

    for report in REPORTS:
        if report.slug == slug:
            return report
    raise NotFound(400, f"No such report: {slug}.")


def _group_by(report):
    if report.dimension in (Dimension.PAGE, Dimension.ENTRY, Dimension.EXIT):
        return ["key", "page_id"]
    return ["key", "detail"] if report.detail_label else ["key"]


def dimension_rows(report, date_range, limit, offset):
    """The rows of a report page in the report's order, with the previous period's views."""
    group_by = _group_by(report)
    rows = list(
        dimension_totals(report.dimension, date_range, group_by).order_by("-views", *group_by)[
            offset : offset + limit
        ]
    )
    previous = previous_period_views(report.dimension, date_range, group_by, rows)
    for row in rows:
        row["previous_views"] = previous.get(tuple(row[name] for name in group_by), 0)
        if not report.with_visitors:
            row.pop("visitors", None)
    return rows


@require_GET
def report_api(request, slug):
    # Not a 404: the site's LocaleMiddleware answers any 404 outside the language prefixes
    # with a redirect to /ka/…, which is no answer for a program.
    try:
        return _answer(request, slug)
    except NotFound as error:
        return JsonResponse({"error": str(error)}, status=error.status)


def _answer(request, slug):
    if not _authorised(request):
        response = JsonResponse({"error": "A valid bearer token is required."}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="analytics"'
        return response
    date_range, error = parse_date_range(request.GET)
    payload = {
        "report": slug,
        "start": date_range.start.isoformat(),
        "end": date_range.end.isoformat(),
        "previous_start": date_range.previous().start.isoformat(),
        "previous_end": date_range.previous().end.isoformat(),
    }
    if error:
        payload["warning"] = str(error)
    if slug == "overview":
        days = daily_totals(date_range)
        previous_days = daily_totals(date_range.previous())
        payload["summary"] = {
            item["key"]: {k: item[k] for k in ("value", "previous", "change")}
            for item in period_summary(days, previous_days)
        }
        payload["visits"] = {
            "current": visit_summary(date_range),
            "previous": visit_summary(date_range.previous()),
        }
        payload["days"] = [{**day, "date": day["date"].isoformat()} for day in days]
    elif slug == "realtime":
        figures = realtime(timezone.now())
        payload = {
            "report": slug,
            "since": figures["since"].isoformat(),
            "views": figures["views"],
            "visitors": figures["visitors"],
            "rows": figures["pages"],
        }
    else:
        report = _report(slug)
        limit = _number(request.GET.get("limit"), 50, MAX_LIMIT) or 50
        offset = _number(request.GET.get("offset"), 0, 10**9)
        payload["rows"] = dimension_rows(report, date_range, limit, offset)
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "private, no-store"
    return response
