"""Log-in throttling and the audit trail of log-ins.

- django-axes counts failed log-ins on every form that authenticates (Wagtail's admin log-in,
  the staff section's log-in page) by user name *and* address together: after
  AXES_FAILURE_LIMIT failures that pair is locked out for AXES_COOLOFF_TIME, with a page in
  the visitor's language (``lockout``); an administrator unlocks it in the admin (Settings →
  Locked log-ins, accounts/wagtail_hooks.py). One address cannot lock another out, and a
  user can still log in from the office while someone guesses from elsewhere.
- Password reset requests are limited per address (``throttle_password_reset``): a reset
  sends e-mail, so an unthrottled form is a way to flood anyone's inbox.
- Log-in success, failure and lockout go to Wagtail's audit log (Reports → Site history)
  against the user's account, when the name belongs to one.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

LOGIN_SUCCEEDED = "ssa.login"
LOGIN_FAILED = "ssa.login_failed"
LOCKED_OUT = "ssa.locked_out"


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the last entry of the header the reverse
    proxy sets (CLIENT_IP_HEADER, e.g. HTTP_X_FORWARDED_FOR) when one is configured."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def lockout(request, credentials, *args, **kwargs):
    """AXES_LOCKOUT_CALLABLE: the page a locked-out visitor sees, in their language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes},
        status=429,
    )


def _user_named(username):
    if not username:
        return None
    model = get_user_model()
    return model._default_manager.filter(**{model.USERNAME_FIELD: username}).first()


def _log(action, user, data=None):
    from wagtail.log_actions import log

    # request.user is a lazy wrapper, whose type Wagtail's log registry does not know.
    user.pk  # noqa: B018 - evaluates the wrapper
    user = getattr(user, "_wrapped", user)
    try:
        log(instance=user, action=action, user=user, data=data or {})
    except Exception:  # noqa: BLE001 - an audit entry must never stop a log-in
        logger.warning("Could not write the audit log entry %s", action, exc_info=True)


def on_logged_in(sender, request, user, **kwargs):
    _log(LOGIN_SUCCEEDED, user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    user = _user_named(credentials.get("username"))
    if user is not None:
        _log(LOGIN_FAILED, user)


def on_locked_out(sender, request, username, ip_address, **kwargs):
    logger.warning("Log-in locked out after repeated failures (user %r)", username)
    user = _user_named(username)
    if user is not None:
        _log(LOCKED_OUT, user)


RESET_PATHS = ("/admin/password_reset/",)


class PasswordResetThrottleMiddleware:
    """At most PASSWORD_RESET_LIMIT reset requests an hour from one address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info.startswith(RESET_PATHS):
            key = "password-reset:" + client_ip(request)
            cache.add(key, 0, 60 * 60)
            try:
                count = cache.incr(key)
            except ValueError:  # expired meanwhile, or the cache is down: let it through
                count = 1
            if count > settings.PASSWORD_RESET_LIMIT:
                return render(
                    request,
                    "accounts/locked_out.html",
                    {"minutes": 60, "message": _("Too many password reset requests.")},
                    status=429,
                )
        return self.get_response(request)
