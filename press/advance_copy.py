"""Advance copies under embargo: the approved release, before it is public, to contacts
trusted with it, marked "EMBARGOED UNTIL …" in their language (press.distribution renders
it) and logged in the send log and the page's history. Nothing of it reaches a public
channel: the release itself stays unpublished until its embargo."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Revision

from press.distribution import DistributionError, prepare_distribution
from press.models import Distribution, MediaContact

PERMISSION = "press.send_advance_copy"
LOG_ADVANCE_COPY = "press.advance_copy"


def trusted_contacts():
    return MediaContact.objects.filter(is_active=True, receives_advance_copies=True)


def embargo_of(page):
    """The embargo of the release as approved (its latest revision), or None."""
    return getattr(page.specific.get_latest_revision_as_object(), "embargo_until", None)


def is_approved_and_waiting(page):
    """Approved by the workflow (or published by the Director's Office) and scheduled for
    its embargo, not yet public."""
    embargo = embargo_of(page)
    if embargo is None or embargo <= timezone.now():
        return False
    return Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).exists()


def may_send(user, page):
    return (
        user.has_perm(PERMISSION)
        and page.permissions_for_user(user).can_edit()
        and is_approved_and_waiting(page)
    )


@transaction.atomic
def send_advance_copy(page, contacts, user):
    """Prepare the advance copy to the chosen trusted contacts; sent after the commit."""
    if not is_approved_and_waiting(page):
        raise DistributionError(
            _("Only an approved release that waits for its embargo can be sent in advance.")
        )
    contacts = [contact for contact in contacts if contact.receives_advance_copies]
    distribution = prepare_distribution(
        page, kind=Distribution.Kind.ADVANCE, requested_by=user, contacts=contacts
    )
    log(
        instance=page,
        action=LOG_ADVANCE_COPY,
        user=user,
        data={
            "recipients": distribution.deliveries.count(),
            "embargo_until": embargo_of(page).isoformat(),
        },
    )
    from press.tasks import send_distribution_task

    transaction.on_commit(lambda: send_distribution_task.enqueue(distribution.pk))
    return distribution
