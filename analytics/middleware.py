"""Counts views of public pages on the server: no cookie, no script, no third party.

Place it after AuthenticationMiddleware (logged-in users are agency staff and are not
counted) and before RedirectMiddleware (a 404 that a redirect answers is not a 404).
"""

import logging

from django.core.handlers.wsgi import get_str_from_wsgi
from django.utils import timezone

from analytics import buffer, conf
from analytics.capture import Hit, Rejected, page_view_row
from analytics.salts import salt_for

logger = logging.getLogger(__name__)


def client_ip(request):
    header = conf.get("ANALYTICS_CLIENT_IP_HEADER")
    if header:
        forwarded = request.META.get(header, "")
        if forwarded:
            # The proxy appends the address it saw last; earlier entries are client-supplied.
            return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def request_hit(request, **page_fields):
    """A Hit of what `request` says about the visitor (agent, address, host, privacy
    signals); `page_fields` say what was viewed (path, status, referrer…)."""
    meta = request.META
    return Hit(
        viewed_at=timezone.now(),
        user_agent=meta.get("HTTP_USER_AGENT", ""),
        ip=client_ip(request),
        host=meta.get("HTTP_HOST") or meta.get("SERVER_NAME", ""),
        do_not_track=meta.get("HTTP_DNT") == "1" or meta.get("HTTP_SEC_GPC") == "1",
        **page_fields,
    )


def hit_from_request(request, response):
    site = getattr(request, "_wagtail_site", None)
    meta = request.META
    return request_hit(
        request,
        method=request.method,
        path=request.path,
        query_string=get_str_from_wsgi(meta, "QUERY_STRING", ""),
        status=response.status_code,
        content_type=response.get("Content-Type", ""),
        referrer=meta.get("HTTP_REFERER", ""),
        prefetch=is_prefetch(request),
        site_id=site.pk if site is not None else None,
        page_id=getattr(request, "analytics_page_id", None),
    )


PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_MOZ", "HTTP_X_PURPOSE")


def is_prefetch(request):
    """A speculative fetch (Chromium's Sec-Purpose/Purpose, Firefox's X-Moz, Safari's
    X-Purpose: "prefetch" or "preview"): nobody has read the page yet."""
    meta = request.META
    return any(
        word in meta.get(header, "").lower()
        for header in PREFETCH_HEADERS
        for word in ("prefetch", "preview", "prerender")
    )


def is_staff_request(request):
    """Logged-in users are agency staff, never counted."""
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class AnalyticsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "GET" and conf.get("ANALYTICS_CAPTURE"):
            try:
                self.capture(request, response)
            except Exception:
                logger.warning("A page view could not be captured", exc_info=True)
        elif request.method == "POST":
            # A public form page that accepted its form (analytics.goals).
            from analytics.goals import count_form_submission

            count_form_submission(request, response)
        return response

    def capture(self, request, response):
        if is_staff_request(request):
            return
        if response.status_code not in (200, 404) or response.streaming:
            return
        try:
            row = page_view_row(hit_from_request(request, response), salt_for)
        except Rejected:
            return
        buffer.record(row)
