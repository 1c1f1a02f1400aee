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


@register.simple_tag(takes_context=True)
def get_menu_pages(context, home):
    if home is None:
        return []
    return home.get_children().live().public().in_menu().specific()


@register.filter
def heading_anchor(text):
    """A stable, readable fragment id for a heading: "#rogor-mivmartot"."""
    return slugify_georgian(str(text)) or "section"
