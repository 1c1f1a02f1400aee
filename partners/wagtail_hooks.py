from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms.admin_ui import YesNoColumn
from cms.spreadsheets import SafeSpreadsheetExportMixin
from partners.models import Partner


class PartnerIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_order = 285
    add_to_admin_menu = True
    index_view_class = PartnerIndexView
    list_display = [
        "name_ka",
        "name_en",
        "kind",
        "website",
        "contact_name",
        YesNoColumn("is_active", label=_("active")),
    ]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_ka", "name_en", "description_ka", "description_en", "contact_name"]
    list_export = [
        "name_ka",
        "name_en",
        "kind",
        "website",
        "contact_name",
        "contact_position",
        "contact_email",
        "contact_phone",
        "news_tag",
        "is_active",
    ]
    export_filename = "partners"
    copy_view_enabled = False


register_snippet(PartnerViewSet)
