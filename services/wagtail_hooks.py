from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from services.models import Audience


class AudienceViewSet(SnippetViewSet):
    """The audiences taxonomy: editors add, rename and translate "who it is for" terms."""

    model = Audience
    icon = "group"
    menu_label = _("Service audiences")
    menu_name = "service-audiences"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(AudienceViewSet)
