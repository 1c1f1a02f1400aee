from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.admin_ui import YesNoColumn
from cms.spreadsheets import SafeSpreadsheetExportMixin
from monitoring import views
from monitoring.models import Mention, Outlet, Topic


class MentionIndexView(SafeSpreadsheetExportMixin, IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        user = self.request.user
        if user.has_perm(views.ADD_PERMISSION):
            buttons.append(
                HeaderButton(
                    _("Quick entry"), url=reverse("monitoring_quick_entry"), icon_name="plus"
                )
            )
        if user.has_perm(views.REPORT_PERMISSION):
            buttons.append(
                HeaderButton(_("Reports"), url=reverse("monitoring_report"), icon_name="table")
            )
        return buttons


class MentionViewSet(SnippetViewSet):
    model = Mention
    icon = "openquote"
    index_view_class = MentionIndexView
    list_display = [
        "headline",
        "outlet",
        "published_on",
        "media_type",
        "topic",
        "tone",
        "press_release",
    ]
    list_filter = ["tone", "media_type", "outlet", "topic", "source"]
    search_fields = ["headline", "notes", "url"]
    list_export = [
        "published_on",
        "outlet",
        "media_type",
        "headline",
        "url",
        "topic",
        "tone",
        "reach",
        "press_release",
        "notes",
        "source",
    ]
    export_filename = "media-mentions"
    copy_view_enabled = False


class OutletViewSet(SnippetViewSet):
    model = Outlet
    icon = "globe"
    list_display = [
        "name",
        "media_type",
        "feed_url",
        "feed_checked_at",
        "feed_error",
        YesNoColumn("is_active", label=_("active")),
    ]
    list_filter = ["media_type", "is_active"]
    search_fields = ["name"]
    copy_view_enabled = False


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", YesNoColumn("is_active", label=_("active"))]
    copy_view_enabled = False


class MonitoringGroup(SnippetViewSetGroup):
    menu_label = _("Media monitoring")
    menu_icon = "openquote"
    menu_order = 280
    items = (MentionViewSet, OutletViewSet, TopicViewSet)


register_snippet(MonitoringGroup)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_monitoring_urls():
    return [
        path("monitoring/quick-entry/", views.quick_entry, name="monitoring_quick_entry"),
        path("monitoring/import/", views.run_import, name="monitoring_import"),
        path("monitoring/report/", views.report, name="monitoring_report"),
    ]


@hooks.register("register_reports_menu_item")
def monitoring_report_menu_item():
    return PermissionMenuItem(
        _("Media monitoring"),
        reverse("monitoring_report"),
        icon_name="openquote",
        permission=views.REPORT_PERMISSION,
    )
