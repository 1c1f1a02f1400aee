"""Sending a press release to media contacts: prepared once, sent in bounded batches,
every delivery logged, resumable without writing to anyone twice."""

import logging
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.core import mail, signing
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page, PageLogEntry, Site

from press.models import ContactList, Delivery, Distribution, MediaContact

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
BATCH_SIZE = 200
PREPARE_CHUNK = 1000
UNSUBSCRIBE_SALT = "press.unsubscribe"
# Rendered once per language; each contact's own link replaces this marker.
_UNSUBSCRIBE_MARKER = "__UNSUBSCRIBE_URL__"


class DistributionError(ValueError):
    """A distribution that cannot be made, with a message for the editor."""


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    failed_addresses: list[str] = field(default_factory=list)


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def unsubscribe_token(contact):
    return signing.dumps(contact.pk, salt=UNSUBSCRIBE_SALT)


def contact_for_token(token):
    """The contact a token names, or None for a forged or damaged token."""
    try:
        contact_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return MediaContact.objects.filter(pk=contact_id).first()


def _site_root_url():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def release_versions(page):
    """The release and its translations (one translation key)."""
    return Page.objects.filter(translation_key=page.translation_key)


def release_lists(page):
    """The lists a release goes to: those chosen on any of its translations (a translation
    made before the lists were chosen has none of its own)."""
    return ContactList.objects.filter(
        press_releases__translation_key=page.translation_key
    ).distinct()


def _had_the_release(page):
    """Contacts who have received, or are about to receive, a publication of any
    translation of the release; a contact whose sending failed for good is not counted."""
    return Delivery.objects.filter(
        distribution__page__translation_key=page.translation_key,
        distribution__kind=Distribution.Kind.PUBLICATION,
    ).filter(
        Q(status__in=[Delivery.Status.SENT, Delivery.Status.PENDING])
        | Q(status=Delivery.Status.FAILED, attempts__lt=MAX_ATTEMPTS)
    )


def publication_recipients(page, lists):
    """Active contacts of the lists who get this publication: each contact once per
    release across its translations, and in their own language — a contact whose language
    has a translation not yet published waits for that one."""
    language = page.locale.language_code
    waiting_for_their_language = (
        release_versions(page)
        .filter(live=False)
        .exclude(locale__language_code=language)
        .values_list("locale__language_code", flat=True)
    )
    return (
        MediaContact.objects.filter(lists__in=lists, is_active=True)
        .exclude(language__in=list(waiting_for_their_language))
        .exclude(pk__in=_had_the_release(page).values("contact_id"))
        .distinct()
    )


def prepare_distribution(
    page, lists=(), kind=Distribution.Kind.PUBLICATION, requested_by=None, contacts=None
):
    """A distribution with one pending delivery per recipient: for a publication, the
    contacts of the lists who have not had the release; for an advance copy, the chosen
    contacts."""
    lists = list(lists)
    if contacts is not None:
        recipients = MediaContact.objects.filter(pk__in=[c.pk for c in contacts], is_active=True)
        if not recipients.exists():
            raise DistributionError(translation.gettext("Choose at least one active contact."))
    else:
        if not lists:
            raise DistributionError(translation.gettext("Choose at least one contact list."))
        if not MediaContact.objects.filter(lists__in=lists, is_active=True).exists():
            raise DistributionError(
                translation.gettext("The chosen lists have no active contacts.")
            )
        if kind == Distribution.Kind.ADVANCE:
            recipients = MediaContact.objects.filter(lists__in=lists, is_active=True).distinct()
        else:
            recipients = publication_recipients(page, lists)
        if not recipients.exists():
            raise DistributionError(
                translation.gettext(
                    "Everyone on the chosen lists has already received this release."
                )
            )
    rows = recipients.order_by("pk").values_list("pk", "email", "language")
    with transaction.atomic():
        distribution = Distribution.objects.create(page=page, kind=kind, requested_by=requested_by)
        distribution.lists.set(lists)
        # Chunk by chunk: bulk_create would turn one generator over the whole list into a
        # list, and memory would grow with the number of contacts.
        for chunk in _chunks(rows.iterator(chunk_size=PREPARE_CHUNK), PREPARE_CHUNK):
            Delivery.objects.bulk_create(
                [
                    Delivery(
                        distribution=distribution,
                        contact_id=contact_id,
                        email=email,
                        language=language,
                    )
                    for contact_id, email, language in chunk
                ],
                ignore_conflicts=True,
            )
    return distribution


def _release_in(page, language_code, kind):
    """The release as the contact should read it: its translation in their language when
    one exists (live, for a publication), else the release itself."""
    locale = Locale.objects.filter(language_code=language_code).first()
    release = page.specific
    if locale is not None and locale.pk != page.locale_id:
        translated = page.get_translation_or_none(locale)
        if translated is not None and (translated.live or kind == Distribution.Kind.ADVANCE):
            release = translated.specific
    if kind == Distribution.Kind.ADVANCE:
        # An advance copy goes out before publication: send what the editors approved last.
        release = release.get_latest_revision_as_object()
    return release


NOTICE_LABELS = {
    Distribution.Kind.WITHDRAWAL: gettext_lazy("WITHDRAWN"),
    Distribution.Kind.UNPUBLICATION: gettext_lazy("REMOVED FROM THE WEBSITE"),
}
NOTICE_INTROS = {
    Distribution.Kind.WITHDRAWAL: gettext_lazy(
        "The Agency has withdrawn this release, which you received earlier. Reason:"
    ),
    Distribution.Kind.UNPUBLICATION: gettext_lazy(
        "The Agency has removed this release, which you received earlier, from its website. Reason:"
    ),
}


def _render_notice(distribution, language_code):
    """A notice of withdrawal or removal, with the reason, to those who had the release."""
    with translation.override(language_code):
        release = _release_in(distribution.page, language_code, distribution.kind)
        root_url = _site_root_url()
        label = str(NOTICE_LABELS[distribution.kind])
        url = ""
        if distribution.kind == Distribution.Kind.WITHDRAWAL and release.url:
            url = root_url + release.url
        elif distribution.kind == Distribution.Kind.UNPUBLICATION:
            redirect = _redirect_of(distribution.page)
            url = (root_url + redirect) if redirect else ""
        context = {
            "release": release,
            "notice_label": label,
            "notice_intro": str(NOTICE_INTROS[distribution.kind]),
            "note": distribution.note,
            "release_url": url,
            "unsubscribe_url": _UNSUBSCRIBE_MARKER,
            "site_root_url": root_url,
        }
        subject = f"{label} — {release.title}"
        html = render_to_string("press/email/notice.html", context)
        text = render_to_string("press/email/notice.txt", context)
    return subject, strip_tags(text).strip() + "\n", html


def _redirect_of(page):
    """Where the address of a removed release now leads (press.withdrawal made it)."""
    from wagtail.contrib.redirects.models import Redirect

    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action="press.unpublish_with_redirect")
        .order_by("-pk")
        .first()
    )
    old_path = (entry.data or {}).get("old_path") if entry else None
    redirect = Redirect.objects.filter(old_path=Redirect.normalise_path(old_path or "")).first()
    if redirect is None or redirect.redirect_page is None:
        return ""
    return redirect.redirect_page.url or ""


def _render_message(distribution, language_code):
    """(subject, text, html) for one language, with the unsubscribe marker in place."""
    kind = distribution.kind
    if kind in NOTICE_LABELS:
        return _render_notice(distribution, language_code)
    with translation.override(language_code):
        release = _release_in(distribution.page, language_code, kind)
        # The embargo is the original release's, whichever translation the contact reads.
        original = distribution.page.specific.get_latest_revision_as_object()
        embargo_until = getattr(original, "embargo_until", None)
        embargo_label = ""
        if kind == Distribution.Kind.ADVANCE and embargo_until:
            local = timezone.localtime(embargo_until)
            embargo_label = translation.gettext("EMBARGOED UNTIL %(time)s") % {
                "time": f"{date_format(local, 'DATE_FORMAT')} {local:%H:%M}"
            }
        root_url = _site_root_url()
        context = {
            "release": release,
            "embargo_label": embargo_label,
            "release_url": (root_url + release.url) if release.live and release.url else "",
            "unsubscribe_url": _UNSUBSCRIBE_MARKER,
            "site_root_url": root_url,
        }
        subject = release.title if not embargo_label else f"{embargo_label} — {release.title}"
        html = render_to_string("press/email/release.html", context)
        text = render_to_string("press/email/release.txt", context)
    return subject, strip_tags(text).strip() + "\n", html


def _unsubscribe_url(delivery, root_url):
    with translation.override(delivery.language):
        path = reverse("press:unsubscribe", args=[unsubscribe_token(delivery.contact)])
    return root_url + path


def _message(rendered, delivery, connection, root_url):
    subject, text, html = rendered
    unsubscribe_url = _unsubscribe_url(delivery, root_url)
    message = mail.EmailMultiAlternatives(
        subject=subject,
        body=text.replace(_UNSUBSCRIBE_MARKER, unsubscribe_url),
        to=[delivery.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html.replace(_UNSUBSCRIBE_MARKER, unsubscribe_url), "text/html")
    return message


def send_distribution(distribution, connection=None):
    """Send every delivery not yet sent (failed ones until MAX_ATTEMPTS), batch by batch.

    Each delivery's outcome is written as soon as it is known, so a send interrupted at any
    point resumes with exactly the contacts who have not received the release.
    """
    result = SendResult()
    rendered = {}
    root_url = _site_root_url()
    connection = connection or mail.get_connection()
    retryable = Q(status=Delivery.Status.PENDING) | Q(
        status=Delivery.Status.FAILED, attempts__lt=MAX_ATTEMPTS
    )
    # One SMTP session for the whole send, not one per message.
    _reopen(connection)
    try:
        last_pk = 0
        while True:
            batch = list(
                distribution.deliveries.filter(retryable, pk__gt=last_pk)
                .select_related("contact")
                .order_by("pk")[:BATCH_SIZE]
            )
            if not batch:
                break
            last_pk = batch[-1].pk
            for delivery in batch:
                _send_one(delivery, distribution, rendered, connection, root_url, result)
    finally:
        connection.close()
    if not distribution.deliveries.filter(retryable).exists():
        distribution.finished_at = timezone.now()
        distribution.save(update_fields=["finished_at"])
    return result


def _send_one(delivery, distribution, rendered, connection, root_url, result):
    """Send one delivery and write its outcome at once (a resumed send starts from there)."""
    if not delivery.contact.is_active:
        delivery.status, delivery.error = Delivery.Status.FAILED, "inactive"
        delivery.attempts = MAX_ATTEMPTS
        delivery.save(update_fields=["status", "error", "attempts", "updated_at"])
        result.skipped += 1
        return
    if delivery.language not in rendered:
        rendered[delivery.language] = _render_message(distribution, delivery.language)
    delivery.attempts += 1
    try:
        _message(rendered[delivery.language], delivery, connection, root_url).send()
    except Exception as error:  # noqa: BLE001 - any transport error fails this one only
        delivery.status = Delivery.Status.FAILED
        delivery.error = f"{type(error).__name__}: {error}"[:500]
        result.failed += 1
        result.failed_addresses.append(delivery.email)
        logger.warning("Press release to %s failed: %s", delivery.email, delivery.error)
        _reopen(connection)  # the server may have dropped the session
    else:
        delivery.status = Delivery.Status.SENT
        delivery.sent_at = timezone.now()
        delivery.error = ""
        result.sent += 1
    delivery.save(update_fields=["status", "error", "attempts", "sent_at", "updated_at"])


def _reopen(connection):
    """A fresh session; if the server cannot be reached, each send tries again and fails
    on its own (and is logged as failed), so nothing stops half-way unrecorded."""
    try:
        connection.close()
        connection.open()
    except Exception as error:  # noqa: BLE001
        logger.warning("Mail server unavailable: %s", error)


def distribute_on_publication(page):
    """Prepare and send the publication distribution of a just-published release, once."""
    if not page.live:
        return None  # approved for a later go-live time: it goes out when that comes
    if not hasattr(page, "distribution_lists"):
        return None
    lists = list(release_lists(page))
    if not lists:
        return None
    if Distribution.objects.filter(page=page, kind=Distribution.Kind.PUBLICATION).exists():
        return None  # republishing an edit does not send the release again
    try:
        distribution = prepare_distribution(page, lists)
    except DistributionError as error:
        # Often expected: a translation whose readers all had the release already.
        logger.info("Press release %s not distributed: %s", page.pk, error)
        return None
    return distribution
