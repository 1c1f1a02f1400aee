"""Reviewing a possible duplicate side by side: keep both (the flag is cleared), or keep one
picture and remove the other without breaking anything that used the removed one.

Pages, snippets and settings refer to an image by its row. So the row that something uses
is the row that stays: when the removed picture is the one in use, its row takes the kept
picture's file and catalogue, and the other row goes (with the file it then holds, the
old picture, so no file is left without a row). When both are in use the replacement is
refused, naming where each is used: which page should show which picture is the editor's
decision, not the archive's.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import ReferenceIndex

from media_archive.models import Album, ArchiveImage, CatalogueFields, DraftReference

# What the picture is, beside its file: it travels with the file.
PICTURE_FIELDS = (
    "width",
    "height",
    "file_size",
    "file_hash",
    "sha256",
    "perceptual_hash",
    "technical_metadata",
    "original_filename",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)


class ReplacementRefused(Exception):
    pass


@dataclass
class Outcome:
    kept: ArchiveImage
    removed_title: str


def is_in_use(image):
    """Whether a page (live or in its latest draft), a snippet or the settings show it.
    Another image's "possible duplicate of" and an album's cover do not count: `replace`
    moves those to the image that stays."""
    image_type = ContentType.objects.get_for_model(ArchiveImage)
    references = (
        ReferenceIndex.get_references_to(image)
        .exclude(base_content_type=image_type)
        .exclude(content_type=ContentType.objects.get_for_model(Album))
    )
    if references.exists():
        return True
    return DraftReference.objects.filter(content_type=image_type, object_id=image.pk).exists()


def keep_both(image):
    """Reviewed: not a duplicate. The flag goes; nothing else changes."""
    image.near_duplicate_of = None
    image.catalogue_read_from_file = True
    image.save(update_fields=["near_duplicate_of"])


@transaction.atomic
def replace(keep, remove):
    """Keep the picture of `keep`, remove `remove`. Returns the row that stays."""
    keep = ArchiveImage.objects.select_for_update().get(pk=keep.pk)
    remove = ArchiveImage.objects.select_for_update().get(pk=remove.pk)
    if keep.pk == remove.pk:
        raise ReplacementRefused(_("An image cannot replace itself."))
    keep_in_use, remove_in_use = is_in_use(keep), is_in_use(remove)
    if keep_in_use and remove_in_use:
        raise ReplacementRefused(
            _(
                "Both images are used on the site. Choose one picture on each page that "
                "uses the other, then remove it."
            )
        )
    removed_title = remove.title
    if not remove_in_use:
        survivor, leaving = keep, remove
    else:
        survivor, leaving = _take_over(row=remove, picture=keep)
    ArchiveImage.objects.filter(near_duplicate_of=leaving).update(near_duplicate_of=survivor)
    Album.objects.filter(cover=leaving).update(cover=survivor)
    survivor.tags.add(*leaving.tags.all())
    for name in CatalogueFields.CATALOGUE_FIELD_NAMES:
        if getattr(survivor, name) in ("", None) and getattr(leaving, name) not in ("", None):
            setattr(survivor, name, getattr(leaving, name))
    survivor.near_duplicate_of = None
    survivor.catalogue_read_from_file = True
    leaving.delete()  # Wagtail removes its file (and its renditions') after the commit
    survivor.save()
    return Outcome(kept=survivor, removed_title=removed_title)


def _take_over(row, picture):
    """`row` (in use) takes `picture`'s file, title and catalogue; `picture`'s row keeps
    `row`'s old file, to be deleted with it. Returns (row, picture's row)."""
    old_file_name = row.file.name
    row.file.name = picture.file.name
    for name in (*PICTURE_FIELDS, "title", "collection_id"):
        setattr(row, name, getattr(picture, name))
    # The kept item's catalogue, with the removed one's where the kept one has nothing.
    for name in _catalogue_attnames():
        if getattr(picture, name) not in ("", None):
            setattr(row, name, getattr(picture, name))
    # The old picture's renditions go with it; the worker makes the new ones (row.save()).
    for rendition in row.renditions.all():
        rendition.delete()
    ArchiveImage.objects.filter(pk=picture.pk).update(file=old_file_name)
    picture.file.name = old_file_name
    return row, picture


def _catalogue_attnames():
    return [
        ArchiveImage._meta.get_field(name).attname for name in CatalogueFields.CATALOGUE_FIELD_NAMES
    ]
