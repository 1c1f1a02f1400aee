"""The public request form: validation in the visitor's language, a honeypot and a limit
per address instead of a captcha, nothing stored unless everything is right, the reference
number on screen (after a redirect, so reloading sends nothing twice) and by e-mail.

No cookie of our own, no IP address stored: the limit counts in the cache under a keyed
hash of the address, for an hour.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from inquiries.forms import InquiryForm
from inquiries.models import Inquiry, InquirySettings

logger = logging.getLogger(__name__)

RECEIPT_SALT = "inquiries.receipt"
RECEIPT_MAX_AGE = 60 * 60 * 24
LIMIT_WINDOW = 60 * 60
TEMPLATE = "inquiries/inquiry_form_page.html"


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or the header a trusted proxy sets
    (INQUIRIES_CLIENT_IP_HEADER, e.g. HTTP_X_REAL_IP)."""
    header = getattr(settings, "INQUIRIES_CLIENT_IP_HEADER", "")
    value = request.META.get(header, "") if header else ""
    return (value.split(",")[0].strip() if value else "") or request.META.get("REMOTE_ADDR", "")


def _limit_key(kind, value):
    digest = hmac.new(settings.SECRET_KEY.encode(), value.lower().encode(), hashlib.sha256)
    return f"inquiries:limit:{kind}:{digest.hexdigest()[:32]}"


def _limit_keys(request, email):
    keys = [_limit_key("ip", client_address(request))]
    if email:
        keys.append(_limit_key("email", email))
    return keys


def over_limit(request, email):
    limit = InquirySettings.load().submissions_per_hour
    return any((cache.get(key) or 0) >= limit for key in _limit_keys(request, email))


def count_submission(request, email):
    for key in _limit_keys(request, email):
        if not cache.add(key, 1, LIMIT_WINDOW):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, LIMIT_WINDOW)


def receipt_token(inquiry):
    return signing.dumps(inquiry.reference, salt=RECEIPT_SALT)


def reference_from_token(token):
    try:
        return signing.loads(token, salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None


def _no_store(response):
    """This page holds a CSRF form and a visitor's receipt: private, never stored."""
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response


def send_acknowledgement(inquiry, page_url):
    if not inquiry.email:
        return
    with translation.override(inquiry.language):
        subject = gettext("Your request has been received: %(reference)s") % {
            "reference": inquiry.reference
        }
        body = render_to_string(
            "inquiries/email/acknowledgement.txt", {"inquiry": inquiry, "page_url": page_url}
        )
    try:
        send_mail(subject, body, None, [inquiry.email])
    except Exception:  # the request is registered; the receipt on screen has the number
        logger.exception("Acknowledgement of %s could not be sent", inquiry.reference)


def notify_reception(inquiry):
    address = InquirySettings.load().notify_email
    if not address:
        return
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_inquiries_inquiry:edit", args=[inquiry.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("New citizen's request %(reference)s") % {"reference": inquiry.reference}
        body = gettext("Type: %(type)s. Answer due: %(due)s.") % {
            "type": inquiry.request_type.name_ka,
            "due": inquiry.due_date.isoformat(),
        }
    try:
        send_mail(subject, body + "\n\n" + url, None, [address])
    except Exception:
        logger.exception("Public Reception was not notified of %s", inquiry.reference)


def serve_form(page, request, preview=False):
    receipt = None
    status = 200
    if request.method == "POST" and not preview:
        form = InquiryForm(request.POST)
        email = request.POST.get("email", "").strip()
        if over_limit(request, email):
            form.is_valid()
            form.add_error(
                None,
                gettext(
                    "We have already received several requests from you within the hour. "
                    "Please wait an hour before sending another, or call the hotline."
                ),
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            with transaction.atomic():
                inquiry = Inquiry.objects.create(
                    request_type=data["request_type"],
                    channel=Inquiry.Channel.WEB,
                    language=page.locale.language_code,
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    address=data["address"],
                    message=data["message"],
                )
            count_submission(request, data["email"])
            page_url = page.get_full_url(request)
            send_acknowledgement(inquiry, page_url)
            notify_reception(inquiry)
            return _no_store(
                HttpResponseRedirect(page.get_url(request) + "?receipt=" + receipt_token(inquiry))
            )
        else:
            status = 200
    else:
        form = InquiryForm()
        token = request.GET.get("receipt")
        if token:
            receipt = reference_from_token(token)
    context = page.get_context(request)
    context.update({"form": form, "receipt": receipt})
    response = TemplateResponse(request, TEMPLATE, context, status=status)
    return _no_store(response)
