import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone, translation
from PIL import Image

from media_archive import extraction, ingest
from tests.media_archive import files

XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description>'
    b"<dc:subject><rdf:Bag><rdf:li>pension</rdf:li><rdf:li>\xe1\x83\x91\xe1\x83\x90\xe1\x83\x95"
    b"\xe1\x83\xa8\xe1\x83\x95\xe1\x83\x94\xe1\x83\x91\xe1\x83\x98</rdf:li></rdf:Bag></dc:subject>"
    b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def test_exif_gives_date_camera_lens_gps_caption_and_keeps_serial_private():
    buffer = io.BytesIO()
    files.picture().save(buffer, "JPEG", exif=files.camera_exif(), xmp=XMP_PACKET)
    metadata = extraction.extract_image_metadata(Image.open(io.BytesIO(buffer.getvalue())))

    catalogue = metadata["catalogue"]
    taken = timezone.localtime(catalogue["date_taken"])
    assert (taken.year, taken.month, taken.day, taken.hour, taken.minute) == (2024, 5, 17, 10, 30)
    assert catalogue["latitude"] == Decimal("41.717083")
    assert catalogue["longitude"] == Decimal("44.791667")
    assert catalogue["caption_ka"] == "Conference on social services"
    assert catalogue["credit"] == "Nino Beridze"
    assert metadata["keywords"] == ["pension", "ბავშვები"]
    technical = metadata["technical"]
    assert technical["camera"] == "Canon EOS R6"
    assert technical["lens"] == "RF24-105mm F4 L IS USM"
    assert (technical["width"], technical["height"], technical["orientation"]) == (640, 480, 1)
    assert files.SERIAL_NUMBER not in str(technical)
    assert metadata["private"]["body_serial_number"] == files.SERIAL_NUMBER


def test_image_without_metadata_gives_only_technical_values():
    metadata = extraction.extract_image_metadata(Image.open(io.BytesIO(files.png_bytes())))
    assert metadata["catalogue"] == {}
    assert metadata["keywords"] == []
    assert metadata["technical"]["format"] == "PNG"


@files.needs_ffmpeg
def test_ffprobe_reports_video_duration_codecs_resolution_and_makes_a_poster(tmp_path):
    video = files.make_video(tmp_path / "clip.mp4", seconds=2)
    probe = extraction.probe_media(video)
    assert probe["kind"] == "video"
    technical = probe["technical"]
    assert technical["duration"] == pytest.approx(2.0, abs=0.2)
    assert (technical["video_codec"], technical["audio_codec"]) == ("h264", "aac")
    assert (technical["width"], technical["height"]) == (320, 240)

    poster = extraction.poster_frame(video, technical["duration"])
    assert Image.open(io.BytesIO(poster)).size == (320, 240)


@files.needs_ffmpeg
def test_ffprobe_reports_audio(tmp_path):
    probe = extraction.probe_media(files.make_mp3(tmp_path / "speech.mp3"))
    assert probe["kind"] == "audio"
    assert probe["technical"]["audio_codec"] == "mp3"
    assert "video_codec" not in probe["technical"]


@pytest.mark.django_db
def test_missing_ffmpeg_is_a_clear_reason_not_a_crash(tmp_path, monkeypatch):
    wav = tmp_path / "interview.wav"
    wav.write_bytes(files.wav_bytes())
    monkeypatch.setattr(extraction.shutil, "which", lambda name: None)

    result = ingest.ingest_path(wav)
    assert result.status == ingest.SKIPPED
    assert "არ არის დაინსტალირებული ffprobe" in result.reason  # the staff's language

    with translation.override("en"):
        result = ingest.ingest_path(wav)
    assert "ffprobe is not installed" in result.reason
    assert not list(Path(tmp_path).glob("*.jpg"))


@pytest.mark.django_db
def test_uploaded_image_is_catalogued_from_its_own_metadata():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from media_archive.models import ArchiveImage

    image = ArchiveImage(
        title="upload", file=SimpleUploadedFile("upload.jpg", files.jpeg_bytes(seed=5))
    )
    image.save()
    image.refresh_from_db()
    assert image.credit == "Nino Beridze"
    assert image.latitude == Decimal("41.717083")
    assert image.technical_metadata["camera"] == "Canon EOS R6"
    assert len(image.sha256) == 64 and len(image.perceptual_hash) == 16
    assert image.original_filename == "upload.jpg"
