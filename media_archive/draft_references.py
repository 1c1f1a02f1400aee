"""Keeps models.DraftReference up to date: whenever a page's revision is saved (a draft, a
submission for moderation, a scheduled or immediate publication), the archive items that
revision shows replace the ones the page's previous revision showed.

`record_latest_revision` is also what `manage.py record_draft_references` runs for drafts
saved before these rows existed."""

from django.db import transaction
from django.db.models.signals import post_save


def page_revision_type():
    """The content type every page revision is filed under (its base content type)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page)


def record_latest_revision(revision, *, announce=True):
    """Replaces the page's DraftReference rows with the archive items `revision` shows,
    if it is the page's newest revision; returns whether it was. `announce=False` leaves
    telling the gallery to the caller, which a backfill does once at the end."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Revision

    from media_archive import gallery
    from media_archive.models import DraftReference
    from media_archive.privacy import archive_references

    # An older revision is saved again when it is published on schedule; the newest one
    # still says what the editors are preparing.
    newer = Revision.objects.filter(
        base_content_type_id=revision.base_content_type_id,
        object_id=revision.object_id,
        pk__gt=revision.pk,
    )
    if newer.exists():
        return False
    page_id = int(revision.object_id)
    references = archive_references(revision.as_object())
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
    if announce:
        gallery.catalogue_changed()
    return True


def record_revision(sender, instance, raw=False, **kwargs):
    if raw or instance.base_content_type_id != page_revision_type().id:
        return
    record_latest_revision(instance)


def connect():
    from wagtail.models import Revision

    post_save.connect(record_revision, sender=Revision, dispatch_uid="media-draft-references")
