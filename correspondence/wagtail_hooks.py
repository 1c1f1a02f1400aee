import django_filters
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import LogFormatter, log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from cms import private_files
from cms.admin_ui import ReadableInspectView, YesNoColumn
from cms.spreadsheets import SafeSpreadsheetExportMixin
from correspondence.forms import CorrespondenceItemForm
from correspondence.models import Attachment, CorrespondenceItem, Unit

LOG_STATUS = "correspondence.status"
LOG_DOWNLOAD = "correspondence.download"
VIEW_PERMISSION = "correspondence.view_correspondenceitem"


class ItemFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = CorrespondenceItem
        fields = ["status", "channel", "unit", "assignee", "year"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = CorrespondenceItem.objects.overdue()
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class StatusColumn(Column):
    def get_value(self, instance):
        label = instance.get_status_display()
        if instance.is_overdue:
            return format_html("{} — <strong>{}</strong>", label, _("overdue"))
        return label


class ItemIndexView(SafeSpreadsheetExportMixin, IndexView):
    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Overdue"),
                url=reverse(self.index_url_name) + "?overdue=true",
                icon_name="warning",
            ),
        ]


class CorrespondenceItemViewSet(SnippetViewSet):
    model = CorrespondenceItem
    edit_handler = ObjectList(CorrespondenceItem.panels, base_form_class=CorrespondenceItemForm)
    icon = "mail"
    menu_label = _("Register")
    index_view_class = ItemIndexView
    filterset_class = ItemFilterSet
    list_display = [
        "number",
        DateColumn("received_at", label=_("received at")),
        Column("sender", label=_("sender")),
        "subject",
        "unit",
        "assignee",
        DateColumn("due_date", label=_("reply due")),
        StatusColumn("status", label=_("status")),
    ]
    search_fields = [
        "number",
        "subject",
        "summary",
        "sender_name",
        "sender_organisation",
        "sender_reference",
    ]
    list_export = [
        "number",
        "received_at",
        "channel",
        "sender_name",
        "sender_organisation",
        "sender_reference",
        "subject",
        "unit",
        "assignee",
        "due_date",
        "status",
        "approved_at",
        "sent_at",
    ]
    export_headings = {"channel": _("channel"), "status": _("status")}
    export_filename = "correspondence"
    ordering = ["-year", "-sequence"]
    inspect_view_enabled = True
    inspect_view_class = ReadableInspectView
    copy_view_enabled = False


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    list_display = ["name", YesNoColumn("is_active", label=_("active"))]
    copy_view_enabled = False


class CorrespondenceGroup(SnippetViewSetGroup):
    menu_label = _("Correspondence")
    menu_icon = "mail"
    menu_order = 270
    items = (CorrespondenceItemViewSet, UnitViewSet)


register_snippet(CorrespondenceGroup)


def log_download(request, name):
    """Who read which of the register's files, in the item's history."""
    attachment = Attachment.objects.filter(file=name).select_related("item").first()
    item = (
        attachment.item
        if attachment
        else CorrespondenceItem.objects.filter(reply_document=name).first()
    )
    if item is not None:
        log(item, LOG_DOWNLOAD, user=request.user, data={"file": name.rsplit("/", 1)[-1]})


private_files.register_folder("correspondence", VIEW_PERMISSION, log_download)


@hooks.register("register_admin_urls")
def register_private_file_url():
    # One view for every app's private files (cms.private_files); registered here, by the
    # first app that keeps such files.
    return [path("private-files/<path:name>", private_files.serve, name="private_file")]


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def log_status_change(request, instance):
    change = getattr(instance, "_status_change", None)
    if isinstance(instance, CorrespondenceItem) and change:
        log(instance, LOG_STATUS, user=request.user, data={"from": change[0], "to": change[1]})


@hooks.register("register_log_actions")
def register_correspondence_log_actions(actions):
    @actions.register_action(LOG_STATUS)
    class StatusFormatter(LogFormatter):
        label = _("Change of status")

        def format_message(self, log_entry):
            labels = dict(CorrespondenceItem.Status.choices)
            return _("Status: %(old)s → %(new)s") % {
                "old": labels.get(log_entry.data.get("from"), ""),
                "new": labels.get(log_entry.data.get("to"), ""),
            }

    @actions.register_action(LOG_DOWNLOAD)
    class DownloadFormatter(LogFormatter):
        label = _("File downloaded")

        def format_message(self, log_entry):
            return _("Downloaded: %(file)s") % {"file": log_entry.data.get("file", "")}
