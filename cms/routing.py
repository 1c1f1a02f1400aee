"""Finding the page for an address in two queries, whatever its depth.

Wagtail's Page.route walks down one level at a time and pays two queries a level (the child
by its slug, then its specific row). Here one query fetches the rows of every level at
once and a second the specific row of the page found; the result is what Wagtail's walk
would give, because each level is still looked up by slug below its parent, and a page on
the way that routes by itself (RoutablePageMixin: feeds, calendars) is handed the rest of
the address just as Wagtail would hand it.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page

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


def route_down(page, request, path_components):
    if not path_components:
        return Page.route(page, request, path_components)
    chain = _chain(page, path_components)
    for level, row in enumerate(chain):
        is_last = level == len(path_components) - 1
        if is_last or not _routes_like_a_plain_page(row.specific_class):
            specific = row.specific
            return specific.route(request, path_components[level + 1 :])
    # A slug with no page at its level, below pages that do not route by themselves.
    raise Http404
