"""Publishing a press release without review.

Only a user with `press.force_publish` (the Director's Office) may publish a release with
the Publish button instead of the workflow, and only by giving a reason. The reason goes to
the page's history, and the release shows "not reviewed" in the admin until a head of
division or the Director's Office — someone other than the publisher — reviews it, or the
release passes the review workflow again.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from press.models import ForcePublication

PUBLISH_ACTION = "action-publish"
REASON_FIELD = "force_publish_reason"
FORCE_PUBLISH_PERMISSION = "press.force_publish"
REVIEW_PERMISSION = "press.review_forced_publication"
LOG_FORCE_PUBLISH = "press.force_publish"
LOG_MARK_REVIEWED = "press.mark_reviewed"


def asks_to_publish(form):
    """Whether the page form was sent with the Publish button by someone who may publish
    the page: Wagtail's edit view then publishes (or schedules) it without review."""
    if not form.data.get(PUBLISH_ACTION) or form.for_user is None:
        return False
    if form.instance.pk:
        return form.instance.permissions_for_user(form.for_user).can_publish()
    parent = getattr(form, "parent_page", None)
    return parent is not None and parent.permissions_for_user(form.for_user).can_publish_subpage()


def check_force_publish(form):
    """Form errors for a publication without review that is not allowed as sent."""
    if not asks_to_publish(form):
        return
    if not form.for_user.has_perm(FORCE_PUBLISH_PERMISSION):
        form.add_error(
            None,
            _(
                "Press releases are published through the review workflow: "
                "submit the release for review."
            ),
        )
    elif not (form.cleaned_data.get(REASON_FIELD) or "").strip():
        form.add_error(
            REASON_FIELD,
            _("Give the reason for publishing without review; it is recorded in the history."),
        )


@transaction.atomic
def record_force_publication(page, user, reason):
    """The decision goes to the history at once; the release is "not reviewed" from the
    moment it is public. A release under embargo is only scheduled by the Publish button:
    its mark waits for the scheduler (`publication_of_scheduled_revision`)."""
    from wagtail.models import Revision

    # Read afresh: the page object the edit view hands over may predate its publication.
    revision = (
        Revision.page_revisions.filter(object_id=str(page.pk))
        .order_by("-created_at", "-pk")
        .first()
    )
    scheduled = revision is not None and revision.approved_go_live_at is not None
    log(
        instance=page,
        action=LOG_FORCE_PUBLISH,
        user=user,
        revision=revision,
        data={"reason": reason.strip(), "scheduled": scheduled},
    )
    if scheduled:
        return None
    return ForcePublication.objects.create(
        page=page, revision=revision, published_by=user, reason=reason.strip()
    )


def publication_of_scheduled_revision(page, revision):
    """When the scheduler publishes a revision that was published without review, the
    release becomes "not reviewed" now, with the reason and publisher recorded then."""
    from wagtail.models import PageLogEntry

    # Wagtail sends page_published when it schedules a revision too: not public yet.
    if not page.live or revision is None:
        return None
    if ForcePublication.objects.filter(revision=revision).exists():
        return None
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action=LOG_FORCE_PUBLISH, revision=revision)
        .order_by("-pk")
        .first()
    )
    if entry is None or not entry.data.get("scheduled"):
        return None
    return ForcePublication.objects.create(
        page=page, revision=revision, published_by=entry.user, reason=entry.data.get("reason", "")
    )


def unreviewed_publication(page):
    """The latest publication of the page without review that nobody has reviewed yet."""
    return ForcePublication.objects.filter(page_id=page.pk).not_reviewed().first()


def may_mark_reviewed(user, publication):
    # The point is a second pair of eyes: the publisher cannot review their own release.
    return (
        user.is_active
        and user.has_perm(REVIEW_PERMISSION)
        and publication is not None
        and publication.published_by_id != user.pk
    )


@transaction.atomic
def mark_reviewed(page, user, via_workflow=False):
    """Clear every outstanding "not reviewed" mark of the page; True if there was one."""
    updated = (
        ForcePublication.objects.filter(page_id=page.pk)
        .not_reviewed()
        .update(reviewed_by=user, reviewed_at=timezone.now())
    )
    if updated:
        log(
            instance=page,
            action=LOG_MARK_REVIEWED,
            user=user,
            data={"via_workflow": via_workflow},
        )
    return bool(updated)
