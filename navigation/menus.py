"""The links of a menu as one visitor may see them.

A menu link to a page appears only while that page is live and visible to the visitor:
a page under a private section (the staff pages) never shows to anonymous visitors,
whatever an editor puts in a menu.
"""

from dataclasses import dataclass

from wagtail.models import Locale, Page

from navigation.models import Menu


@dataclass(frozen=True)
class MenuLink:
    text: str
    url: str
    # "page" for the page being shown, "true" for a section that contains it, else "".
    aria_current: str = ""


def _visible_pages(request, pages):
    """`pages` keyed by id, without those the visitor may not view."""
    if not pages:
        return {}
    ids = [page.pk for page in pages]
    public_ids = set(Page.objects.filter(pk__in=ids).live().public().values_list("pk", flat=True))
    visible = {page.pk: page for page in pages if page.pk in public_ids}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # Private pages appear to those their restrictions let in (staff, for the staff section).
        for page in pages:
            if page.pk not in public_ids and page.live:
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


def _aria_current(target, current_page, home):
    if current_page is None:
        return ""
    if target.pk == current_page.pk:
        return "page"
    is_section = home is None or target.pk != home.pk
    if is_section and current_page.path.startswith(target.path):
        return "true"
    return ""


def menu_links(request, slot, current_page=None, home=None):
    """MenuLinks of the `slot` menu in the active language, or None when no such menu has
    been made (the caller then decides on a fallback)."""
    locale = Locale.get_active()
    menu = Menu.objects.filter(slot=slot, locale=locale).first()
    if menu is None:
        return None
    items = list(menu.items.select_related("link_page").order_by("sort_order"))
    linked = _localized([item.link_page for item in items if item.link_page], locale)
    by_original = dict(
        zip([item.link_page_id for item in items if item.link_page], linked, strict=True)
    )
    visible = _visible_pages(request, list(by_original.values()))
    links = []
    for item in items:
        if item.link_url:
            links.append(MenuLink(item.link_text, item.link_url))
            continue
        page = by_original.get(item.link_page_id)
        if page is None or page.pk not in visible:
            continue
        links.append(
            MenuLink(
                item.link_text or page.title,
                page.get_url(request),
                _aria_current(page, current_page, home),
            )
        )
    return links


def fallback_main_links(request, home, current_page=None):
    """Without a main menu in this language: the home page's live public children that are
    marked "show in menus"."""
    if home is None:
        return []
    pages = home.get_children().live().public().in_menu()
    return [
        MenuLink(page.title, page.get_url(request), _aria_current(page, current_page, home))
        for page in pages
    ]
