"""The links of a menu as one visitor may see them.

A menu link to a page appears only while that page is live and visible to the visitor:
a page under a private section (the staff pages) never shows to anonymous visitors,
whatever an editor puts in a menu.

What anonymous visitors see is kept in the layout cache per site, menu and language
(cms.layout_cache: a new version whenever a page, a menu or a privacy setting changes);
a logged-in visitor's menu may hold private pages their groups let them see, so it is
worked out afresh for each of their requests and never cached.
"""

from dataclasses import dataclass

from wagtail.models import Page, Site

from cms import layout_cache
from cms.i18n import active_locale
from navigation.models import Menu


@dataclass(frozen=True)
class MenuLink:
    text: str
    url: str
    # "page" for the page being shown, "true" for a section that contains it, else "".
    aria_current: str = ""


@dataclass(frozen=True)
class MenuEntry:
    """A menu link before the current page is known: what the cache holds."""

    text: str
    url: str
    page_id: int | None = None
    page_path: str = ""


def _is_anonymous(request):
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _visible_pages(request, pages):
    """`pages` keyed by id, without those the visitor may not view."""
    if not pages:
        return {}
    visible = {page.pk: page for page in layout_cache.public_pages(pages)}
    if not _is_anonymous(request):
        # Private pages appear to those their restrictions let in (staff, for the staff section).
        for page in pages:
            if page.pk not in visible and page.live:
                restrictions = page.get_view_restrictions()
                if all(restriction.accept_request(request) for restriction in restrictions):
                    visible[page.pk] = page
    return visible


def _localized(pages, locale):
    """Each page in `locale` where a live translation exists (a menu copied from another
    language may still point at the original's pages)."""
    foreign = [page for page in pages if page.locale_id != locale.pk]
    if not foreign:
        return pages
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale=locale, translation_key__in=[page.translation_key for page in foreign]
        )
    }
    return [
        page if page.locale_id == locale.pk else translations.get(page.translation_key, page)
        for page in pages
    ]


def _aria_current(entry, current_page, home):
    if current_page is None or entry.page_id is None:
        return ""
    if entry.page_id == current_page.pk:
        return "page"
    is_section = home is None or entry.page_id != home.pk
    if is_section and current_page.path.startswith(entry.page_path):
        return "true"
    return ""


def _links(entries, current_page, home):
    return [
        MenuLink(entry.text, entry.url, _aria_current(entry, current_page, home))
        for entry in entries
    ]


def _for_visitor(request, name, parts, compute):
    if not _is_anonymous(request):
        return compute()
    site = Site.find_for_request(request)
    return layout_cache.cached(name, [site.pk if site else "", *parts], compute)


def _menu_entries(request, slot, locale):
    menu = Menu.objects.filter(slot=slot, locale_id=locale.pk).first()
    if menu is None:
        return None
    items = list(menu.items.select_related("link_page").order_by("sort_order"))
    linked = _localized([item.link_page for item in items if item.link_page], locale)
    by_original = dict(
        zip([item.link_page_id for item in items if item.link_page], linked, strict=True)
    )
    visible = _visible_pages(request, list(by_original.values()))
    entries = []
    for item in items:
        if item.link_url:
            entries.append(MenuEntry(item.link_text, item.link_url))
            continue
        page = by_original.get(item.link_page_id)
        if page is None or page.pk not in visible:
            continue
        entries.append(
            MenuEntry(item.link_text or page.title, page.get_url(request), page.pk, page.path)
        )
    return entries


def menu_links(request, slot, current_page=None, home=None):
    """MenuLinks of the `slot` menu in the active language, or None when no such menu has
    been made (the caller then decides on a fallback)."""
    locale = active_locale()
    entries = _for_visitor(
        request, "menu", [slot, locale.pk], lambda: _menu_entries(request, slot, locale)
    )
    return None if entries is None else _links(entries, current_page, home)


def _fallback_entries(request, home):
    pages = (
        Page.objects.child_of(Page(path=home.path, depth=home.depth))
        .live()
        .in_menu()
        .order_by("path")
    )
    visible = _visible_pages(request, list(pages))
    return [
        MenuEntry(page.title, page.get_url(request), page.pk, page.path)
        for page in pages
        if page.pk in visible
    ]


def fallback_main_links(request, home, current_page=None):
    """Without a main menu in this language: the home page's live public children that are
    marked "show in menus"."""
    if home is None:
        return []
    entries = _for_visitor(
        request, "fallback-menu", [home.pk], lambda: _fallback_entries(request, home)
    )
    return _links(entries, current_page, home)
