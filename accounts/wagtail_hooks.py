"""The admin side of log-in security: the log-in events in Wagtail's audit log, and the list
of locked-out log-ins, where deleting an entry unlocks it (accounts/login_security.py)."""

from axes.models import AccessAttempt
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from accounts import login_security, two_factor


@hooks.register("register_log_actions")
def register_login_actions(actions):
    actions.register_action(login_security.LOGIN_SUCCEEDED, _("Log in"), _("Logged in"))
    actions.register_action(
        login_security.LOGIN_FAILED, _("Failed log-in"), _("Log-in failed: wrong password")
    )
    actions.register_action(
        login_security.LOCKED_OUT, _("Log-in lockout"), _("Locked out after failed log-ins")
    )


class LockedLoginViewSet(ModelViewSet):
    """Failed log-ins by user name and address; deleting one unlocks that pair."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Locked log-ins")
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = []
    search_fields = ["username", "ip_address"]
    form_fields = ["username"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_add_url(self):  # attempts are recorded, never added by hand
        return None


@hooks.register("register_admin_viewset")
def register_locked_logins():
    return LockedLoginViewSet("locked_logins")


@hooks.register("register_log_actions")
def register_two_factor_actions(actions):
    actions.register_action(
        two_factor.ENROLLED, _("Two-step log-in set up"), _("Two-step log-in set up")
    )
    actions.register_action(
        two_factor.VERIFIED, _("Two-step log-in"), _("Second step of the log-in passed")
    )
    actions.register_action(
        two_factor.FAILED, _("Wrong two-step code"), _("Wrong code at the second step")
    )


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", two_factor.setup, name="two_factor_setup"),
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-step log-in"),
        "help_text": _("Set up an authenticator app (a new set-up replaces the old one)."),
    }
