"""Finding the page for an address in two queries, whatever its depth.

Wagtail's Page.route walks down one level at a time and pays two queries a level (the child
by its slug, then its specific row). Here one query fetches the rows of every level at
once and a second the specific row of the page found; the result is what Wagtail's walk
would give, because each level is still looked up by slug below its parent, and a page on
the way that routes by itself (RoutablePageMixin: feeds, calendars) is handed the rest of
the address just as Wagtail would hand it.
"""

import hashlib
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page

from cms import page_rows

# Re-implements Page.route's walk (and BasePage.get_view_restrictions Wagtail's lookup):
# re-read both against Wagtail's on an upgrade (tests/test_upstream_canaries.py).
WRITTEN_FOR = ("wagtail 8.0.1",)


def _routes_like_a_plain_page(model):
    from cms.models import BasePage

    return model is not None and model.route in (BasePage.route, Page.route)


def _chain(page, path_components):
    """[(component, base row)] down from `page`, as far as the rows go."""
    by_level = Q()
    for offset, slug in enumerate(path_components, start=1):
        by_level |= Q(depth=page.depth + offset, slug=slug)
    rows = list(Page.objects.filter(by_level, path__startswith=page.path).order_by("path"))
    chain, parent = [], page
    for slug in path_components:
        child = next(
            (
                row
                for row in rows
                if row.depth == parent.depth + 1 and row.slug == slug and row.is_child_of(parent)
            ),
            None,
        )
        if child is None:
            break
        child._cached_parent_obj = parent
        chain.append(child)
        parent = child
    return chain


def _claims_rest(model, row, rest):
    """Whether a routable page (RoutablePageMixin, routing like a plain page otherwise)
    answers the rest of the address itself, as its route() would decide: a live page whose
    sub-page patterns match. If not, Wagtail goes on to its children, and so does the chain."""
    from django.urls import Resolver404
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    if not (isinstance(model, type) and issubclass(model, RoutablePageMixin)):
        return None  # not a case we know: let the page route itself
    if model.route is not RoutablePageMixin.route:
        return None
    after = model.__mro__[model.__mro__.index(RoutablePageMixin) + 1 :]
    next_route = next((cls.__dict__["route"] for cls in after if "route" in cls.__dict__), None)
    from cms.models import BasePage

    if next_route not in (BasePage.__dict__.get("route"), Page.__dict__.get("route")):
        return None
    if not row.live:
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
    except Resolver404:
        return False
    return True


def _target(page, path_components):
    """(the row that answers the address, the rest of the address it is handed), or None
    when no page does: Wagtail's walk, on the rows of one query."""
    chain = _chain(page, path_components)
    for level, row in enumerate(chain):
        is_last = level == len(path_components) - 1
        rest = path_components[level + 1 :]
        if is_last or not _routes_like_a_plain_page(row.specific_class):
            claims = None if is_last else _claims_rest(row.specific_class, row, rest)
            if claims is False:
                continue  # Wagtail would hand the rest to the children: so does the chain
            return row, rest
    return None


@dataclass(frozen=True)
class Target:
    """Which page answers an address (kept in the layout cache): its id and specific model."""

    page_id: int
    model: str  # "app_label.ModelName"
    rest: tuple


def route_down(page, request, path_components, site=None):
    """The page for the address below `page`, routed by its specific row.

    Which page that is depends only on the page tree (slugs, moves, publication, page
    types), so the answer is kept in the layout cache (a new version on any of those
    changes) per site, root and address; the page itself is read afresh, in one query by
    its id. An address that finds no page is not kept (anyone can invent them)."""
    from django.apps import apps

    from cms import layout_cache

    if not path_components:
        return Page.route(page, request, path_components)

    def target():
        found = _target(page, path_components)
        if found is None:
            # A slug with no page at its level, below pages that do not route by themselves.
            raise Http404
        row, rest = found
        return Target(row.pk, row.specific_class._meta.label, tuple(rest))

    address = hashlib.blake2b("/".join(path_components).encode(), digest_size=16).hexdigest()
    found = layout_cache.cached(
        "route", [site.pk if site is not None else "", page.pk, address], target
    )
    model = apps.get_model(found.model)
    try:
        specific = page_rows.get_by_id(model, found.page_id)
    except model.DoesNotExist:
        raise Http404 from None
    return specific.route(request, list(found.rest))


# Finding the site and the home page in the visitor's language --------------------------
#
# Wagtail asks the database for both on every request (a site query with a CASE ranking,
# the active locale, the root page's translation, its specific row) before routing even
# starts. Both change only when editors change sites, locales or pages, so they are kept
# in the layout cache (cms.layout_cache) and handed to Wagtail through the attributes it
# memoises its own answers in: `request._wagtail_site` (Site.find_for_request) and
# `request._wagtail_route_for_request` (Page.route_for_request). Those two names are the
# Wagtail internals touched here; tests/cms/test_routing.py fails if Wagtail stops
# reading them.


def find_site(request):
    """Wagtail's Site.find_for_request, answered from the layout cache."""
    from wagtail.models import Site

    from cms import layout_cache

    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    try:
        host = request._get_raw_host()
        port = request.get_port()
    except Exception:  # a malformed Host header: Wagtail decides as usual
        return Site.find_for_request(request)
    site = layout_cache.cached("site", [host, port], lambda: Site._find_for_request(request))
    request._wagtail_site = site
    return site


def _localized_root(site, language):
    """The base row of the site's root page in `language` (Wagtail's `.localized`)."""
    from cms import layout_cache

    def compute():
        return site.root_page.localized

    return layout_cache.cached("site-root", [site.pk, language], compute)


def route_request(request, path):
    """Page.route_for_request with the site and its localized root from the cache; the page
    itself is found in two queries (route_down), the home page in one."""
    from django.utils import translation

    site = find_site(request)
    if site is None:
        return None
    root = _localized_root(site, translation.get_language() or "")
    components = [component for component in path.split("/") if component]
    try:
        if components and _routes_like_a_plain_page(root.specific_class):
            return route_down(root, request, components, site)
        model = root.specific_class
        specific = page_rows.get_by_id(model, root.pk) if model else root
        return specific.route(request, components)
    except (Http404, Page.DoesNotExist):
        return None


def serve(request, path):
    """Wagtail's serve view, routed by route_request."""
    from wagtail import views as wagtail_views

    request._wagtail_route_for_request = route_request(request, path)
    return wagtail_views.serve(request, path)
