import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images.forms import get_image_form

from media_archive import duplicates, ingest
from media_archive.forms import ArchiveImageForm
from media_archive.models import ArchiveImage
from tests.media_archive import files


def ingest_bytes(data, name):
    return ingest.ingest(io.BytesIO(data), name)


def resized_copy(data, size, quality):
    buffer = io.BytesIO()
    Image.open(io.BytesIO(data)).resize(size).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


@pytest.mark.django_db
def test_exact_duplicate_is_refused_with_a_link_to_the_existing_item():
    data = files.jpeg_bytes(seed=21)
    first = ingest_bytes(data, "conference.jpg")
    second = ingest_bytes(data, "conference-copy.jpg")

    assert first.status == ingest.IMPORTED
    assert second.status == ingest.DUPLICATE
    assert second.item == first.item
    assert f"/admin/images/{first.item.pk}/" in second.reason
    assert ArchiveImage.objects.count() == 1


@pytest.mark.django_db
def test_resized_and_reencoded_copy_is_imported_but_flagged_for_review():
    original = files.jpeg_bytes(seed=22, size=(1200, 900))
    first = ingest_bytes(original, "original.jpg")
    copy = ingest_bytes(resized_copy(original, (600, 450), quality=60), "smaller.jpg")
    other = ingest_bytes(files.jpeg_bytes(seed=23, size=(1200, 900)), "different.jpg")

    assert copy.status == ingest.IMPORTED
    assert copy.near_duplicate_of == first.item
    assert copy.item.near_duplicate_of == first.item
    assert other.near_duplicate_of is None


def test_hamming_distance_of_difference_hashes():
    picture = files.picture(seed=24)
    same = duplicates.difference_hash(picture)
    assert duplicates.hamming_distance(same, duplicates.difference_hash(picture)) == 0
    different = duplicates.difference_hash(files.picture(seed=25))
    assert duplicates.hamming_distance(same, different) > duplicates.NEAR_DUPLICATE_MAX_DISTANCE


@pytest.mark.django_db
def test_admin_upload_form_refuses_an_exact_duplicate_with_a_link(admin_user):
    data = files.jpeg_bytes(seed=26)
    existing = ingest_bytes(data, "first.jpg").item
    form_class = get_image_form(ArchiveImage)
    assert issubclass(form_class, ArchiveImageForm)
    form = form_class(
        data={"title": "again", "collection": existing.collection_id},
        files={"file": SimpleUploadedFile("again.jpg", data)},
        user=admin_user,
    )
    assert not form.is_valid()
    assert f'href="/admin/images/{existing.pk}/"' in str(form.errors["file"])


@pytest.mark.django_db
def test_exact_duplicate_lookup_takes_one_query_per_model(django_assert_max_num_queries):
    ingest_bytes(files.png_bytes(seed=27), "a.png")
    with django_assert_max_num_queries(2):
        assert duplicates.find_exact_duplicate("0" * 64) is None


@pytest.mark.django_db
def test_hash_band_lookup_finds_what_a_scan_of_every_hash_finds():
    """The indexed bands must miss no near duplicate: every hash within the distance, at
    every number of flipped bits, spread over the bands in every way a random draw gives."""
    import random

    from media_archive.duplicates import (
        NEAR_DUPLICATE_MAX_DISTANCE,
        find_near_duplicate,
        hamming_distance,
        hash_bands,
    )
    from media_archive.factories import ArchiveImageFactory

    rng = random.Random(3)
    stored = ArchiveImageFactory.create_batch(30)
    for image in stored:  # the factory's plain pictures all hash alike; give each its own
        image.perceptual_hash = f"{rng.getrandbits(64):016x}"
        image.save(update_fields=["perceptual_hash"])
    stored[0].refresh_from_db()
    assert (stored[0].phash_band_0, stored[0].phash_band_3) == (
        hash_bands(stored[0].perceptual_hash)[0],
        hash_bands(stored[0].perceptual_hash)[3],
    )
    for _ in range(300):
        original = rng.choice(stored)
        value = int(original.perceptual_hash, 16)
        flips = rng.randint(0, NEAR_DUPLICATE_MAX_DISTANCE + 2)
        for bit in rng.sample(range(64), flips):
            value ^= 1 << bit
        probe = f"{value:016x}"
        by_scan = min(
            (item for item in stored if hamming_distance(probe, item.perceptual_hash) <= 6),
            key=lambda item: hamming_distance(probe, item.perceptual_hash),
            default=None,
        )
        found = find_near_duplicate(probe)
        if by_scan is None:
            assert found is None
        else:
            assert found is not None
            assert hamming_distance(probe, found.perceptual_hash) == hamming_distance(
                probe, by_scan.perceptual_hash
            )


def make_pattern_video(path, pattern, size, crf):
    return files.ffmpeg_make(
        path,
        "-f", "lavfi", "-i", f"{pattern}=size=640x480:rate=10:duration=3",
        "-vf", f"scale={size}", "-c:v", "libx264", "-crf", str(crf), "-pix_fmt", "yuv420p",
    )  # fmt: skip


@files.needs_ffmpeg
@pytest.mark.django_db
def test_reencoded_smaller_video_is_flagged_by_its_poster_frame(tmp_path):
    from media_archive.models import ArchiveMedia

    original = ingest.ingest_path(make_pattern_video(tmp_path / "a.mp4", "testsrc", "640:480", 20))
    copy = ingest.ingest_path(make_pattern_video(tmp_path / "b.mp4", "testsrc", "320:240", 35))
    other = ingest.ingest_path(make_pattern_video(tmp_path / "c.mp4", "smptebars", "640:480", 20))

    assert [r.status for r in (original, copy, other)] == [ingest.IMPORTED] * 3
    assert original.item.perceptual_hash and other.item.perceptual_hash
    assert copy.near_duplicate_of == original.item
    assert ArchiveMedia.objects.get(pk=copy.item.pk).near_duplicate_of == original.item
    assert other.near_duplicate_of is None
    assert original.near_duplicate_of is None


@files.needs_ffmpeg
@pytest.mark.django_db
def test_uploaded_video_is_flagged_against_an_imported_copy(tmp_path):
    """An upload through wagtailmedia's own form is read after it is stored
    (ingest.read_uploaded_media, on save): the same poster-frame check applies."""
    from django.core.files import File

    from media_archive.models import ArchiveMedia

    original = ingest.ingest_path(make_pattern_video(tmp_path / "a.mp4", "testsrc", "640:480", 20))
    smaller = make_pattern_video(tmp_path / "b.mp4", "testsrc", "320:240", 35)
    with smaller.open("rb") as handle:
        uploaded = ArchiveMedia(title="ასლი", type="video", file=File(handle, name="b.mp4"))
        uploaded.save()
    uploaded.refresh_from_db()
    assert uploaded.perceptual_hash
    assert uploaded.near_duplicate_of == original.item
