from django.apps import apps
from django.shortcuts import render
from django.utils import timezone
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page, Revision


@require_admin_access
def scheduled_items(request):
    """Pages waiting for their go-live time, and press releases still under embargo."""
    now = timezone.now()
    scheduled = (
        Revision.page_revisions.filter(approved_go_live_at__gt=now)
        .select_related("user")
        .order_by("approved_go_live_at")
    )
    rows = []
    pages = Page.objects.in_bulk([int(revision.object_id) for revision in scheduled])
    for revision in scheduled:
        page = pages.get(int(revision.object_id))
        if page is not None:
            rows.append({"page": page, "go_live_at": revision.approved_go_live_at})
    release_model = apps.get_model("news", "PressReleasePage")
    embargoed = release_model.objects.filter(embargo_until__gt=now).order_by("embargo_until")
    return render(
        request,
        "press/admin/scheduled_items.html",
        {"scheduled": rows, "embargoed": embargoed, "now": now},
    )
