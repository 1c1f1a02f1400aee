from django import template
from wagtail.models import Page

from analytics import conf
from analytics.beacon import page_token
from analytics.goals import outbound_signature, outbound_target

register = template.Library()


@register.simple_tag(takes_context=True)
def analytics_beacon_page(context):
    """The id of the page a cached copy of this response should report, or None."""
    request, page = context.get("request"), context.get("page")
    if request is None or getattr(request, "is_preview", False):
        return None
    if not conf.get("ANALYTICS_CAPTURE") or not isinstance(page, Page) or not page.pk:
        return None
    return page.pk


@register.simple_tag
def analytics_beacon_token(page_id):
    """The signed token of this page and this render moment (analytics.beacon)."""
    return page_token(page_id)


@register.simple_tag
def outbound_link_signature(url):
    """The server's signature of a link to another site: the beacon script reports a click
    on a link carrying it in data-outbound as a goal (analytics.goals). Empty for a link
    that stays on the site (a path) or is not http(s)."""
    url = str(url or "")
    return outbound_signature(url) if outbound_target(url) else ""
