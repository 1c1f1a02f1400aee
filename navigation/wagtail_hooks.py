from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from navigation.models import Menu


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "locale"]
    list_filter = ["slot", "locale"]


register_snippet(MenuViewSet)
