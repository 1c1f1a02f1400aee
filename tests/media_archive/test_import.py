import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import translation

from media_archive import ingest
from media_archive.models import Album, ArchiveImage, ArchiveMedia
from tests.media_archive import files

CONFERENCE = "2024-05-17 პრესკონფერენცია"
SEMINAR = "2023-12-01 Seminar"


def run_import(path, *extra):
    stdout, stderr = io.StringIO(), io.StringIO()
    # The report is checked word for word in English; staff see it in Georgian.
    with translation.override("en"):
        call_command("import_media", str(path), *extra, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def stored_names():
    """Every file name under MEDIA_ROOT, to prove nothing is stored without a record."""
    return {name for _root, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names}


@pytest.fixture
def photo_tree(tmp_path):
    conference = tmp_path / CONFERENCE
    seminar = tmp_path / SEMINAR / "day-2"
    conference.mkdir()
    seminar.mkdir(parents=True)
    (conference / "imp-opening.jpg").write_bytes(files.jpeg_bytes(seed=31))
    (conference / "imp-panel.png").write_bytes(files.png_bytes(seed=32))
    (conference / "imp-phone.heic").write_bytes(files.heic_bytes(seed=33))
    (seminar / "imp-workshop.jpg").write_bytes(files.jpeg_bytes(seed=34, with_gps=False))
    (tmp_path / "imp-loose.jpg").write_bytes(files.jpeg_bytes(seed=35))
    return tmp_path


@pytest.fixture
def bad_tree(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    whole = files.jpeg_bytes(seed=36)
    (bad / "imp-corrupt.jpg").write_bytes(whole[: len(whole) // 2])
    (bad / "imp-bomb.png").write_bytes(files.image_bomb_bytes())
    (bad / "imp-page.jpg").write_bytes(b"<!DOCTYPE html><html><body>not a photo</body></html>")
    (bad / "imp-empty.jpg").write_bytes(b"")
    (bad / "imp-notes.txt").write_text("minutes")
    (bad / "imp-gone.jpg").symlink_to(tmp_path / "missing.jpg")  # unreadable: dangling link
    return tmp_path


@pytest.mark.django_db
def test_folders_become_albums_and_a_rerun_imports_nothing_twice(photo_tree):
    report, _ = run_import(photo_tree)

    assert "Imported: 5, duplicates: 0, skipped: 0" in report
    conference = Album.objects.get(source_folder=CONFERENCE)
    assert (conference.title_ka, str(conference.event_date)) == ("პრესკონფერენცია", "2024-05-17")
    assert Album.objects.filter(source_folder=f"{SEMINAR}/day-2").exists()
    opening = ArchiveImage.objects.get(original_filename="imp-opening.jpg")
    assert opening.album == conference
    assert opening.event_name == "პრესკონფერენცია"
    assert conference.cover == ArchiveImage.objects.filter(album=conference).order_by("pk")[0]
    assert ArchiveImage.objects.get(original_filename="imp-phone.heic").width == 320
    assert ArchiveImage.objects.get(original_filename="imp-loose.jpg").album is None
    positions = list(
        ArchiveImage.objects.filter(album=conference)
        .order_by("album_position")
        .values_list("original_filename", flat=True)
    )
    assert positions == ["imp-opening.jpg", "imp-panel.png", "imp-phone.heic"]

    again, _ = run_import(photo_tree)

    assert "Imported: 0, duplicates: 5, skipped: 0" in again
    assert ArchiveImage.objects.count() == 5
    assert Album.objects.count() == 2


@pytest.mark.django_db
def test_an_interrupted_import_resumes_where_it_stopped(photo_tree, monkeypatch):
    real_ingest_path = ingest.ingest_path
    calls = []

    def interrupted_on_the_third_file(path, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_ingest_path(path, **kwargs)

    monkeypatch.setattr(ingest, "ingest_path", interrupted_on_the_third_file)
    with pytest.raises(SystemExit):
        run_import(photo_tree)
    assert ArchiveImage.objects.count() == 2

    monkeypatch.setattr(ingest, "ingest_path", real_ingest_path)
    report, _ = run_import(photo_tree)

    assert "Imported: 3, duplicates: 2, skipped: 0" in report
    checksums = list(ArchiveImage.objects.values_list("sha256", flat=True))
    assert len(checksums) == len(set(checksums)) == 5


@pytest.mark.django_db
def test_bad_files_are_reported_by_name_with_a_reason_and_nothing_is_half_imported(bad_tree):
    report, _ = run_import(bad_tree)

    assert "Imported: 0, duplicates: 0, skipped: 6" in report
    expected = {
        "bad/imp-corrupt.jpg": "the image is damaged or incomplete",
        "bad/imp-bomb.png": "image too large: 9000 × 9000 pixels",
        "bad/imp-page.jpg": "the name says JPEG but the content is HTML or XML text",
        "bad/imp-empty.jpg": "empty file (0 bytes)",
        "bad/imp-notes.txt": "unsupported file type “.txt”",
        "bad/imp-gone.jpg": "cannot be read",
    }
    for name, reason in expected.items():
        line = next(line for line in report.splitlines() if name in line)
        assert reason in line, line
    assert ArchiveImage.objects.count() == 0
    bad_stems = tuple(Path(name).stem for name in expected)
    assert not {name for name in stored_names() if name.startswith(bad_stems)}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
@pytest.mark.django_db
def test_a_file_without_read_permission_is_reported(tmp_path):
    locked = tmp_path / "imp-locked.jpg"
    locked.write_bytes(files.jpeg_bytes(seed=37))
    locked.chmod(0)
    report, _ = run_import(tmp_path)
    assert "imp-locked.jpg: cannot be read: permission denied" in report


@pytest.mark.django_db
def test_a_database_failure_leaves_no_stored_file_behind(tmp_path, monkeypatch):
    (tmp_path / "imp-dbfail.jpg").write_bytes(files.jpeg_bytes(seed=38))

    def refuse(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(ArchiveImage, "_do_insert", refuse)
    report, _ = run_import(tmp_path)

    assert "imp-dbfail.jpg: could not be stored: disk full" in report
    assert not [name for name in stored_names() if name.startswith("imp-dbfail")]


@pytest.mark.django_db
def test_progress_bar_on_request(photo_tree):
    _, progress = run_import(photo_tree, "--progress", "always")
    assert "] 5/5 " in progress
    assert "#" * 30 in progress


@files.needs_ffmpeg
@pytest.mark.django_db
def test_video_and_audio_import_with_poster_and_truncated_video_refused(tmp_path):
    event = tmp_path / "2024-06-01 Forum"
    event.mkdir()
    files.make_video(event / "imp-clip.mp4")
    files.make_video(event / "imp-clip-mov.mov", seconds=1)
    files.make_mp3(event / "imp-speech.mp3")
    (event / "imp-interview.wav").write_bytes(files.wav_bytes())
    whole = (event / "imp-clip.mp4").read_bytes()
    (event / "imp-truncated.mp4").write_bytes(whole[: len(whole) // 3])

    report, _ = run_import(tmp_path)

    assert "Imported: 4, duplicates: 0, skipped: 1" in report
    truncated = next(line for line in report.splitlines() if "imp-truncated.mp4" in line)
    # Our reason, in the admin's language; ffprobe's own words go to the log only.
    assert "not a readable video or audio file" in truncated
    assert "moov atom" not in truncated and "Invalid data" not in truncated
    clip = ArchiveMedia.objects.get(original_filename="imp-clip.mp4")
    assert (clip.type, clip.width, clip.height) == ("video", 320, 240)
    assert clip.duration == pytest.approx(2.0, abs=0.2)
    assert clip.technical_metadata["video_codec"] == "h264"
    assert clip.thumbnail and Path(clip.thumbnail.path).stat().st_size > 0
    assert clip.event_name == "Forum"
    speech = ArchiveMedia.objects.get(original_filename="imp-speech.mp3")
    assert (speech.type, speech.technical_metadata["audio_codec"]) == ("audio", "mp3")
    assert ArchiveMedia.objects.get(original_filename="imp-interview.wav").type == "audio"
    assert not [name for name in stored_names() if name.startswith("imp-truncated")]
