"""Low-detail pictures (flat grey, a lens-cap frame) are left out of near-duplicate
matching: their hash says nothing about them and matches any picture whose rows never
brighten to the right, such as a dark strip."""

import importlib
import io

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from media_archive import duplicates, ingest
from media_archive.factories import ArchiveImageFactory
from media_archive.models import ArchiveImage


def jpeg(picture):
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90)
    out.seek(0)
    return out


def flat_grey():
    return Image.new("RGB", (640, 480), (128, 128, 128))


def dark_strip():
    """Dark, with a lighter band across: plenty of detail, every row flat left to right."""
    picture = Image.new("RGB", (640, 480), (20, 20, 20))
    ImageDraw.Draw(picture).rectangle((0, 200, 639, 260), fill=(90, 90, 90))
    return picture


def photo_like(seed=3):
    import random

    rng = random.Random(seed)
    picture = Image.new("RGB", (640, 480))
    draw = ImageDraw.Draw(picture)
    for _ in range(60):
        x, y = rng.randrange(600), rng.randrange(440)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randrange(20, 160), y + rng.randrange(20, 160)), fill=colour)
    return picture


def test_a_flat_picture_has_no_hash_a_detailed_one_has():
    assert duplicates.difference_hash(Image.open(jpeg(flat_grey()))) == ""
    assert duplicates.difference_hash(Image.open(jpeg(Image.new("L", (300, 200), 3)))) == ""
    assert duplicates.difference_hash(Image.open(jpeg(dark_strip()))) != ""
    assert duplicates.difference_hash(Image.open(jpeg(photo_like()))) != ""


@pytest.mark.django_db
def test_a_flat_grey_image_is_not_a_near_duplicate_of_a_dark_strip_either_way():
    strip = ingest.ingest(jpeg(dark_strip()), "strip.jpg").item
    grey = ingest.ingest(jpeg(flat_grey()), "grey.jpg").item
    assert grey.near_duplicate_of is None
    assert grey.perceptual_hash == "" and grey.phash_band_0 is None

    other_strip = dark_strip()
    ImageDraw.Draw(other_strip).rectangle((0, 10, 639, 30), fill=(70, 70, 70))
    second = ingest.ingest(jpeg(other_strip), "strip-2.jpg").item
    assert second.near_duplicate_of in (None, strip)  # never the grey frame
    assert ArchiveImage.objects.filter(near_duplicate_of=grey).count() == 0


@pytest.mark.django_db
def test_a_resized_photo_is_still_flagged():
    original = photo_like()
    first = ingest.ingest(jpeg(original), "photo.jpg").item
    smaller = ingest.ingest(jpeg(original.resize((320, 240))), "photo-small.jpg").item
    assert smaller.near_duplicate_of == first


@pytest.mark.django_db
def test_the_migration_clears_the_hashes_and_flags_of_flat_images_already_stored():
    grey = ArchiveImageFactory(file=ContentFile(jpeg(flat_grey()).read(), name="grey.jpg"))
    detailed = ArchiveImageFactory()
    ArchiveImage.objects.filter(pk=grey.pk).update(
        perceptual_hash="0000000000000000", phash_band_0=0, phash_band_1=0
    )
    ArchiveImage.objects.filter(pk=detailed.pk).update(near_duplicate_of=grey)

    migration = importlib.import_module(
        "media_archive.migrations.0007_low_detail_images_not_compared"
    )
    migration.clear_low_detail_hashes(apps, None)

    grey.refresh_from_db()
    detailed.refresh_from_db()
    assert grey.perceptual_hash == "" and grey.phash_band_0 is None
    assert detailed.near_duplicate_of is None
