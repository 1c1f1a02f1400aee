from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from staff.models import CaseworkSystem


class CaseworkSystemViewSet(SnippetViewSet):
    model = CaseworkSystem
    icon = "link-external"
    list_display = ["name_ka", "name_en", "url"]
    search_fields = ["name_ka", "name_en"]


register_snippet(CaseworkSystemViewSet)
