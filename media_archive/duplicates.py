"""Exact duplicates (same bytes: SHA-256) and near duplicates (same picture resized or
re-encoded: a 64-bit difference hash within a few bits; for a video, of its poster frame)."""

import hashlib
import io

from PIL import Image, ImageOps, ImageStat

CHUNK_SIZE = 1024 * 1024
# Of 64 bits: re-encoding or resizing flips a handful; a different photo flips ~half.
NEAR_DUPLICATE_MAX_DISTANCE = 6
# Brightness spread (standard deviation, of 255) below which a picture has too little detail
# for its hash to mean anything: a flat grey frame, a lens-cap shot, a blank scan. Its
# dHash is (nearly) all zeros, the same as any picture whose rows never brighten to the
# right — a dark strip, say — so it would be flagged as a duplicate of those.
LOW_DETAIL_MAX_STDDEV = 3.0
DETAIL_SAMPLE_SIZE = (64, 64)


def sha256_of(fileobj):
    """Hex SHA-256 of a file object's contents; the file is rewound before and after."""
    return _digest_of(fileobj, hashlib.sha256())


def sha1_of(fileobj):
    """Hex SHA-1, the hash Wagtail keeps in `file_hash` for its own duplicate warning."""
    return _digest_of(fileobj, hashlib.sha1())  # noqa: S324 - Wagtail's field, not security


def _digest_of(fileobj, digest):
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(CHUNK_SIZE), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def is_low_detail(greyscale_image):
    """Whether a greyscale picture is (nearly) flat: too little detail to compare."""
    sample = greyscale_image.resize(DETAIL_SAMPLE_SIZE, Image.Resampling.BILINEAR)
    return ImageStat.Stat(sample).stddev[0] < LOW_DETAIL_MAX_STDDEV


def difference_hash(pillow_image):
    """dHash: does each pixel of a 9×8 greyscale thumbnail get brighter to the right?

    "" for a low-detail picture (`is_low_detail`): it is left out of near-duplicate
    matching, both as a new item and as a candidate for others."""
    image = ImageOps.exif_transpose(pillow_image)
    image.draft("L", (64, 64))  # JPEG decoders scale down while decoding: much faster
    greyscale = image.convert("L")
    if is_low_detail(greyscale):
        return ""
    small = greyscale.resize((9, 8), Image.Resampling.LANCZOS)
    pixels = small.tobytes()  # mode L: one byte per pixel, row by row
    bits = 0
    for row in range(8):
        for column in range(8):
            left = pixels[row * 9 + column]
            right = pixels[row * 9 + column + 1]
            bits = (bits << 1) | (1 if right > left else 0)
    return f"{bits:016x}"


def hamming_distance(first_hex, second_hex):
    return (int(first_hex, 16) ^ int(second_hex, 16)).bit_count()


def archive_models():
    from media_archive.models import ArchiveImage, ArchiveMedia

    return (ArchiveImage, ArchiveMedia)


def find_exact_duplicate(checksum):
    """The archive item (image or media) holding exactly these bytes, or None."""
    if not checksum:
        return None
    for model in archive_models():
        item = model.objects.filter(sha256=checksum).order_by("pk").first()
        if item is not None:
            return item
    return None


BAND_BITS = 16
BAND_COUNT = 64 // BAND_BITS
BAND_MASK = (1 << BAND_BITS) - 1


def hash_bands(perceptual_hash):
    """The 64-bit hash as four 16-bit integers, most significant first; Nones without one."""
    if not perceptual_hash:
        return (None,) * BAND_COUNT
    value = int(perceptual_hash, 16)
    shifts = range(64 - BAND_BITS, -1, -BAND_BITS)
    return tuple((value >> shift) & BAND_MASK for shift in shifts)


def near_duplicate_candidates_q(perceptual_hash):
    """Rows that may lie within NEAR_DUPLICATE_MAX_DISTANCE bits of the hash.

    Pigeonhole: d ≤ 6 differing bits spread over four bands leave at least one band with
    at most ⌊6/4⌋ = 1 differing bit. So every near duplicate has some band equal to ours or
    one bit away: 17 values per band, looked up in the band's index.
    """
    from django.db.models import Q

    condition = Q()
    for number, band in enumerate(hash_bands(perceptual_hash)):
        neighbours = [band] + [band ^ (1 << bit) for bit in range(BAND_BITS)]
        condition |= Q(**{f"phash_band_{number}__in": neighbours})
    return condition


def poster_hash(poster_jpeg):
    """The difference hash of a video's poster frame: a re-encoded or resized copy of a video
    gives the same frame at the same moment, so its poster hashes alike."""
    with Image.open(io.BytesIO(poster_jpeg)) as poster:
        return difference_hash(poster)


def _near_duplicate_candidates(model, perceptual_hash):
    # Images are many (100,000 in bench/media_gallery.py): the indexed bands narrow them.
    # Videos are few beside them (an event gives one or two), so their hashes are read whole.
    if hasattr(model, "phash_band_0"):
        return model.objects.filter(near_duplicate_candidates_q(perceptual_hash))
    return model.objects.exclude(perceptual_hash="")


def find_near_duplicate(perceptual_hash, exclude_pk=None, model=None):
    """The closest existing item of `model` (images by default) within
    NEAR_DUPLICATE_MAX_DISTANCE, or None.

    Hamming distance has no portable index in SQLite or PostgreSQL; the indexed hash bands
    narrow 100,000 hashes to a handful of candidates, measured exactly here.
    """
    from media_archive.models import ArchiveImage

    if not perceptual_hash:
        return None
    model = model or ArchiveImage
    target = int(perceptual_hash, 16)
    rows = _near_duplicate_candidates(model, perceptual_hash)
    if exclude_pk is not None:
        rows = rows.exclude(pk=exclude_pk)
    best = None
    for pk, other in rows.values_list("pk", "perceptual_hash"):
        distance = (target ^ int(other, 16)).bit_count()
        if distance <= NEAR_DUPLICATE_MAX_DISTANCE and (best is None or distance < best[1]):
            best = (pk, distance)
    return model.objects.get(pk=best[0]) if best else None


def admin_edit_url(item):
    from django.urls import reverse

    from media_archive.models import ArchiveImage

    if isinstance(item, ArchiveImage):
        return reverse("wagtailimages:edit", args=[item.pk])
    return reverse("wagtailmedia:edit", args=[item.pk])
