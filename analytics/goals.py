"""Goals: document downloads, outbound links followed and public forms sent.

Counted on the server where the action passes through it, otherwise by the signed beacon:

* **Document downloads**: Wagtail's document view sends ``document_served`` once its own
  privacy checks have let the request through (analytics.apps connects ``count_download``).
  A HEAD request, or a Range request for a later part of the file (a PDF viewer fetching
  it piece by piece), is not another download.
* **Form submissions**: a POST to a public page answered with a redirect (the form's
  Post/Redirect/Get after a successful submission; a form with errors answers 200, a
  refusal 429) counts once, in the capture middleware.
* **Outbound links**: the click leaves the site, so the page's beacon script reports it.
  The server signs each outbound link it renders (``outbound_signature``: rich text's
  external links through the "external" link handler, template links through the
  ``outbound_link_signature`` tag), and the beacon carries the signature beside the page's
  own signed token (analytics.beacon). A destination the server never rendered, a token of
  another page, or a replay is not counted, and the beacon's rate limit applies.

Who is counted: the same rules as page views (robots, prefetches, DNT/GPC without a visitor
hash), except that logged-in users count unless they work in the admin: the staff section
is read by social workers, who are the audience of its links to the casework systems;
editors and analysts trying the site are not. Nothing is kept but the kind, the target (the
document's address, the link's destination without its query string, the form page's
path: personal data scrubbed), the page, the date and the daily visitor hash.
"""

import logging
from urllib.parse import urlsplit, urlunsplit

from django.core import signing
from django.utils import timezone

from analytics import conf
from analytics.capture import clean_text
from analytics.models import GoalEvent
from analytics.salts import salt_for, visitor_hash
from analytics.useragents import classify_user_agent
from helpers.personal_data import scrub

logger = logging.getLogger(__name__)

OUTBOUND_SALT = "analytics.goal.outbound"


def outbound_signature(url):
    """The server's signature of a destination it renders as a link."""
    return signing.Signer(salt=OUTBOUND_SALT).signature(url)


def valid_outbound_signature(url, signature):
    return bool(signature) and signing.constant_time_compare(outbound_signature(url), signature)


def outbound_target(url):
    """The destination as it is counted: scheme, host and path (no query, no fragment), or
    None when it is not an http(s) address."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path or "/", "", ""))


def counts_goals_of(request):
    """Whether this request's goals are counted (see the module's docstring)."""
    from analytics.middleware import is_prefetch

    if not conf.get("ANALYTICS_CAPTURE") or is_prefetch(request):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return False
    return not classify_user_agent(request.META.get("HTTP_USER_AGENT", "")).is_robot


def goal_row(request, kind, target, label="", page_id=None, site_id=None):
    """The GoalEvent field values of a goal reached in `request`."""
    from analytics.middleware import client_ip

    meta = request.META
    now = timezone.now()
    day = timezone.localdate(now)
    host = (meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")).split(":", 1)[0].lower()
    do_not_track = meta.get("HTTP_DNT") == "1" or meta.get("HTTP_SEC_GPC") == "1"
    return {
        "occurred_at": now,
        "date": day,
        "site_id": site_id,
        "page_id": page_id,
        "kind": kind,
        "target": scrub(clean_text(target, 500)),
        "label": scrub(clean_text(label, 255)),
        "visitor_hash": None
        if do_not_track
        else visitor_hash(salt_for(day), client_ip(request), meta.get("HTTP_USER_AGENT", ""), host),
    }


def record_goal(request, kind, target, label="", page_id=None):
    """Store one reached goal; never fails the request it belongs to."""
    try:
        if not counts_goals_of(request):
            return False
        site = getattr(request, "_wagtail_site", None)
        if site is None:
            from wagtail.models import Site

            site = Site.find_for_request(request)
        row = goal_row(request, kind, target, label, page_id, site.pk if site else None)
        GoalEvent.objects.create(**row)
        return True
    except Exception:
        logger.warning("A reached goal could not be recorded", exc_info=True)
        return False


def count_download(sender, instance, request, **kwargs):
    """document_served: the document view has checked the collection's privacy."""
    if request.method != "GET":
        return
    byte_range = request.headers.get("Range", "").replace(" ", "")
    if byte_range and not byte_range.startswith("bytes=0-"):
        return
    record_goal(request, GoalEvent.Kind.DOWNLOAD, instance.url, label=instance.title)


def count_form_submission(request, response):
    """A POST to a public page answered with a redirect: the form was accepted."""
    page_id = getattr(request, "analytics_page_id", None)
    if page_id and response.status_code in (301, 302, 303):
        record_goal(request, GoalEvent.Kind.FORM, request.path, page_id=page_id)


def outbound_link_tag(attrs):
    """The opening tag of a rich-text link to another site, signed for the beacon."""
    from django.utils.html import escape

    attrs = {name: value for name, value in attrs.items() if name != "data-outbound"}
    href = attrs.get("href", "")
    if outbound_target(href) is not None:
        attrs["data-outbound"] = outbound_signature(href)
    return "<a" + "".join(f' {name}="{escape(value)}"' for name, value in attrs.items()) + ">"
