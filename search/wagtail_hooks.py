from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.hooks import SEARCH_TERMS, SEARCH_TITLE_KEYS
from search import text
from search.models import PageTypeSearchWeight, SearchSynonym

# Georgian stems of every page's and archive item's text, in the index beside the text.
hooks.register(SEARCH_TERMS, text.analysed_terms)
# Titles' words in Latin letters for completion: "pens" → პენსია.
hooks.register(SEARCH_TITLE_KEYS, text.page_title_keys)


class SearchSynonymViewSet(SnippetViewSet):
    """Editors say which words search treats as one ("pensia, პენსია", "SSA, სააგენტო")."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    list_display = ["terms"]
    search_fields = ["terms"]


register_snippet(SearchSynonymViewSet)


class PageTypeSearchWeightViewSet(SnippetViewSet):
    """Editors say which page types come first in search for the same words."""

    model = PageTypeSearchWeight
    icon = "order"
    menu_label = _("Search weights")
    menu_name = "search-weights"
    add_to_settings_menu = True
    list_display = ["content_type", "weight"]


register_snippet(PageTypeSearchWeightViewSet)
