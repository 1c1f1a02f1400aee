"""Counts views of pages that a cache served, which the capture middleware never sees.

Every page carries the moment the server rendered it (``data-rendered``, epoch seconds). A
copy rendered for this very visit was counted by the middleware already; a copy rendered
earlier came from a cache (an edge cache, a proxy, the browser's own after a 304), and its
script reports it here. The script skips copies younger than 30 seconds by the browser's
clock; this view decides by the server's clock, from how long ago the visit began
(``elapsed``, the browser's ``performance.now()``), so a visitor whose clock runs fast does not
count twice. See analytics/README.md.

Forgery: the script sends a token the server signed when it rendered the page (its id and the
render moment; ``page_token``), separate from ``data-rendered``, which the page cache rewrites
as it sends each copy. A beacon without a valid token for that page, or with one older than
ANALYTICS_BEACON_TOKEN_MAX_AGE, or reporting a copy sent before it was rendered, is refused
(400) and counts nothing; one token counts once per visitor (its replay adds nothing), and
each address is rate-limited. So nobody can count views of a page without fetching it, nor
inflate a page's count by replaying one fetch.

The same rules as the middleware apply (capture.page_view_row): robots, staff and DNT/GPC
are handled alike, nothing is stored but the page-view row, no cookie is set. The page is
the one the script names, if it is live and public; its path comes from the database, not
from the request, so no one can fill the reports with invented paths.
"""

import hashlib
import logging
import time
from urllib.parse import parse_qsl

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from analytics import buffer, conf
from analytics.capture import Rejected, page_view_row
from analytics.middleware import client_ip, is_prefetch, is_staff_request, request_hit
from analytics.salts import salt_for, visitor_hash

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 4096
MAX_FIELDS = 10
# A copy rendered this long before the visit began still counts as rendered for it: the
# beacon's own travel time makes the visit look later than it was.
FRESH_TOLERANCE_SECONDS = 5
MAX_ELAPSED_MS = 24 * 3600 * 1000


TOKEN_SALT = "analytics.beacon.page"  # noqa: S105 - a namespace for the signer, not a secret
# Longer than any cache keeps a copy (the page cache, a CDN, a browser's back-forward cache).
DEFAULT_TOKEN_MAX_AGE = 7 * 24 * 3600


class BadBeacon(ValueError):
    pass


def page_token(page_id, rendered_at=None):
    """The signed token a page carries for its beacon: the page id and the render moment."""
    rendered_at = int(time.time() if rendered_at is None else rendered_at)
    return signing.Signer(salt=TOKEN_SALT).sign(f"{page_id}.{rendered_at}")


def token_render_time(token, page_id, now):
    """The render moment signed in `token` for `page_id`; raises BadBeacon when the token is
    forged, for another page, from the future or too old."""
    try:
        value = signing.Signer(salt=TOKEN_SALT).unsign(token)
        token_page, rendered_at = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError) as error:
        raise BadBeacon("bad token") from error
    max_age = getattr(settings, "ANALYTICS_BEACON_TOKEN_MAX_AGE", DEFAULT_TOKEN_MAX_AGE)
    if token_page != page_id or not now - max_age <= rendered_at <= now + FRESH_TOLERANCE_SECONDS:
        raise BadBeacon("token for another page or too old")
    return rendered_at


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
    now = time.time()
    render_time = token_render_time(fields.get("token", ""), page_id, now)
    # `rendered` is when the copy was sent (the page cache rewrites it), never before the
    # page was rendered, nor after now.
    if not render_time - FRESH_TOLERANCE_SECONDS <= rendered <= now + FRESH_TOLERANCE_SECONDS:
        raise BadBeacon("sent before it was rendered")
    token = fields["token"]
    return page_id, rendered, elapsed_ms, fields.get("referrer", ""), fields.get("query", ""), token


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


def first_use_by_this_visitor(request, token):
    """Whether this visitor has not reported this token (this copy) before; a replay of one
    fetched page by the same visitor counts once. The key is a hash, like the rate limit's."""
    meta = request.META
    visitor = visitor_hash(
        salt_for(timezone.localdate()),
        client_ip(request),
        meta.get("HTTP_USER_AGENT", ""),
        meta.get("HTTP_HOST", ""),
    )
    digest = hashlib.blake2b(f"{visitor}:{token}".encode(), digest_size=16).hexdigest()
    max_age = getattr(settings, "ANALYTICS_BEACON_TOKEN_MAX_AGE", DEFAULT_TOKEN_MAX_AGE)
    return cache.add(f"analytics:beacon:seen:{digest}", 1, timeout=max_age)


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
        page_id, rendered, elapsed_ms, referrer, query, token = _fields(body)
    except BadBeacon:
        return HttpResponse(status=400)
    if not conf.get("ANALYTICS_CAPTURE") or is_staff_request(request) or is_prefetch(request):
        return HttpResponse(status=204)
    if rendered_for_this_visit(rendered, elapsed_ms, timezone.now()):
        return HttpResponse(status=204)
    try:
        if rate_limited(request):
            return HttpResponse(status=429)
        if not first_use_by_this_visitor(request, token):
            return HttpResponse(status=204)
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


@csrf_exempt  # as the page-view beacon: sendBeacon carries no CSRF token
@require_POST
def goal_beacon(request):
    """An outbound link followed from a page (analytics.goals): counted with the page's
    signed token and the server's signature of the destination, once per visitor, token
    and destination; 204 whether counted or not, 400 for anything forged or malformed."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return HttpResponse(status=413)
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return HttpResponse(status=413)
    from analytics.goals import outbound_target, record_goal, valid_outbound_signature
    from analytics.models import GoalEvent

    try:
        fields = dict(parse_qsl(body.decode("utf-8", "replace"), max_num_fields=MAX_FIELDS))
        page_id = int(fields.get("page", ""))
        token_render_time(fields.get("token", ""), page_id, time.time())
    except (ValueError, BadBeacon):
        return HttpResponse(status=400)
    url = fields.get("url", "")
    target = outbound_target(url)
    if target is None or not valid_outbound_signature(url, fields.get("sig", "")):
        return HttpResponse(status=400)
    try:
        if rate_limited(request):
            return HttpResponse(status=429)
        if not first_use_by_this_visitor(request, f"{fields['token']}:{target}"):
            return HttpResponse(status=204)
        if Page.objects.live().filter(pk=page_id).exists():
            record_goal(request, GoalEvent.Kind.OUTBOUND, target, page_id=page_id)
    except Exception:
        logger.warning("An outbound link could not be counted", exc_info=True)
    return HttpResponse(status=204)
