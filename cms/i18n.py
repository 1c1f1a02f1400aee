"""Which page a visitor reaches when they switch language."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import translation
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale, Page, Site

from cms import layout_cache


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # True when the link leads to a translation of this very page (an hreflang pair),
    # False when it falls back to a translated ancestor or to the home page.
    is_exact: bool


def locale_ids():
    """{language code: Locale id} of the site's locales (cached: they hardly ever change)."""
    return layout_cache.cached(
        "locales", [], lambda: dict(Locale.objects.values_list("language_code", "pk"))
    )


def active_locale():
    """Wagtail's Locale.get_active() without its query on every call."""
    ids = locale_ids()
    try:
        code = get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        code = settings.LANGUAGE_CODE
    if code not in ids:
        code = settings.LANGUAGE_CODE
    if code not in ids:
        return Locale.get_active()
    return Locale.from_db("default", ["id", "language_code"], [ids[code], code])


def _ancestor_paths(page):
    """Paths of the page and its ancestors below the tree root, computed from its own path."""
    step = page.steplen
    return [page.path[:end] for end in range(2 * step, len(page.path) + 1, step)]


def nearest_translations(page, locale_ids):
    """{locale id: (page, is_exact)}: the live public translation of `page` in each locale,
    else of its nearest translated ancestor. One query, whatever the depth."""
    lineage = Page.objects.filter(path__in=_ancestor_paths(page))
    candidates = (
        Page.objects.live()
        .filter(locale_id__in=locale_ids, translation_key__in=lineage.values("translation_key"))
        .annotate(
            ancestor_depth=Subquery(
                lineage.filter(translation_key=OuterRef("translation_key")).values("depth")[:1]
            )
        )
        .only("id", "path", "url_path", "translation_key", "locale_id", "depth")
    )
    private = layout_cache.private_paths()
    nearest = {}
    for candidate in candidates:
        if layout_cache.is_under(candidate.path, private):
            continue
        best = nearest.get(candidate.locale_id)
        if best is None or candidate.ancestor_depth > best.ancestor_depth:
            nearest[candidate.locale_id] = candidate
    return {
        locale_id: (target, target.ancestor_depth == page.depth)
        for locale_id, target in nearest.items()
    }


def _link_targets(request, page):
    """{code: (url, is_exact)} for every site language."""
    ids = locale_ids()
    found = nearest_translations(page, list(ids.values()))
    targets = {}
    for code, locale_id in ids.items():
        if locale_id in found:
            target, is_exact = found[locale_id]
            targets[code] = (target.get_url(request), is_exact)
    return targets


def language_links(request, page=None, current_language=None):
    targets = {}
    # (The preview of a page not yet saved has no translations.)
    if page is not None and page.pk is not None:
        site = Site.find_for_request(request)
        targets = layout_cache.cached(
            "language-links",
            [site.pk if site else "", page.pk],
            lambda: _link_targets(request, page),
        )
    links = []
    for code, name in settings.LANGUAGES:
        url, is_exact = targets.get(code, (f"/{code}/", False))
        links.append(LanguageLink(code, name, url, code == current_language, is_exact))
    return links
