"""Turns one HTTP request (live, or a line of an old access log) into a page-view row.

The decision what to count and what to keep lives here only, so that the middleware and
``import_access_log`` apply exactly the same rules:

* counted: GET requests answered 200 or 404 with an HTML page, outside the admin, static,
  media and document URLs, from agents that are not robots (the caller excludes logged-in
  staff, which an access log cannot show);
* kept: the path (query string dropped except ANALYTICS_QUERY_ALLOWLIST), language, site
  section, referring host (or the referring path, when the referrer is this site), UTM
  source / medium / campaign, device class, browser and OS families, and a daily visitor hash;
* never kept: the IP address and the user-agent string, which only feed the hash.

Do Not Track / Global Privacy Control: a request sending ``DNT: 1`` or ``Sec-GPC: 1`` is
still counted as a page view, because an anonymous tally of views identifies no one, but
no visitor hash is computed for it, so such visitors are not counted as unique visitors.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from django.conf import settings
from django.utils import timezone

from analytics import conf
from analytics.salts import visitor_hash
from analytics.useragents import classify_user_agent
from helpers.personal_data import scrub

COUNTED_STATUSES = {200, 404}
MAX_QUERY_FIELDS = 50
UTM_FIELDS = ("utm_source", "utm_medium", "utm_campaign")


@dataclass
class Hit:
    """What a request tells us; `ip` and `user_agent` go no further than the hash."""

    viewed_at: datetime.datetime
    method: str
    path: str
    query_string: str
    status: int
    content_type: str
    referrer: str
    user_agent: str
    ip: str
    host: str
    do_not_track: bool = False
    prefetch: bool = False
    site_id: int | None = None
    page_id: int | None = None
    # Other names of this site (an access log's --host list): referrers from them are
    # internal, not referring sites.
    own_hosts: tuple = ()


class Rejected(Exception):
    """The hit is not a countable page view; `reason` says why."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def clean_text(value, max_length):
    """Printable text only (PostgreSQL refuses NUL characters), cut to the column's length."""
    if not value:
        return ""
    text = "".join(ch for ch in value if ch.isprintable())
    return text.strip()[:max_length]


def excluded_prefixes():
    prefixes = list(conf.get("ANALYTICS_EXCLUDED_PREFIXES"))
    for url in (settings.STATIC_URL, settings.MEDIA_URL):
        if url and url.startswith("/"):
            prefixes.append(url)
    return tuple(prefixes)


def rejection_reason(hit: Hit):
    """Why `hit` is not counted, or None when it is."""
    if hit.method != "GET":
        return "method"
    if hit.status not in COUNTED_STATUSES:
        return "status"
    if hit.prefetch:
        return "prefetch"
    if hit.path.startswith(excluded_prefixes()) or hit.path.startswith(("/favicon", "/robots")):
        return "excluded path"
    if hit.content_type and not hit.content_type.startswith("text/html"):
        return "not a page"
    if classify_user_agent(hit.user_agent).is_robot:
        return "robot"
    return None


def page_view_row(hit: Hit, salt_lookup) -> dict:
    """The PageView field values for `hit`; raises Rejected when it is not counted.

    `salt_lookup(date)` gives the salt of the day (salts.salt_for live, an ephemeral one for
    imports)."""
    reason = rejection_reason(hit)
    if reason:
        raise Rejected(reason)
    agent = classify_user_agent(hit.user_agent)
    day = timezone.localdate(hit.viewed_at)
    host = hit.host.split(":", 1)[0].lower()
    path = scrub(clean_text(hit.path, 500)) or "/"
    segments = [segment for segment in path.split("/") if segment]
    languages = {code for code, _name in settings.LANGUAGES}
    locale = segments[0] if segments and segments[0] in languages else ""
    section_index = 1 if locale else 0
    section = segments[section_index] if len(segments) > section_index else ""
    query = _query_fields(hit.query_string)
    referrer_host, referrer_path = _referrer(hit.referrer, {host, *hit.own_hosts})
    row = {
        "viewed_at": hit.viewed_at,
        "date": day,
        "site_id": hit.site_id,
        "page_id": hit.page_id,
        "path": path,
        "query": clean_text(_allowed_query(query), 255),
        "section": clean_text(section, 100),
        "locale": locale,
        "status": hit.status,
        "is_entry": not referrer_path,
        "referrer_host": referrer_host,
        "referrer_path": referrer_path,
        "device_class": agent.device_class,
        "browser_family": agent.browser_family,
        "os_family": agent.os_family,
        "visitor_hash": None,
    }
    for field in UTM_FIELDS:
        row[field] = clean_text(scrub(query.get(field, "")), 100)
    if not hit.do_not_track:
        row["visitor_hash"] = visitor_hash(salt_lookup(day), hit.ip, hit.user_agent, host)
    return row


def _query_fields(query_string):
    try:
        pairs = parse_qsl(query_string or "", max_num_fields=MAX_QUERY_FIELDS)
    except ValueError:  # more fields than any real link carries
        return {}
    fields = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    return fields


def _allowed_query(query):
    allowed = conf.get("ANALYTICS_QUERY_ALLOWLIST")
    # Kept readable ("q=პენსია"), not percent-encoded: people read it in the reports; personal
    # numbers, phones, e-mails and card numbers replaced before anything stores it.
    return "&".join(f"{name}={scrub(query[name][:200])}" for name in allowed if query.get(name))


def _referrer(referrer, own_hosts):
    """(external host, "") or ("", path on this site); ("", "") without a usable referrer."""
    if not referrer:
        return "", ""
    try:
        parts = urlsplit(referrer.strip())
        host = (parts.hostname or "").lower()
    except ValueError:  # e.g. "http://[bad" : an unparseable referrer is no referrer
        return "", ""
    host = clean_text(host, 255)
    if not host:
        return "", ""
    if host in own_hosts:
        return "", scrub(clean_text(unquote(parts.path, errors="replace"), 500)) or "/"
    return host, ""
