"""Demo data for seed_demo: the Analyst group, with the permission to read the analytics
reports, and the report permission for Wagtail's editor groups; generated page views."""

from django.contrib.auth.models import Group, Permission

from cms.roles import ANALYSTS, WEB_EDITORS, rename_group

ANALYST_GROUP = ANALYSTS
# Subscribing someone to the weekly e-mail = adding them to this group.
WEEKLY_REPORT_GROUP = "ანალიტიკის ყოველკვირეული წერილი"  # "Weekly analytics e-mail"
# Their names before they were Georgian, renamed on older databases.
LEGACY_NAMES = {"Analysts": ANALYST_GROUP, "Weekly analytics e-mail": WEEKLY_REPORT_GROUP}
# The web editors read the reports too (setup_editorial removes Wagtail's stock groups).
EDITOR_GROUPS = [WEB_EDITORS]


def report_permissions():
    return {
        "view_reports": Permission.objects.get(
            content_type__app_label="analytics", codename="view_reports"
        ),
        "receive_weekly_report": Permission.objects.get(
            content_type__app_label="analytics", codename="receive_weekly_report"
        ),
        "access_admin": Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
    }


def ensure_analyst_group(report=None):
    """The Analysts group: the admin and its reports, no page permissions. Idempotent."""
    permissions = report_permissions()
    for old_name, new_name in LEGACY_NAMES.items():
        rename_group(old_name, new_name)
    group, created = Group.objects.get_or_create(name=ANALYST_GROUP)
    if created and report is not None:
        report.created.append(f"group: {ANALYST_GROUP}")
    group.permissions.add(permissions["view_reports"], permissions["access_admin"])
    subscribers, created = Group.objects.get_or_create(name=WEEKLY_REPORT_GROUP)
    if created and report is not None:
        report.created.append(f"group: {WEEKLY_REPORT_GROUP}")
    subscribers.permissions.add(permissions["receive_weekly_report"])
    for editors in Group.objects.filter(name__in=EDITOR_GROUPS):
        editors.permissions.add(permissions["view_reports"])
    return group


def seeded_page_paths():
    """(path, page id) of every live public page of the seeded site: the demo's views are
    of pages an analyst can open, not of invented paths."""
    from wagtail.models import Page

    pages = []
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        url = page.get_url()
        if url and url.startswith("/"):
            pages.append((url, page.pk))
    return pages


def ensure_demo_views(report, count=3000, days=60):
    """Generated page views of the seeded pages, goals reached on them, and their rollups,
    so the reports have something to show."""
    import datetime

    from django.utils import timezone

    from analytics.buffer import write_rows
    from analytics.factories import generated_goals, generated_rows
    from analytics.models import GoalEvent, PageView
    from analytics.rollups import build_rollups

    if PageView.objects.exists():
        return
    pages = seeded_page_paths()
    write_rows(list(generated_rows(count, days=days, pages=pages or None)))
    GoalEvent.objects.bulk_create(generated_goals(count // 20, days=days))
    today = timezone.localdate()
    build_rollups(today - datetime.timedelta(days=days), today)
    report.created.append(f"analytics: {count} demo page views")


def seed(report):
    ensure_analyst_group(report)
    ensure_demo_views(report)
