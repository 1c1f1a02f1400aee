from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from press import advance_copy, withdrawal
from press.contact_import import import_contacts
from press.distribution import DistributionError
from press.force_publish import mark_reviewed, may_mark_reviewed, unreviewed_publication
from press.forms import AdvanceCopyForm, ContactImportForm, UnpublishForm, WithdrawForm

EDITING_ACTIONS = ["add", "change", "publish"]


def may_see_scheduled(user):
    """Whether the user edits or approves any page: others (analysts) never see what is
    scheduled or embargoed, not even its title."""
    return PagePermissionPolicy().user_has_any_permission(user, EDITING_ACTIONS)


def may_see_unpublished(user, page):
    """Scheduled or embargoed pages, their titles and previews, are for those who may edit
    or publish them: the roles that write or approve news for releases (a web editor or an
    analyst never sees an embargoed release)."""
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or permissions.can_publish()


@require_admin_access
def scheduled_items(request):
    """Pages waiting for their go-live time, and press releases still under embargo, each
    shown only to those who may edit or publish it."""
    if not may_see_scheduled(request.user):
        raise PermissionDenied
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
        if page is not None and may_see_unpublished(request.user, page):
            rows.append({"page": page, "go_live_at": revision.approved_go_live_at})
    release_model = apps.get_model("news", "PressReleasePage")
    embargoed = [
        release
        for release in release_model.objects.filter(embargo_until__gt=now).order_by("embargo_until")
        if may_see_unpublished(request.user, release)
    ]
    return render(
        request,
        "press/admin/scheduled_items.html",
        {"scheduled": rows, "embargoed": embargoed, "now": now},
    )


@require_admin_access
def mark_reviewed_view(request, page_id):
    """GET asks for confirmation; POST clears the page's "not reviewed" mark."""
    page = get_object_or_404(Page, pk=page_id).specific
    publication = unreviewed_publication(page)
    if publication is None:
        messages.info(request, gettext("This release has no publication awaiting review."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    if not may_mark_reviewed(request.user, publication):
        raise PermissionDenied
    if request.method == "POST":
        mark_reviewed(page, request.user)
        messages.success(
            request,
            gettext("“%(title)s” is marked as reviewed.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(
        request, "press/admin/mark_reviewed.html", {"page": page, "publication": publication}
    )


def _withdrawable(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, apps.get_model("news", "NewsPage")) or not withdrawal.may_withdraw(
        request.user, page
    ):
        raise PermissionDenied
    return page


@require_admin_access
def withdraw_view(request, page_id):
    """GOV.UK's withdrawal: the page stays, with a dated public explanation."""
    page = _withdrawable(request, page_id)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            withdrawal.withdraw(
                page, request.user, form.cleaned_data["explanation"], form.cleaned_data["notify"]
            )
        except withdrawal.WithdrawalError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                gettext("“%(title)s” is withdrawn.") % {"title": page.get_admin_display_title()},
            )
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return render(
        request,
        "press/admin/withdraw.html",
        {"page": page, "form": form, "recipients": withdrawal.received_the_release(page).count()},
    )


@require_admin_access
def unpublish_view(request, page_id):
    """GOV.UK's unpublishing: the page goes, its address redirects to a chosen page."""
    page = _withdrawable(request, page_id)
    form = UnpublishForm(request.POST or None, page=page)
    if request.method == "POST" and form.is_valid():
        try:
            withdrawal.unpublish_with_redirect(
                page,
                request.user,
                form.cleaned_data["reason"],
                form.cleaned_data["redirect_to"],
                form.cleaned_data["notify"],
            )
        except withdrawal.WithdrawalError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                gettext("“%(title)s” is removed; its address leads to “%(target)s”.")
                % {
                    "title": page.get_admin_display_title(),
                    "target": form.cleaned_data["redirect_to"].get_admin_display_title(),
                },
            )
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return render(
        request,
        "press/admin/unpublish.html",
        {
            "page": page,
            "form": form,
            "media": form.media,
            "recipients": withdrawal.received_the_release(page).count(),
        },
    )


@require_admin_access
def advance_copy_view(request, page_id):
    """Send the approved release, before its embargo, to chosen trusted contacts."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not advance_copy.may_send(request.user, page):
        raise PermissionDenied
    form = AdvanceCopyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            distribution = advance_copy.send_advance_copy(
                page, form.cleaned_data["contacts"], request.user
            )
        except DistributionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                gettext("The advance copy goes to %(count)s contacts; see the send log.")
                % {"count": distribution.deliveries.count()},
            )
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return render(
        request,
        "press/admin/advance_copy.html",
        {"page": page, "form": form, "embargo_until": advance_copy.embargo_of(page)},
    )


def may_import_contacts(user):
    return user.has_perms(["press.add_mediacontact", "press.change_mediacontact"])


@require_admin_access
def import_contacts_view(request):
    """Upload a CSV of contacts; valid rows are saved, each bad row reported by its line."""
    if not may_import_contacts(request.user):
        raise PermissionDenied
    form = ContactImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = import_contacts(form.cleaned_data["file"])
        if report.created or report.updated:
            messages.success(
                request,
                gettext("Contacts imported: %(created)s new, %(updated)s updated.")
                % {"created": report.created, "updated": report.updated},
            )
        if not report.errors:
            return redirect("wagtailsnippets_press_mediacontact:list")
    return render(request, "press/admin/import_contacts.html", {"form": form, "report": report})
