"""The Wagtail hooks through which apps above the core serve every page type: the core
names them and calls them, and never imports the apps that register them.

- PAGE_EDITOR_TAB: a function returning a panel (ObjectList), shown as the last tab of
  every page type's editor (analytics: the page's views).
- PUBLIC_PAGE_CHECK: a function of a page that raises ValidationError when a public page
  may not be saved as it is (media_archive: no internal or unconsented archive items).
- SEARCH_TERMS: a function of an object (page or archive item) returning the extra text
  its ANALYSED_FIELD gives the search index (search: the Georgian stems of its text).
- SEARCH_TITLE_KEYS: a function of a page returning what its TITLE_KEYS_FIELD gives the
  search index's completion (search: its title's words in Latin letters, so that "pens"
  completes to პენსია).
"""

from wagtail import hooks

PAGE_EDITOR_TAB = "register_page_editor_tab"
PUBLIC_PAGE_CHECK = "check_public_page"
SEARCH_TERMS = "analyse_search_terms"
SEARCH_TITLE_KEYS = "analyse_search_title_keys"

# The search field that carries SEARCH_TERMS' text, on pages and archive items alike.
ANALYSED_FIELD = "search_analysed_terms"
# The autocomplete field that carries SEARCH_TITLE_KEYS' text, on pages.
TITLE_KEYS_FIELD = "search_title_keys"


def search_terms(obj) -> str:
    return " ".join(analyse(obj) for analyse in hooks.get_hooks(SEARCH_TERMS))


def search_title_keys(page) -> str:
    return " ".join(keys(page) for keys in hooks.get_hooks(SEARCH_TITLE_KEYS))


def check_public_page(page) -> None:
    for check in hooks.get_hooks(PUBLIC_PAGE_CHECK):
        check(page)
