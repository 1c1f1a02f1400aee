import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from analytics.summary import weekly_summary


def subscribers():
    """Active users with an e-mail address holding analytics.receive_weekly_report, through
    a group (e.g. "Weekly analytics e-mail") or directly. Superusers are not subscribed by
    their superpowers alone."""
    permission = Permission.objects.get(
        content_type__app_label="analytics", codename="receive_weekly_report"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .distinct()
    )


class Command(BaseCommand):
    help = (
        "E-mail last week's analytics summary to subscribed users. "
        "Cron, Mondays at 08:00: 0 8 * * 1 manage.py send_analytics_report"
    )

    def handle(self, *args, **options):
        last_day = timezone.localdate() - datetime.timedelta(days=1)
        summary = weekly_summary(last_day)
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "analytics_reports:overview"
        )
        sent = 0
        for user in subscribers():
            language = _preferred_language(user)
            with translation.override(language):
                context = {**summary, "user": user, "admin_url": admin_url}
                subject = _("Website analytics: %(start)s – %(end)s") % {
                    "start": summary["week"].start.strftime("%d.%m.%Y"),
                    "end": summary["week"].end.strftime("%d.%m.%Y"),
                }
                body = render_to_string("analytics/email/weekly_report.txt", context)
            send_mail(subject, body, None, [user.email])
            sent += 1
        self.stdout.write(f"Sent the weekly analytics report to {sent} subscribers.")


def _preferred_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") if profile else ""
    return language or settings.LANGUAGE_CODE
