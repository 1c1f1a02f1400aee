"""Replies to citizens by e-mail from the admin, in the citizen's language, kept and logged."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from wagtail.log_actions import log

from inquiries.models import InquiryReply

logger = logging.getLogger(__name__)
LOG_REPLY = "inquiries.reply"


def send_reply(inquiry, text, user):
    """E-mail `text` to the citizen in their language; returns the stored InquiryReply
    (delivered False when the mail server refused it)."""
    with translation.override(inquiry.language):
        subject = gettext("Answer to your request %(reference)s") % {"reference": inquiry.reference}
        body = render_to_string("inquiries/email/reply.txt", {"inquiry": inquiry, "text": text})
    reply = InquiryReply.objects.create(
        inquiry=inquiry, text=text, email=inquiry.email, language=inquiry.language, sent_by=user
    )
    try:
        send_mail(subject, body, None, [inquiry.email])
    except Exception:
        logger.exception("The reply to %s could not be sent", inquiry.reference)
    else:
        reply.delivered = True
        reply.save(update_fields=["delivered"])
    log(inquiry, LOG_REPLY, user=user, data={"reply": reply.pk, "delivered": reply.delivered})
    return reply
