from django.apps import apps
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.admin_ui import DashColumn, ReadableInspectView, YesNoColumn
from press import admin_views, advance_copy, translation, withdrawal
from press.force_publish import (
    FORCE_PUBLISH_PERMISSION,
    LOG_FORCE_PUBLISH,
    LOG_MARK_REVIEWED,
    PUBLISH_ACTION,
    REASON_FIELD,
    record_force_publication,
)
from press.models import ContactList, Delivery, MediaContact, Withdrawal


class MediaContactIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if admin_views.may_import_contacts(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import CSV"), url=reverse("press_import_contacts"), icon_name="upload"
                )
            )
        return buttons


class MediaContactViewSet(SnippetViewSet):
    model = MediaContact
    icon = "user"
    index_view_class = MediaContactIndexView
    list_display = [
        "name",
        "outlet",
        "email",
        "language",
        YesNoColumn("is_active", label=_("active")),
        YesNoColumn("receives_advance_copies", label=_("trusted for advance copies")),
    ]
    list_filter = ["language", "is_active", "lists"]
    search_fields = ["name", "outlet", "email"]
    # The columns press.contact_import reads back (headed by the fields' names).
    list_export = ["name", "outlet", "email", "language", "topics", "lists_for_export", "is_active"]
    export_headings = {"lists_for_export": _("lists")}


class ContactListViewSet(SnippetViewSet):
    model = ContactList
    icon = "list-ul"
    list_display = ["name", "description"]


class SendLogViewSet(SnippetViewSet):
    model = Delivery
    icon = "mail"
    menu_label = _("Send log")
    list_display = [
        "email",
        "distribution",
        "status",
        "attempts",
        DashColumn("sent_at", label=_("sent at")),
        DashColumn("error", label=_("error")),
    ]
    list_filter = ["status", "language"]
    list_export = ["email", "distribution", "status", "attempts", "sent_at", "error"]
    inspect_view_enabled = True
    inspect_view_class = ReadableInspectView


class PressOfficeGroup(SnippetViewSetGroup):
    menu_label = _("Press office")
    menu_icon = "mail"
    menu_order = 250
    items = (MediaContactViewSet, ContactListViewSet, SendLogViewSet)


register_snippet(PressOfficeGroup)


@hooks.register("register_admin_urls")
def register_press_urls():
    return [
        path("press/scheduled/", admin_views.scheduled_items, name="press_scheduled"),
        path(
            "press/mark-reviewed/<int:page_id>/",
            admin_views.mark_reviewed_view,
            name="press_mark_reviewed",
        ),
        path("press/withdraw/<int:page_id>/", admin_views.withdraw_view, name="press_withdraw"),
        path(
            "press/contacts/import/",
            admin_views.import_contacts_view,
            name="press_import_contacts",
        ),
        path(
            "press/advance-copy/<int:page_id>/",
            admin_views.advance_copy_view,
            name="press_advance_copy",
        ),
        path("press/unpublish/<int:page_id>/", admin_views.unpublish_view, name="press_unpublish"),
        path(
            "press/translation/<int:page_id>/submit/",
            translation.submit_translation_view,
            name="press_submit_translation",
        ),
    ]


@hooks.register("register_admin_urls", order=-1)
def guard_translation_sync():
    """Before wagtail-localize's own pattern for the same address (press.translation)."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            translation.GuardedUpdateTranslationsView.as_view(),
        )
    ]


def withdraw_buttons(page, user, view_name=None, next_url=None):
    """ "Withdraw" and "Unpublish and redirect" for a live news item or press release."""
    if isinstance(page.specific_deferred, apps.get_model("news", "NewsPage")) and (
        withdrawal.may_withdraw(user, page)
    ):
        if not Withdrawal.objects.filter(page_id=page.pk).exists():
            yield ListingButton(
                _("Withdraw"), reverse("press_withdraw", args=[page.pk]), priority=70
            )
        yield ListingButton(
            _("Unpublish and redirect"), reverse("press_unpublish", args=[page.pk]), priority=71
        )


def advance_copy_buttons(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, _press_release_model()) and advance_copy.may_send(
        user, page
    ):
        yield ListingButton(
            _("Send advance copy"), reverse("press_advance_copy", args=[page.pk]), priority=72
        )


hooks.register("register_page_header_buttons", advance_copy_buttons)
hooks.register("register_page_listing_more_buttons", advance_copy_buttons)
hooks.register("register_page_header_buttons", withdraw_buttons)
hooks.register("register_page_listing_more_buttons", withdraw_buttons)


@hooks.register("before_unpublish_page")
def news_is_unpublished_with_a_reason(request, page):
    """Wagtail's own Unpublish asks for no reason and leaves a dead address: news goes
    through "Unpublish and redirect" instead."""
    if isinstance(page.specific_deferred, apps.get_model("news", "NewsPage")):
        return redirect("press_unpublish", page.pk)
    return None


hooks.register("register_page_header_buttons", translation.submit_translation_buttons)
hooks.register("register_page_listing_more_buttons", translation.submit_translation_buttons)


class ScheduledMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_scheduled(request.user)


@hooks.register("register_admin_menu_item")
def scheduled_menu_item():
    return ScheduledMenuItem(
        _("Scheduled and embargoed"),
        reverse("press_scheduled"),
        icon_name="time",
        order=260,
    )


def _press_release_model():
    return apps.get_model("news", "PressReleasePage")


def _is_press_release_view(context, request):
    page = context.get("page")
    if page is not None:
        return isinstance(page, _press_release_model())
    match = request.resolver_match
    kwargs = match.kwargs if match else {}
    return (kwargs.get("content_type_app_name"), kwargs.get("content_type_model_name")) == (
        "news",
        "pressreleasepage",
    )


class PublishWithoutReviewMenuItem(PublishMenuItem):
    label = _("Publish without review")


@hooks.register("construct_page_action_menu")
def publish_press_release_only_with_reason(menu_items, request, context):
    """On a press release, Publish skips the review workflow: it is offered as "publish
    without review" to those who may do that (the form asks them for the reason), and
    not at all to anyone else."""
    if not _is_press_release_view(context, request):
        return
    for index, item in enumerate(menu_items):
        if isinstance(item, PublishMenuItem) and not isinstance(item, PublishWithoutReviewMenuItem):
            if request.user.has_perm(FORCE_PUBLISH_PERMISSION):
                menu_items[index] = PublishWithoutReviewMenuItem(order=item.order)
            else:
                del menu_items[index]
            return


@hooks.register("after_publish_page")
def record_publication_without_review(request, page):
    if not isinstance(page.specific, _press_release_model()):
        return
    reason = request.POST.get(REASON_FIELD, "").strip()
    # The form has refused a publication without a reason or without the permission.
    if request.POST.get(PUBLISH_ACTION) and reason:
        record_force_publication(page, request.user, reason)


@hooks.register("before_bulk_action")
def refuse_bulk_publication_of_press_releases(request, action_type, objects, action):
    if action_type != "publish":
        return None
    if any(isinstance(getattr(obj, "specific", obj), _press_release_model()) for obj in objects):
        messages.error(
            request,
            gettext(
                "Press releases are not published in bulk: each goes through the review "
                "workflow, or is published from its own edit view with a reason."
            ),
        )
        return redirect(request.GET.get("next") or reverse("wagtailadmin_explore_root"))
    return None


@hooks.register("register_log_actions")
def register_press_log_actions(actions):
    @actions.register_action(LOG_FORCE_PUBLISH)
    class ForcePublishFormatter(LogFormatter):
        label = _("Publish without review")

        def format_message(self, log_entry):
            return _("Published without review. Reason: %(reason)s") % {
                "reason": log_entry.data.get("reason", "")
            }

    @actions.register_action(advance_copy.LOG_ADVANCE_COPY)
    class AdvanceCopyFormatter(LogFormatter):
        label = _("Send advance copy")

        def format_message(self, log_entry):
            return _("Advance copy under embargo sent to %(count)s contacts") % {
                "count": log_entry.data.get("recipients", 0)
            }

    @actions.register_action(withdrawal.LOG_WITHDRAW)
    class WithdrawFormatter(LogFormatter):
        label = _("Withdraw")

        def format_message(self, log_entry):
            return _("Withdrawn. Public explanation: %(explanation)s") % {
                "explanation": log_entry.data.get("explanation", "")
            }

    @actions.register_action(withdrawal.LOG_UNPUBLISH)
    class UnpublishFormatter(LogFormatter):
        label = _("Unpublish and redirect")

        def format_message(self, log_entry):
            return _("Unpublished; its address leads to “%(target)s”. Reason: %(reason)s") % {
                "target": (log_entry.data.get("redirect_to") or {}).get("title", ""),
                "reason": log_entry.data.get("reason", ""),
            }

    actions.register_action(
        LOG_MARK_REVIEWED,
        _("Mark as reviewed"),
        _("Reviewed after publication without review"),
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_release_submitted_without_media_contact(request, page):
    """Submission stays possible, as on GOV.UK; the warning follows the release into review."""
    page = page.specific
    if (
        request.POST.get("action-submit")
        and isinstance(page, _press_release_model())
        and not page.has_media_contact
    ):
        messages.warning(
            request,
            gettext(
                "“%(title)s” was submitted without a media contact: journalists will not "
                "know whom to ask."
            )
            % {"title": page.get_admin_display_title()},
        )
