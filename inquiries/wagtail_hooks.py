import django_filters
from django.contrib import messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.log_actions import LogFormatter, log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from cms.admin_ui import ReadableInspectView, YesNoColumn
from cms.spreadsheets import SafeSpreadsheetExportMixin
from inquiries import views
from inquiries.anonymise import LOG_ANONYMISE
from inquiries.forms import InquiryAdminForm
from inquiries.models import Inquiry, RequestType
from inquiries.replies import LOG_REPLY, send_reply

LOG_EXPORT = "inquiries.export"


class InquiryFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = Inquiry
        fields = ["status", "request_type", "outcome", "channel", "language", "assignee", "year"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Inquiry.objects.overdue()
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class DueColumn(Column):
    def get_value(self, instance):
        if instance.due_date is None:
            return ""
        from django.utils.formats import date_format

        text = date_format(instance.due_date, "SHORT_DATE_FORMAT")
        if instance.is_overdue:
            return format_html("{} — <strong>{}</strong>", text, _("overdue"))
        return text


class InquiryIndexView(SafeSpreadsheetExportMixin, IndexView):
    def as_spreadsheet(self, queryset, spreadsheet_format):
        """An export of personal data: each exported request's history says who took it."""
        rows = list(queryset)
        for inquiry in rows:
            log(inquiry, LOG_EXPORT, user=self.request.user, data={"format": spreadsheet_format})
        return super().as_spreadsheet(rows, spreadsheet_format)

    @property
    def header_buttons(self):
        from wagtail.admin.widgets import HeaderButton

        buttons = list(super().header_buttons)
        if self.request.user.has_perm(views.STATISTICS_PERMISSION):
            buttons.append(
                HeaderButton(
                    _("Statistics"), url=reverse("inquiries_statistics"), icon_name="table"
                )
            )
        return buttons


class InquiryViewSet(SnippetViewSet):
    model = Inquiry
    edit_handler = ObjectList(Inquiry.panels, base_form_class=InquiryAdminForm)
    icon = "help"
    menu_label = _("Requests")
    index_view_class = InquiryIndexView
    filterset_class = InquiryFilterSet
    list_display = [
        "reference",
        "request_type",
        DateColumn("received_at", label=_("received at")),
        DueColumn("due_date", label=_("answer due")),
        "status",
        "assignee",
        "outcome",
    ]
    search_fields = ["reference", "name", "email", "phone", "message"]
    list_export = [
        "reference",
        "request_type",
        "channel",
        "language",
        "name",
        "email",
        "phone",
        "address",
        "message",
        "received_at",
        "due_date",
        "status",
        "outcome",
        "closed_at",
    ]
    export_filename = "citizens-requests"
    ordering = ["status", "due_date"]
    inspect_view_enabled = True
    inspect_view_class = ReadableInspectView
    copy_view_enabled = False


class RequestTypeViewSet(SnippetViewSet):
    model = RequestType
    icon = "list-ul"
    list_display = [
        "name_ka",
        "name_en",
        "kind",
        "deadline_days",
        YesNoColumn("working_days", label=_("count working days")),
        "legal_basis",
        YesNoColumn("is_active", label=_("offered on the form")),
    ]
    copy_view_enabled = False


class InquiriesGroup(SnippetViewSetGroup):
    menu_label = _("Citizens' requests")
    menu_icon = "help"
    menu_order = 275
    items = (InquiryViewSet, RequestTypeViewSet)


register_snippet(InquiriesGroup)


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.STATISTICS_PERMISSION)


@hooks.register("register_admin_urls")
def register_inquiry_urls():
    return [path("inquiries/statistics/", views.statistics, name="inquiries_statistics")]


@hooks.register("register_reports_menu_item")
def statistics_menu_item():
    return StatisticsMenuItem(
        _("Citizens' requests: statistics"), reverse("inquiries_statistics"), icon_name="table"
    )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def send_pending_reply(request, instance):
    text = getattr(instance, "_pending_reply", None)
    if not isinstance(instance, Inquiry) or not text:
        return
    reply = send_reply(instance, text, request.user)
    if reply.delivered:
        messages.success(
            request,
            gettext("The reply was sent to %(email)s.") % {"email": instance.email},
        )
    else:
        messages.error(
            request,
            gettext("The reply was saved but the mail server refused it: try again later."),
        )


@hooks.register("register_log_actions")
def register_inquiry_log_actions(actions):
    @actions.register_action(LOG_REPLY)
    class ReplyFormatter(LogFormatter):
        label = _("Reply sent")

        def format_message(self, log_entry):
            if log_entry.data.get("delivered"):
                return _("Reply sent to the citizen by e-mail")
            return _("Reply saved; the mail server refused it")

    actions.register_action(LOG_EXPORT, _("Personal data exported"), _("Exported in a spreadsheet"))
    actions.register_action(LOG_ANONYMISE, _("Anonymised"), _("Personal data erased"))
