from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.hooks import SEARCH_TERMS
from search import text
from search.models import SearchSynonym

# Georgian stems of every page's and archive item's text, in the index beside the text.
hooks.register(SEARCH_TERMS, text.analysed_terms)


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
