"""Keeps models.DraftReference up to date: whenever a page's revision is saved (a draft, a
submission for moderation, a scheduled or immediate publication, a schedule cancelled), the
archive items that the page's newest revision and its scheduled revisions show replace the
ones recorded before.

`record_latest_revision` is also what `manage.py record_draft_references` runs for drafts
saved before these rows existed."""

from django.db import transaction
from django.db.models.signals import post_save


def page_revision_type():
    """The content type every page revision is filed under (its base content type)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page)


def revisions_not_live_yet(revision):
    """The revisions of the page whose content the public may still see later: the newest
    (what the editors are preparing) and every one scheduled to go live (Wagtail keeps the
    schedule on the revision, `approved_go_live_at`, however many drafts follow it)."""
    from wagtail.models import Revision

    revisions = Revision.objects.filter(
        base_content_type_id=revision.base_content_type_id, object_id=revision.object_id
    )
    latest = revisions.order_by("-pk").first()
    scheduled = revisions.filter(approved_go_live_at__isnull=False).exclude(pk=latest.pk)
    return [latest, *scheduled.order_by("pk")]


def record_latest_revision(revision, *, announce=True):
    """Replaces the page's DraftReference rows with the archive items its newest revision
    and its scheduled revisions show (`revisions_not_live_yet`); returns whether `revision`
    is the newest. `announce=False` leaves telling the gallery to the caller, which a
    backfill does once at the end. The images found also get their page-size renditions
    made in the background (media_archive.renditions)."""
    from django.contrib.contenttypes.models import ContentType

    from media_archive import gallery, renditions
    from media_archive.models import ArchiveImage, DraftReference
    from media_archive.privacy import archive_references

    shown = revisions_not_live_yet(revision)
    page_id = int(revision.object_id)
    references = {}
    for each in shown:
        for model, keys in archive_references(each.as_object()).items():
            references.setdefault(model, set()).update(keys)
    with transaction.atomic():
        DraftReference.objects.filter(page_id=page_id).delete()
        DraftReference.objects.bulk_create(
            DraftReference(
                page_id=page_id,
                content_type=ContentType.objects.get_for_model(model),
                object_id=key,
            )
            for model, keys in references.items()
            for key in keys
        )
    renditions.enqueue(sorted(references.get(ArchiveImage, ())))
    if announce:
        gallery.catalogue_changed()
    return shown[0].pk == revision.pk


def record_revision(sender, instance, raw=False, **kwargs):
    if raw or instance.base_content_type_id != page_revision_type().id:
        return
    record_latest_revision(instance)


def connect():
    from wagtail.models import Revision

    post_save.connect(record_revision, sender=Revision, dispatch_uid="media-draft-references")
