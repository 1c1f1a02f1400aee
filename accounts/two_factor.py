"""Two-factor log-in to the admin: TOTP (an authenticator app) with one-time recovery codes,
through django-otp (its TOTP and static-token devices, its per-device throttling of wrong
codes). Wagtail's own log-in form stays as it is; the second step follows it:

- Required for superusers and every group that can publish pages or approves in a workflow
  (``requires_two_factor``): until they have enrolled, every admin page sends them to
  enrolment; optional for everyone else, who may enrol from the same page.
- Whoever has enrolled is asked for a code (or a recovery code) after each log-in before any
  admin page opens.
- Enrolment, verification and their failures go to Wagtail's audit log.
"""

import io
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.login_security import _log

ENROLLED = "ssa.2fa_enrolled"
VERIFIED = "ssa.2fa_verified"
FAILED = "ssa.2fa_failed"
RECOVERY_CODES = 10
# Admin pages reachable before the second step: the steps themselves, logging out, and the
# files they need. The icon sprite among them: the admin's script fetches it and puts what it
# gets into the page, so a redirect to the enrolment page would put a second enrolment form
# (with its own code field) into the one the user is typing in, and leave no icons.
OPEN_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/two-factor/",
    "/admin/jsi18n/",
    "/admin/sprite/",
)


def requires_two_factor(user):
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    if user.is_superuser:
        return True
    return (
        Group.objects.filter(user=user)
        .filter(
            Q(page_permissions__permission__codename="publish_page")
            | Q(groupapprovaltask__active=True)
        )
        .exists()
    )


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: the second step before any admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if (
            path.startswith("/admin/")
            and not path.startswith(OPEN_PATHS)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
        ):
            query = urlencode({"next": request.get_full_path()})
            if user_has_device(user):
                return redirect(reverse("two_factor_verify") + "?" + query)
            if requires_two_factor(user):
                return redirect(reverse("two_factor_setup") + "?" + query)
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next(request):
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _qr_svg(url):
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=5, xmldecl=False, svgns=True)
    return buffer.getvalue().decode()


def setup(request):
    """Enrolment: a new key as a QR code and as text, confirmed by a first code; then the
    recovery codes, shown once."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        # Replacing the app needs the old one (or a recovery code) first: a stolen password
        # alone must not enrol a new phone.
        return redirect(reverse("two_factor_verify") + "?" + urlencode({"next": request.path}))
    unconfirmed = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk")
    # The code is checked against the key the page showed, named by the form: the page may
    # have been loaded twice, or in two tabs, before the code was typed.
    shown = request.POST.get("device", "")
    device = unconfirmed.filter(pk=int(shown)).first() if shown.isdigit() else None
    replaced = request.method == "POST" and bool(shown) and device is None
    if device is None:
        if not unconfirmed.exists():
            TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
        # The oldest unconfirmed key, read back after creating: two requests at once would
        # otherwise each show the key it made.
        device = unconfirmed.first()
    form = CodeForm(request.POST or None)
    if replaced:
        form.is_valid()
        form.add_error(
            None, _("This key is no longer valid. Scan the new code and enter the code it shows.")
        )
    elif request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                StaticDevice.objects.filter(user=user).delete()
                static = StaticDevice.objects.create(user=user, name="recovery")
                codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
                static.token_set.bulk_create([StaticToken(device=static, token=c) for c in codes])
            otp_login(request, device)
            _log(ENROLLED, user)
            return render(
                request,
                "accounts/two_factor_codes.html",
                {"codes": codes, "next": _next(request)},
            )
        _log(FAILED, user)
        form.add_error("code", _("This code is not right. Check the time on your phone."))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "secret": _spaced(device.config_url),
            "device": device.pk,
            "required": requires_two_factor(user),
            "next": _next(request),
        },
    )


def _spaced(config_url):
    from urllib.parse import parse_qs, urlsplit

    secret = parse_qs(urlsplit(config_url).query)["secret"][0]
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def verify(request):
    """The second step after logging in: a code from the app, or a recovery code."""
    user = request.user
    if not user_has_device(user):
        return redirect(reverse("two_factor_setup") + "?" + urlencode({"next": _next(request)}))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].replace(" ", "")
        device = match_token(user, code)
        if device is not None:
            otp_login(request, device)
            _log(VERIFIED, user, {"recovery_code": isinstance(device, StaticDevice)})
            return redirect(_next(request))
        _log(FAILED, user)
        allowed = all(d.verify_is_allowed()[0] for d in devices_for_user(user))
        form.add_error(
            "code",
            _("This code is not right.")
            if allowed
            else _("Too many wrong codes: wait a little before trying again."),
        )
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )
