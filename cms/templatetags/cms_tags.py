import hashlib
from dataclasses import dataclass

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from cms import layout_cache, page_cache
from cms.i18n import language_links
from helpers.georgian import slugify_georgian

register = template.Library()


@dataclass(frozen=True)
class HomeLink:
    """The home page in one language, as the layout needs it (cached)."""

    pk: int
    path: str
    depth: int
    url: str


@dataclass(frozen=True)
class Breadcrumb:
    title: str
    url: str


@dataclass(frozen=True)
class ChildCard:
    title: str
    url: str
    intro: str


@register.simple_tag(takes_context=True)
def get_child_cards(context, page=None):
    """The live public children of the page as cards (title, address, introduction): one
    query per page type among them, so cached."""
    page = page if page is not None else context.get("page")
    if page is None or page.pk is None:
        return []
    request = context["request"]

    def cards():
        children = page.get_children().live().public().specific()
        return [
            ChildCard(child.title, child.get_url(request), getattr(child, "intro", "") or "")
            for child in children
        ]

    site = Site.find_for_request(request)
    return layout_cache.cached("child-cards", [site.pk if site else "", page.pk], cards)


@register.simple_tag(takes_context=True)
def get_language_links(context):
    """Links to this page in every site language (see cms.i18n.language_links), or the
    links a view that is not a page gives (`language_links`: the search keeps its query)."""
    if context.get("language_links"):
        return context["language_links"]
    page = context.get("page")
    return language_links(context["request"], page, translation.get_language())


@register.simple_tag(takes_context=True)
def get_home_page(context):
    """The home page in the visitor's language, for the logo link and the menu."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return None

    def home_link():
        home = site.root_page.localized
        return HomeLink(home.pk, home.path, home.depth, home.get_url(request))

    return layout_cache.cached("home", [site.pk, translation.get_language() or ""], home_link)


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context, page=None):
    """The live ancestors of the page below the tree root, home first. A page in draft is
    left out: its title is not public yet and its address would not open."""
    page = page if page is not None else context.get("page")
    if page is None:
        return []
    request = context["request"]

    def crumbs():
        ancestors = page.get_ancestors().filter(depth__gt=1).live()
        return [Breadcrumb(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]

    if page.pk is None:  # the preview of a page not yet saved
        return crumbs()
    site = Site.find_for_request(request)
    return layout_cache.cached("breadcrumbs", [site.pk if site else "", page.pk], crumbs)


@register.filter
def heading_anchor(text):
    """A stable, readable fragment id for a heading: "#rogor-mivmartot"."""
    return slugify_georgian(str(text)) or "section"


@register.simple_tag(takes_context=True)
def served_at(context):
    """The moment this copy of the page is sent, in epoch seconds (cms.page_cache writes it
    into every copy it serves)."""
    return page_cache.served_at(context.get("request"))


class LayoutFragmentNode(template.Node):
    def __init__(self, name, vary_on, nodelist):
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if (
            request is None
            or getattr(request, "is_preview", False)
            or (user is not None and user.is_authenticated)
        ):
            return self.nodelist.render(context)
        values = repr([value.resolve(context) for value in self.vary_on])
        digest = hashlib.blake2b(values.encode(), digest_size=16).hexdigest()
        try:
            host = request.get_host()
        except Exception:  # a bad Host header: render without the cache
            return self.nodelist.render(context)
        parts = [self.name, translation.get_language() or "", request.scheme, host, digest]
        return mark_safe(  # noqa: S308 - the output of our own templates, escaped when rendered
            layout_cache.cached("fragment", parts, lambda: self.nodelist.render(context))
        )


@register.tag
def layout_fragment(parser, token):
    """{% layout_fragment "name" value… %}…{% end_layout_fragment %}: a part of the layout
    (menus, footer, share metadata) rendered once for these values and kept in the layout
    cache, so it follows every editor change (a new layout version). What it shows must
    depend only on the values named, the language, the address the site is reached on and
    what editors change: never on the visitor, the time or the request's query. Previews
    and logged-in users always get it rendered afresh."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("layout_fragment needs a name")
    name = bits[1].strip("\"'")
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("end_layout_fragment",))
    parser.delete_first_token()
    return LayoutFragmentNode(name, vary_on, nodelist)
