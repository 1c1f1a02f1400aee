from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from press import admin_views
from press.models import ContactList, Delivery, MediaContact


class MediaContactViewSet(SnippetViewSet):
    model = MediaContact
    icon = "user"
    list_display = ["name", "outlet", "email", "language", "is_active"]
    list_filter = ["language", "is_active", "lists"]
    search_fields = ["name", "outlet", "email"]
    list_export = ["name", "outlet", "email", "language", "topics", "is_active"]


class ContactListViewSet(SnippetViewSet):
    model = ContactList
    icon = "list-ul"
    list_display = ["name", "description"]


class SendLogViewSet(SnippetViewSet):
    model = Delivery
    icon = "mail"
    menu_label = _("Send log")
    list_display = ["email", "distribution", "status", "attempts", "sent_at", "error"]
    list_filter = ["status", "language"]
    list_export = ["email", "distribution", "status", "attempts", "sent_at", "error"]
    inspect_view_enabled = True


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
    ]


@hooks.register("register_admin_menu_item")
def scheduled_menu_item():
    return MenuItem(
        _("Scheduled and embargoed"),
        reverse("press_scheduled"),
        icon_name="time",
        order=260,
    )
