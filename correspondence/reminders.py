"""E-mails to the person an item is assigned to, before its reply is due and while it is
overdue: once a day, in the language of their admin."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from correspondence.models import CorrespondenceItem
from helpers import dates


def send_reminders(today=None):
    """Sends the day's reminders; returns how many items they named."""
    today = today or dates.tbilisi_now().date()
    items = CorrespondenceItem.objects.due_for_reminder(today).select_related("assignee")
    by_person = {}
    for item in items:
        if item.assignee.email and item.assignee.is_active:
            by_person.setdefault(item.assignee, []).append(item)
    named = 0
    for person, person_items in by_person.items():
        language = UserProfile.get_for_user(person).get_preferred_language()
        with translation.override(language):
            body = render_to_string(
                "correspondence/email/reminder.txt",
                {
                    "person": person,
                    "items": person_items,
                    "today": today,
                    "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                    + reverse("wagtailsnippets_correspondence_correspondenceitem:list"),
                },
            )
            subject = translation.gettext("Correspondence: %(count)s replies due soon") % {
                "count": len(person_items)
            }
        send_mail(subject, body, None, [person.email])
        CorrespondenceItem.objects.filter(pk__in=[i.pk for i in person_items]).update(
            reminded_on=today
        )
        named += len(person_items)
    return named
