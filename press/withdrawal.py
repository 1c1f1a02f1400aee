"""Withdrawing and unpublishing news and press releases, as GOV.UK does.

Withdraw: the page stays at its address with a dated public explanation, and leaves the
listings, feeds and search. Unpublish: the page goes, and its address redirects to a page
the editor chooses. Both need a reason, are written to the page's history, and can send a
notice to the contacts who received the release.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.search import index

from cms import layout_cache
from press.models import Delivery, Distribution, MediaContact, Withdrawal

LOG_WITHDRAW = "press.withdraw"
LOG_UNPUBLISH = "press.unpublish_with_redirect"


class WithdrawalError(ValueError):
    """A withdrawal or removal that cannot be made, with a message for the editor."""


def not_withdrawn():
    """Q for pages that are not withdrawn (listings, feeds, search)."""
    return Q(withdrawal__isnull=True)


def may_withdraw(user, page):
    """Whoever may unpublish the page may withdraw or remove it."""
    return bool(page.live) and page.permissions_for_user(user).can_unpublish()


def received_the_release(page):
    """Active contacts to whom a publication of any translation of the release was sent."""
    sent = Delivery.objects.filter(
        distribution__page__translation_key=page.translation_key,
        distribution__kind=Distribution.Kind.PUBLICATION,
        status=Delivery.Status.SENT,
    ).values("contact_id")
    return MediaContact.objects.filter(pk__in=sent, is_active=True)


def _notice(page, kind, note, user):
    """A notice distribution to those who received the release, or None if nobody did."""
    contacts = received_the_release(page)
    if not contacts.exists():
        return None
    from press.distribution import prepare_distribution  # distribution imports this module

    distribution = prepare_distribution(page, kind=kind, requested_by=user, contacts=contacts)
    distribution.note = note
    distribution.save(update_fields=["note"])
    return distribution


def _enqueue(distribution):
    if distribution is not None:
        from press.tasks import send_distribution_task

        transaction.on_commit(lambda: send_distribution_task.enqueue(distribution.pk))


@transaction.atomic
def withdraw(page, user, explanation, notify=False):
    explanation = (explanation or "").strip()
    if not explanation:
        raise WithdrawalError(_("Explain publicly why the page is withdrawn."))
    if Withdrawal.objects.filter(page_id=page.pk).exists():
        raise WithdrawalError(_("This page is already withdrawn."))
    withdrawal = Withdrawal.objects.create(page=page, explanation=explanation, withdrawn_by=user)
    log(
        instance=page,
        action=LOG_WITHDRAW,
        user=user,
        data={"explanation": explanation, "notified": notify},
    )
    # Out of search now, not at the next rebuild of the index.
    index.remove_object(page.specific)
    layout_cache.bump()
    if notify:
        _enqueue(_notice(page, Distribution.Kind.WITHDRAWAL, explanation, user))
    return withdrawal


def _old_path(page):
    """(site, path) at which the public reaches the page now."""
    from wagtail.models import Site

    site_id, _root_url, path = page.get_url_parts() or (None, None, None)
    return Site.objects.filter(pk=site_id).first(), path


@transaction.atomic
def unpublish_with_redirect(page, user, reason, redirect_to, notify=False):
    reason = (reason or "").strip()
    if not reason:
        raise WithdrawalError(_("Give the reason for removing the page."))
    if redirect_to is None or redirect_to.pk == page.pk or not redirect_to.live:
        raise WithdrawalError(
            _("Choose a published page, other than this one, to send visitors to.")
        )
    site, path = _old_path(page)
    if path:
        Redirect.objects.filter(old_path=Redirect.normalise_path(path), site=site).delete()
        Redirect.add_redirect(path, redirect_to=redirect_to, is_permanent=True, site=site)
    # Notice first: prepared while the release is still the page people received.
    distribution = _notice(page, Distribution.Kind.UNPUBLICATION, reason, user) if notify else None
    page.unpublish(user=user)
    log(
        instance=page,
        action=LOG_UNPUBLISH,
        user=user,
        data={
            "reason": reason,
            "redirect_to": {"id": redirect_to.pk, "title": redirect_to.title},
            "old_path": path,
            "notified": notify,
        },
    )
    layout_cache.bump()
    _enqueue(distribution)
    return distribution
