"""Video and audio reach the public as a copy without the upload's metadata: no place of
recording, no device serial number. The upload itself is kept, for staff only."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.files import File

from media_archive import extraction, ingest
from media_archive.models import ArchiveMedia
from tests.media_archive import files

LOCATION = "+41.7151+044.8271/"
CATALOGUED = {"rights_kind": "agency", "consent_status": "not_needed"}


def video_with_location(path):
    """A phone-like clip: the place of recording in the container, the camera's serial on
    the video stream, a comment naming the serial."""
    return files.ffmpeg_make(
        path,
        "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
        "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
        "-metadata", f"location={LOCATION}",
        "-metadata", f"com.apple.quicktime.location.ISO6709={LOCATION}",
        "-metadata", f"comment=Body serial {files.SERIAL_NUMBER}",
        "-metadata:s:v", f"serial_number={files.SERIAL_NUMBER}",
        "-movflags", "use_metadata_tags",
    )  # fmt: skip


def metadata_of(path):
    """Every tag ffprobe reports for the container and each stream, as one text."""
    report = subprocess.run(  # noqa: S603 - fixed program
        [
            shutil.which("ffprobe"), "-v", "error", "-print_format", "json",
            "-show_entries", "format_tags:stream_tags", str(path),
        ],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.dumps(json.loads(report), ensure_ascii=False)


def exiftool_of(path):
    if shutil.which("exiftool") is None:
        return ""
    return subprocess.run(  # noqa: S603 - fixed program
        [shutil.which("exiftool"), "-a", "-G1", "-s", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def assert_private_metadata_gone(path):
    ffprobe_view = metadata_of(path)
    assert "41.7151" not in ffprobe_view and files.SERIAL_NUMBER not in ffprobe_view
    exiftool_view = exiftool_of(path)
    assert "GPS" not in exiftool_view and "Location" not in exiftool_view
    assert files.SERIAL_NUMBER not in exiftool_view


@files.needs_ffmpeg
def test_the_test_clip_really_carries_location_and_serial(tmp_path):
    clip = video_with_location(tmp_path / "clip.mp4")
    assert LOCATION in metadata_of(clip)
    assert files.SERIAL_NUMBER in metadata_of(clip)


@files.needs_ffmpeg
def test_public_copy_keeps_the_streams_and_drops_the_metadata(tmp_path):
    clip = video_with_location(tmp_path / "clip.mp4")
    with extraction.public_copy(clip) as public:
        assert public is not None
        assert_private_metadata_gone(public)
        probe = extraction.probe_media(public)
    assert probe["kind"] == "video"
    assert probe["technical"]["width"] == 160
    assert probe["technical"]["audio_codec"] == "aac"


@files.needs_ffmpeg
@pytest.mark.django_db
def test_imported_video_is_served_to_the_public_only_as_the_clean_copy(tmp_path, client):
    caches["default"].clear()
    clip = video_with_location(tmp_path / "phone-clip.mp4")

    result = ingest.ingest_path(clip, defaults=CATALOGUED)

    media = result.item
    assert result.status == ingest.IMPORTED, result.reason
    assert media.public_file.name.startswith("media_public/")
    assert LOCATION in metadata_of(media.file.path)  # the archive keeps the upload whole
    assert_private_metadata_gone(media.public_file.path)
    assert client.get(media.public_file.url).status_code == 200
    assert client.get(media.file.url).status_code == 404


@files.needs_ffmpeg
@pytest.mark.django_db
def test_admin_upload_makes_the_clean_copy_and_a_replaced_file_replaces_it(tmp_path):
    first = video_with_location(tmp_path / "upload.mp4")
    with first.open("rb") as upload:
        media = ArchiveMedia(title="ატვირთული", type="video", **CATALOGUED)
        media.file = File(upload, name="upload.mp4")
        media.save()
    media.refresh_from_db()
    assert_private_metadata_gone(media.public_file.path)
    old_copy = media.public_file.path

    second = files.make_mp3(tmp_path / "replacement.mp3")
    with second.open("rb") as upload:
        media.file = File(upload, name="replacement.mp3")
        media.save()
    media.refresh_from_db()
    assert media.public_file.name.endswith(".mp3")
    assert not Path(old_copy).exists()


def test_without_ffmpeg_no_public_copy_is_made(tmp_path, monkeypatch):
    monkeypatch.setattr(extraction.shutil, "which", lambda name: None)
    with extraction.public_copy(tmp_path / "any.mp4") as public:
        assert public is None
