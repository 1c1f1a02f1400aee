"""Low-detail images (flat grey, lens-cap frames) no longer take part in near-duplicate
matching (media_archive.duplicates.is_low_detail): the hashes already stored for them are
cleared, and "possible duplicate" flags between them and other items removed.

A flat picture's difference hash has (almost) no bit set, so only those files are opened;
a file that cannot be read keeps its hash."""

import logging

from django.db import migrations

logger = logging.getLogger(__name__)

# At most this many bits set: where a flat or nearly flat picture's hash lands.
FEW_BITS = 8


def clear_low_detail_hashes(apps, schema_editor):
    from PIL import Image, ImageOps

    from media_archive.duplicates import is_low_detail

    ArchiveImage = apps.get_model("media_archive", "ArchiveImage")
    suspects = [
        pk
        for pk, perceptual_hash in ArchiveImage.objects.exclude(perceptual_hash="").values_list(
            "pk", "perceptual_hash"
        )
        if int(perceptual_hash, 16).bit_count() <= FEW_BITS
    ]
    flat = []
    for image in ArchiveImage.objects.filter(pk__in=suspects).only("pk", "file"):
        try:
            with image.file.open("rb") as stored, Image.open(stored) as picture:
                picture.draft("L", (64, 64))
                if is_low_detail(ImageOps.exif_transpose(picture).convert("L")):
                    flat.append(image.pk)
        except Exception as error:  # noqa: BLE001 - a missing or unreadable file keeps its hash
            logger.warning("Image %s not re-read for its detail: %s", image.pk, error)
    if not flat:
        return
    ArchiveImage.objects.filter(pk__in=flat).update(
        perceptual_hash="",
        phash_band_0=None,
        phash_band_1=None,
        phash_band_2=None,
        phash_band_3=None,
        near_duplicate_of=None,
    )
    ArchiveImage.objects.filter(near_duplicate_of__in=flat).update(near_duplicate_of=None)


class Migration(migrations.Migration):
    dependencies = [("media_archive", "0006_public_renditions_ready")]

    operations = [migrations.RunPython(clear_low_detail_hashes, migrations.RunPython.noop)]
