"""Counts views of pages that a cache served, which the capture middleware never sees.

Every page carries the moment the server rendered it (``data-rendered``, epoch seconds). A
copy rendered for this very visit was counted by the middleware already; a copy rendered
earlier came from a cache (an edge cache, a proxy, the browser's own after a 304), and its
script reports it here. The script skips copies younger than 30 seconds by the browser's
clock; this view decides by the server's clock, from how long ago the visit began
(``elapsed``, the browser's ``performance.now()``), so a visitor whose clock runs fast does not
count twice. See analytics/README.md.

The same rules as the middleware apply (capture.page_view_row): robots, staff and DNT/GPC
are handled alike, nothing is stored but the page-view row, no cookie is set. The page is
the one the script names, if it is live and public; its path comes from the database, not
from the request, so no one can fill the reports with invented paths.
"""

import logging
from urllib.parse import parse_qsl

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from analytics import buffer, conf
from analytics.capture import Rejected, page_view_row
from analytics.middleware import client_ip, is_staff_request, request_hit
from analytics.salts import salt_for, visitor_hash

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 4096
MAX_FIELDS = 10
# A copy rendered this long before the visit began still counts as rendered for it: the
# beacon's own travel time makes the visit look later than it was.
FRESH_TOLERANCE_SECONDS = 5
MAX_ELAPSED_MS = 24 * 3600 * 1000


class BadBeacon(ValueError):
    pass


def _fields(body):
    try:
        pairs = parse_qsl(body.decode("utf-8", "replace"), max_num_fields=MAX_FIELDS)
    except ValueError as error:
        raise BadBeacon("too many fields") from error
    fields = dict(pairs)
    try:
        page_id, rendered, elapsed_ms = (
            int(fields[name]) for name in ("page", "rendered", "elapsed")
        )
    except (KeyError, ValueError) as error:
        raise BadBeacon("page, rendered and elapsed must be whole numbers") from error
    if page_id < 1 or rendered < 0 or not 0 <= elapsed_ms <= MAX_ELAPSED_MS:
        raise BadBeacon("out of range")
    return page_id, rendered, elapsed_ms, fields.get("referrer", ""), fields.get("query", "")


def rendered_for_this_visit(rendered, elapsed_ms, now):
    """Whether the copy was rendered after the visit began, i.e. the middleware counted it."""
    visit_began = now.timestamp() - elapsed_ms / 1000
    return rendered >= visit_began - FRESH_TOLERANCE_SECONDS


def rate_limited(request):
    """More than ANALYTICS_BEACON_RATE beacons in a minute from one address. The key is the
    address hashed with the day's salt: no address is kept, not even in the cache."""
    key = "analytics:beacon:" + visitor_hash(
        salt_for(timezone.localdate()), client_ip(request), "", ""
    )
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        return False
    return count > conf.get("ANALYTICS_BEACON_RATE")


@csrf_exempt  # sendBeacon cannot send a token; the view changes nothing but a count
@require_POST
def page_view_beacon(request):
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return HttpResponse(status=413)
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return HttpResponse(status=413)
    try:
        page_id, rendered, elapsed_ms, referrer, query = _fields(body)
    except BadBeacon:
        return HttpResponse(status=400)
    if not conf.get("ANALYTICS_CAPTURE") or is_staff_request(request):
        return HttpResponse(status=204)
    if rendered_for_this_visit(rendered, elapsed_ms, timezone.now()):
        return HttpResponse(status=204)
    try:
        if rate_limited(request):
            return HttpResponse(status=429)
        record_cached_view(request, page_id, referrer, query)
    except Exception:
        logger.warning("A page view from the beacon could not be captured", exc_info=True)
    return HttpResponse(status=204)


def record_cached_view(request, page_id, referrer, query):
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return
    url_parts = page.get_url_parts(request)
    if url_parts is None:
        return
    site = Site.find_for_request(request)
    hit = request_hit(
        request,
        method="GET",
        path=url_parts[2],
        query_string=query[:1000],
        status=200,
        content_type="text/html",
        referrer=referrer[:2000],
        site_id=site.pk if site is not None else None,
        page_id=page.pk,
    )
    try:
        row = page_view_row(hit, salt_for)
    except Rejected:
        return
    buffer.record(row)
