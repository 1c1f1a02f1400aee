"""The layout's navigation: menus, the "on this page" list, what a page tells search engines
and social networks. Loaded by base.html beside cms_tags."""

from django import template
from django.utils import translation

from cms.models import SiteSettings
from navigation.contents import page_contents
from navigation.menus import fallback_main_links, menu_links
from navigation.sharing import absolute_url as on_public_address
from navigation.sharing import share_metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def get_menu_links(context, slot, home=None):
    """The links of the `slot` menu ("main" or "footer") in the visitor's language; the main
    menu falls back to the home page's menu pages until editors make one."""
    request = context["request"]
    page = context.get("page")
    links = menu_links(request, slot, current_page=page, home=home)
    if links is None:
        links = fallback_main_links(request, home, current_page=page) if slot == "main" else []
    return links


@register.simple_tag(takes_context=True)
def get_page_contents(context, page=None):
    """The "on this page" entries of a long page (see navigation.contents)."""
    return page_contents(page if page is not None else context.get("page"))


@register.simple_tag(takes_context=True)
def get_share_metadata(context):
    """Description, canonical address and social-network card of the page being shown."""
    request = context["request"]
    return share_metadata(
        request, context.get("page"), translation.get_language(), SiteSettings.for_request(request)
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` on the public address (PUBLIC_BASE_URL), else on the request's own."""
    return on_public_address(context["request"], path)
