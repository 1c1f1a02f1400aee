"""The whole of ../shared/corpora/exif-samples (real camera files no one here made)
through the import, each file's outcome, date (with its offset), displayed size and camera
held against what exiftool reads from the same file, in the same run."""

import datetime
import hashlib
import json
import os
import shutil
import subprocess

import pytest
from django.conf import settings
from django.utils import timezone

from media_archive import ingest
from media_archive.models import ArchiveImage
from tests.media_archive import corpora, files

IMAGE_SUFFIXES = {suffix for suffix in ingest.IMAGE_EXTENSIONS}


def exiftool_readings(root):
    """{relative path: {group:tag: value}} for every file, numbers as numbers (-n)."""
    completed = subprocess.run(  # noqa: S603 - fixed program, our own folder
        [shutil.which("exiftool"), "-json", "-G1", "-n", "-r", "-charset", "UTF8", str(root)],
        capture_output=True,
        check=False,
        timeout=600,
    )
    readings = json.loads(completed.stdout or b"[]")
    return {
        os.path.relpath(reading["SourceFile"], root): reading
        for reading in readings
        if os.path.isfile(reading["SourceFile"])
    }


def _moment(text, offset_text=""):
    """exiftool's "2021:04:11 15:47:53" (and "…-05:00", "…Z") as (naive, offset or None)."""
    text = str(text).strip()
    try:
        naive = datetime.datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        try:
            return datetime.datetime.strptime(text[:10], "%Y:%m:%d"), "date"
        except ValueError:
            return None, None
    offset = (offset_text or text[19:]).strip()
    if offset == "Z":
        offset = "+00:00"
    return naive, (offset or None)


def expected_date(reading):
    """When the picture was taken, read the way the issue asks: the camera's original
    time at its offset; else the IPTC or XMP date; never a ModifyDate."""
    candidates = (
        ("ExifIFD:DateTimeOriginal", "ExifIFD:OffsetTimeOriginal"),
        ("ExifIFD:CreateDate", "ExifIFD:OffsetTimeDigitized"),
        ("IPTC:DateCreated", None),
        ("XMP-exif:DateTimeOriginal", None),
        ("XMP-photoshop:DateCreated", None),
        ("XMP-xmp:CreateDate", None),
    )
    for tag, offset_tag in candidates:
        if tag not in reading:
            continue
        value = str(reading[tag])
        offset = reading.get(offset_tag, "") if offset_tag else ""
        if tag == "IPTC:DateCreated" and "IPTC:TimeCreated" in reading:
            value = f"{value} {reading['IPTC:TimeCreated']}"
        naive, offset = _moment(value, offset)
        if naive is not None and naive.year > 1800:
            return naive, offset
    return None, None


def expected_size(reading):
    # exiftool names the size by where it found it: the JPEG frame or HEIC box (File),
    # or a TIFF's first IFD.
    group = "File" if "File:ImageWidth" in reading else "IFD0"
    width, height = reading[f"{group}:ImageWidth"], reading[f"{group}:ImageHeight"]
    if reading.get("File:FileType") == "HEIC":
        turned = reading.get("QuickTime:Rotation") in (90, 270)
    else:
        turned = reading.get("IFD0:Orientation") in (5, 6, 7, 8)
    return (height, width) if turned else (width, height)


def decodes_whole(path):
    """Whether Pillow reads every pixel of a file within the archive's pixel limit
    (truncated files are not completed)."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            if image.width * image.height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                return False
            image.load()
    except Exception:  # noqa: BLE001 - any failure to decode is the answer
        return False
    return True


def stored_names():
    return {name for _root, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names}


@files.needs_exiftool
@pytest.mark.django_db
def test_every_real_camera_file_is_imported_as_exiftool_reads_it():
    root = corpora.corpus("exif-samples")
    readings = exiftool_readings(root)
    paths = sorted(path for path in root.rglob("*") if path.is_file())
    assert len(paths) > 90

    seen_checksums = set()
    outcomes = {}
    for path in paths:
        relative = str(path.relative_to(root))
        before = stored_names()
        result = ingest.ingest_path(path)
        outcomes[relative] = result.status
        checksum = hashlib.sha256(path.read_bytes()).hexdigest()
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            assert result.status == ingest.SKIPPED, relative
            assert stored_names() == before
            continue
        if checksum in seen_checksums:
            assert result.status == ingest.DUPLICATE, relative
            continue
        if result.status == ingest.SKIPPED:
            # Refused: a reason of ours, and nothing left behind.
            assert result.reason and "Error" not in result.reason, (relative, result.reason)
            # Refused only for real damage or real size, as Pillow alone sees the file.
            assert not decodes_whole(path), (relative, result.reason)
            assert stored_names() == before, relative
            assert not ArchiveImage.objects.filter(sha256=checksum).exists()
            continue
        assert result.status == ingest.IMPORTED, (relative, result.reason)
        seen_checksums.add(checksum)
        image = ArchiveImage.objects.get(pk=result.item.pk)
        reading = readings[relative]
        technical = image.technical_metadata

        assert (technical["width"], technical["height"]) == expected_size(reading), relative

        naive, offset = expected_date(reading)
        if naive is None:
            assert image.date_taken is None, (relative, image.date_taken)
            assert technical.get("date_unknown") is True
        elif offset == "date":
            assert timezone.localtime(image.date_taken).date() == naive.date(), relative
        elif offset:
            recorded = datetime.datetime.fromisoformat(f"{naive.isoformat()}{offset}")
            assert image.date_taken == recorded, (relative, image.date_taken, recorded)
            assert technical["date_taken_offset"] == offset.replace("Z", "+00:00"), relative
        else:
            local = timezone.localtime(image.date_taken).replace(tzinfo=None)
            assert local == naive, (relative, local, naive)
            assert "date_taken_offset" not in technical, relative

        make = str(reading.get("IFD0:Make", "")).strip()
        model = str(reading.get("IFD0:Model", "")).strip()
        if model:
            assert model in technical["camera"], (relative, technical.get("camera"), model)
            assert make in technical["camera"] or model.startswith(make), relative
        else:
            assert "camera" not in technical, relative

    imported = sum(status == ingest.IMPORTED for status in outcomes.values())
    refused = [name for name, status in outcomes.items() if status == ingest.SKIPPED]
    images = [name for name in outcomes if os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES]
    # Every TIFF and HEIC is taken; of the JPEGs, only the ones that do not decode whole.
    refused_images = sorted(name for name in refused if name in images)
    assert not [name for name in refused_images if name.startswith(("tiff/", "heic/"))]
    assert imported >= len(images) - 3, (imported, len(images), refused)
    print(f"\ncorpus: {len(paths)} files, {len(images)} images, imported {imported}, ", end="")
    print(f"refused {refused_images}")
