"""The anonymous page cache: a public page rendered once is served to every anonymous visitor
from Django's configured cache, without touching the page tree, until an editor changes
anything public.

Why our own middleware over Django's cache framework rather than wagtail-cache (3.0.0): that
package requires ``wagtail<8.0`` (pip refuses it beside Wagtail 8), and it invalidates by
clearing the whole cache backend or through a "keyring" dict that every worker rewrites on
each miss (lost updates under concurrency); with the per-process memory cache of the
embedded default a clear reaches only the process that ran it. Here every entry is keyed by
the layout version of ``cms.layout_cache``, a token kept in the database and changed in the
same transaction as the edit (publish, unpublish, move, slug change, page save, view
restrictions, menus, site settings, snippets and images shown on pages): every process sees
the new token on its next request, so a publish is visible on the very next anonymous
request, whichever worker answers it.

What is cached: GET responses 200 of Wagtail pages (the ``before_serve_page`` hook marks
them) to a visitor without a session or messages cookie, unless the page is private (view
restrictions, or under an alias that may be), not for the public (the staff section), a
preview, or the response holds a CSRF token, sets a cookie, varies on Cookie or says
``private``/``no-store``/``no-cache`` itself (the finder's answers, for instance).
Search results are a plain view and never marked. Entries live ``PAGE_CACHE_SECONDS`` at
most, less when the page says its content changes earlier (``expires_by``: "open now",
upcoming events).

Analytics: the capture middleware sits outside this one, so it counts a view served from
the cache like any other; ``request.analytics_page_id`` is set here for it, the one hook
point between the two apps. The beacon's render time (``served_at``) is written into each
copy as it is sent, so a copy from this cache does not look like one from an edge cache.

Compression: responses to anonymous visitors without a CSRF token carry no secret, so
gzipping them cannot leak one (BREACH); everything else is sent as it is.
"""

import gzip
import hashlib
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

from cms import layout_cache

logger = logging.getLogger(__name__)

HIT_HEADER = "X-Page-Cache"
# Query parameters that change nothing on a page: campaign tags and click ids.
IGNORED_QUERY = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga)$")
# Written by the `served_at` tag where the page shows when it was sent; replaced as it is.
SERVED_AT_MARKER = "ssa-page-cache-served-at"
_SERVED_AT = SERVED_AT_MARKER.encode()
MIN_COMPRESS_BYTES = 512
_NOT_CACHED_BY_THEM = ("private", "no-store", "no-cache")
# Headers the outer middleware adds again to every response; kept out of the entry.
_DROPPED_HEADERS = {"content-length", "set-cookie", "vary", "content-encoding"}


@dataclass(frozen=True)
class Entry:
    page_id: int | None
    headers: tuple
    body: bytes
    expires: float  # epoch seconds


def enabled():
    return getattr(settings, "PAGE_CACHE", True)


def mark_page(request, page):
    """Called before a Wagtail page is served: the response may be cached (see module)."""
    request._page_cache_page = page


def expires_by(request, moment):
    """The page shows something that changes at `moment` (an aware datetime): a cached
    copy must not outlive it."""
    if moment is None or request is None:
        return
    timestamp = moment.timestamp()
    current = getattr(request, "_page_cache_expires", None)
    if current is None or timestamp < current:
        request._page_cache_expires = timestamp


def served_at(request):
    """What the page should print as the moment it was sent (epoch seconds): a marker this
    middleware replaces in every copy it sends, or the time itself."""
    if request is not None and getattr(request, "_page_cache_candidate", False):
        return SERVED_AT_MARKER
    return str(int(time.time()))


def _has_session(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _is_candidate(request):
    if request.method != "GET" or not enabled():
        return False
    if _has_session(request):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _query(request):
    pairs = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if not IGNORED_QUERY.match(name)
        for value in values
    )
    return "&".join(f"{name}={value}" for name, value in pairs)


def cache_key(request, token):
    address = f"{request.scheme}://{request.get_host()}{request.path}?{_query(request)}"
    digest = hashlib.blake2b(address.encode(), digest_size=20).hexdigest()
    return f"page:{token}:{digest}"


def _page_is_public(page):
    if not getattr(page, "shown_to_public", True) or not page.live:
        return False
    if page.alias_of_id is not None:
        return False
    return not layout_cache.is_under(page.path, layout_cache.paths_needing_restriction_check())


def _response_is_cacheable(request, response):
    page = getattr(request, "_page_cache_page", None)
    if page is None or getattr(page, "pk", None) is None:
        return False
    if getattr(request, "is_preview", False) or response.status_code != 200:
        return False
    if response.streaming or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if any(
        value.strip().lower() == "cookie" for value in cc_delim_re.split(response.get("Vary", ""))
    ):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in _NOT_CACHED_BY_THEM):
        return False
    return _page_is_public(page)


def _lifetime(request):
    seconds = settings.PAGE_CACHE_SECONDS
    expires = getattr(request, "_page_cache_expires", None)
    if expires is not None:
        seconds = min(seconds, int(expires - time.time()))
    return seconds


def _public_cache_control(response, lifetime):
    """For browsers and shared caches (a CDN): Wagtail's front-end cache invalidation purges
    the latter on publication when configured (settings: WAGTAILFRONTENDCACHE)."""
    lifetime = max(int(lifetime), 0)
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.PAGE_CACHE_BROWSER_SECONDS, lifetime),
        s_maxage=min(settings.PAGE_CACHE_SHARED_SECONDS, lifetime),
    )


def _accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


def _finish(request, response, body, compressible):
    """The body with the moment it is sent, compressed where that is safe."""
    if _SERVED_AT in body:
        body = body.replace(_SERVED_AT, str(int(time.time())).encode())
    patch_vary_headers(response, ("Accept-Encoding",))
    if compressible and len(body) >= MIN_COMPRESS_BYTES and _accepts_gzip(request):
        body = gzip.compress(body, compresslevel=6, mtime=0)
        response["Content-Encoding"] = "gzip"
    response.content = body
    response["Content-Length"] = str(len(body))
    return response


def _replay(request, entry):
    response = HttpResponse(status=200)
    for name, value in entry.headers:
        response[name] = value
    response[HIT_HEADER] = "hit"
    _public_cache_control(response, entry.expires - time.time())
    # The capture middleware ties the view to its page (analytics.middleware).
    request.analytics_page_id = entry.page_id
    return _finish(request, response, entry.body, compressible=True)


_COMPRESSIBLE_TYPES = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
)


def _is_compressible_page(response):
    """A text answer worth compressing (never a file, a partial or an empty answer)."""
    return response.status_code in (200, 404) and response.get("Content-Type", "").startswith(
        _COMPRESSIBLE_TYPES
    )


class PageCacheMiddleware:
    """Place right after analytics.middleware.AnalyticsMiddleware (which must count what is
    served from here) and after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or not enabled():
            return self.get_response(request)
        if not _is_candidate(request):
            response = self.get_response(request)
            return self._not_shared(request, response)
        request._page_cache_candidate = True
        try:
            key = cache_key(request, layout_cache.current_token())
            entry = cache.get(key)
        except Exception:  # a bad Host header, or the cache is unreachable
            key, entry = None, None
        if entry is not None:
            return _replay(request, entry)
        response = self.get_response(request)
        if key is not None and _response_is_cacheable(request, response):
            return self._store(request, response, key)
        return self._uncached(request, response)

    def _store(self, request, response, key):
        lifetime = _lifetime(request)
        _public_cache_control(response, lifetime)
        response[HIT_HEADER] = "miss"
        body = response.content
        if lifetime > 0:
            headers = tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in _DROPPED_HEADERS
            )
            page = request._page_cache_page
            try:
                entry = Entry(page.pk, headers, body, time.time() + lifetime)
                cache.set(key, entry, lifetime)
            except Exception:  # the page is served all the same
                logger.warning("A page could not be stored in the page cache", exc_info=True)
        return _finish(request, response, body, compressible=True)

    def _uncached(self, request, response):
        """An anonymous response this cache does not keep."""
        if getattr(request, "_page_cache_page", None) is not None:
            response[HIT_HEADER] = "skip"
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
        if (
            response.streaming
            or response.get("Content-Encoding")
            or not _is_compressible_page(response)
        ):
            return response
        # No CSRF token went into it (the only secret an anonymous page can hold).
        compressible = not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        return _finish(request, response, response.content, compressible)

    def _not_shared(self, request, response):
        """A response to someone logged in (or holding a session): never for a shared
        cache, and never compressed (it may hold a CSRF token)."""
        if getattr(request, "_page_cache_page", None) is not None:
            response[HIT_HEADER] = "skip"
            patch_cache_control(response, private=True, no_store=True)
        return response
