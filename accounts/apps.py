from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from accounts import login_security

        user_logged_in.connect(login_security.on_logged_in, dispatch_uid="ssa_login_audit")
        user_login_failed.connect(login_security.on_login_failed, dispatch_uid="ssa_fail_audit")
        user_locked_out.connect(login_security.on_locked_out, dispatch_uid="ssa_lockout_audit")
