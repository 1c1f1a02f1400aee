from django import template
from django.utils import translation
from wagtail.models import Site

from cms.georgian import slugify_georgian
from cms.i18n import language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def get_language_links(context):
    """Links to this page in every site language (see cms.i18n.language_links)."""
    page = context.get("page")
    return language_links(context["request"], page, translation.get_language())


@register.simple_tag(takes_context=True)
def get_home_page(context):
    """The home page in the visitor's language, for the logo link and the menu."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized.specific


@register.filter
def heading_anchor(text):
    """A stable, readable fragment id for a heading: "#rogor-mivmartot"."""
    return slugify_georgian(str(text)) or "section"


@register.simple_tag(takes_context=True)
def get_menu_links(context, slot, home=None):
    """The links of the `slot` menu ("main" or "footer") in the visitor's language; the main
    menu falls back to the home page's menu pages until editors make one."""
    from navigation.menus import fallback_main_links, menu_links

    request = context["request"]
    page = context.get("page")
    links = menu_links(request, slot, current_page=page, home=home)
    if links is None:
        links = fallback_main_links(request, home, current_page=page) if slot == "main" else []
    return links


@register.simple_tag(takes_context=True)
def get_page_contents(context, page=None):
    """The "on this page" entries of a long page (see navigation.contents)."""
    from navigation.contents import page_contents

    return page_contents(page if page is not None else context.get("page"))


@register.simple_tag(takes_context=True)
def get_share_metadata(context):
    """Description, canonical address and social-network card of the page being shown."""
    from cms.models import SiteSettings
    from navigation.sharing import share_metadata

    request = context["request"]
    return share_metadata(
        request, context.get("page"), translation.get_language(), SiteSettings.for_request(request)
    )
