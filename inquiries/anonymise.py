"""Anonymisation of closed requests once the configured period has passed."""

from django.db import transaction
from wagtail.log_actions import log

from inquiries.models import Inquiry

LOG_ANONYMISE = "inquiries.anonymise"


def anonymise_due(now=None, progress=None):
    """Anonymise every closed request past the period; returns how many."""
    due = list(Inquiry.objects.due_for_anonymisation(now).order_by("pk"))
    for position, inquiry in enumerate(due, start=1):
        with transaction.atomic():
            inquiry.anonymise()
            log(inquiry, LOG_ANONYMISE)
        if progress:
            progress(position, len(due))
    return len(due)
