"""Keeps models.DraftReference up to date: whenever a page's revision is saved (a draft, a
submission for moderation, a scheduled or immediate publication), the archive items that
revision shows replace the ones the page's previous revision showed."""

from django.db import transaction
from django.db.models.signals import post_save


def record_revision(sender, instance, raw=False, **kwargs):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Revision

    from media_archive import gallery
    from media_archive.models import DraftReference
    from media_archive.privacy import archive_references

    revision = instance
    page_type = ContentType.objects.get_for_model(Page)
    if raw or revision.base_content_type_id != page_type.id:
        return
    # An older revision is saved again when it is published on schedule; the newest one
    # still says what the editors are preparing.
    newer = Revision.objects.filter(
        base_content_type=page_type, object_id=revision.object_id, pk__gt=revision.pk
    )
    if newer.exists():
        return
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
    gallery.catalogue_changed()


def connect():
    from wagtail.models import Revision

    post_save.connect(record_revision, sender=Revision, dispatch_uid="media-draft-references")
