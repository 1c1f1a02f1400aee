"""Real files for the archive's tests, made by the tests: photos with EXIF and GPS
(Pillow), short video and audio (ffmpeg, where installed), and broken files."""

import io
import random
import shutil
import subprocess
import wave
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageDraw

needs_ffmpeg = pytest.mark.skipif(
    shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None,
    reason="ffmpeg/ffprobe not installed (Debian package ffmpeg): video and audio untested",
)
needs_exiftool = pytest.mark.skipif(
    shutil.which("exiftool") is None,
    reason="exiftool not installed (Debian package libimage-exiftool-perl)",
)

GPS_LATITUDE = (41.0, 43.0, 1.5)  # Tbilisi
GPS_LONGITUDE = (44.0, 47.0, 30.0)
SERIAL_NUMBER = "SN-0042-77"


def picture(seed=1, size=(640, 480)):
    """A photo-like picture: shapes on a gradient, different for every seed."""
    rng = random.Random(seed)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(size[1]):
        shade = int(255 * y / size[1])
        draw.line([(0, y), (size[0], y)], fill=(shade, rng.randint(0, 60), 255 - shade))
    for _ in range(12):
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
        radius = rng.randint(20, size[0] // 4)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    return image


def camera_exif(with_gps=True):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "Canon EOS R6"
    exif[ExifTags.Base.Artist] = "Nino Beridze"  # EXIF text is ASCII
    exif[ExifTags.Base.ImageDescription] = "Conference on social services"
    exif[ExifTags.Base.Orientation] = 1
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    exif_ifd[ExifTags.Base.DateTimeOriginal] = "2024:05:17 10:30:00"
    exif_ifd[ExifTags.Base.LensModel] = "RF24-105mm F4 L IS USM"
    exif_ifd[0xA431] = SERIAL_NUMBER  # BodySerialNumber
    if with_gps:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
        gps[ExifTags.GPS.GPSLongitudeRef] = "E"
        gps[ExifTags.GPS.GPSLongitude] = GPS_LONGITUDE
    return exif


def jpeg_bytes(seed=1, size=(640, 480), with_gps=True, quality=90, image=None):
    buffer = io.BytesIO()
    (image or picture(seed, size)).save(buffer, "JPEG", quality=quality, exif=camera_exif(with_gps))
    return buffer.getvalue()


def png_bytes(seed=2):
    buffer = io.BytesIO()
    picture(seed).save(buffer, "PNG")
    return buffer.getvalue()


def heic_bytes(seed=3):
    from pillow_heif import register_heif_opener

    register_heif_opener()
    buffer = io.BytesIO()
    picture(seed, (320, 240)).save(buffer, "HEIF", quality=70)
    return buffer.getvalue()


def image_bomb_bytes():
    """A small PNG that claims 9,000 × 9,000 pixels (81 megapixels)."""
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, "PNG")
    return buffer.getvalue()


def wav_bytes(seconds=1.0, rate=8000):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as output:
        output.setnchannels(1)
        output.setsampwidth(2)
        output.setframerate(rate)
        output.writeframes(b"\x00\x10" * int(seconds * rate))
    return buffer.getvalue()


def ffmpeg_make(path, *arguments):
    subprocess.run(  # noqa: S603 - fixed program
        [shutil.which("ffmpeg"), "-v", "error", "-y", *arguments, str(path)],
        check=True,
        capture_output=True,
    )
    return Path(path)


def make_video(path, seconds=2):
    return ffmpeg_make(
        path,
        "-f", "lavfi", "-i", f"testsrc=size=320x240:rate=10:duration={seconds}",
        "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
        "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )  # fmt: skip


def make_mp3(path, seconds=1):
    return ffmpeg_make(
        path, "-f", "lavfi", "-i", f"sine=frequency=330:duration={seconds}", "-c:a", "libmp3lame"
    )


# Bad uploads: what staff's cameras, phones and mistakes actually send -------------------


def truncated_jpeg_bytes(seed=90):
    whole = jpeg_bytes(seed=seed)
    return whole[: len(whole) // 2]


def nul_exif_jpeg_bytes(seed=91):
    """A real camera's habit: EXIF texts with NULs inside (Model "ION230\\x00F"), and a
    caption with control characters. PostgreSQL refuses NUL in text."""
    exif = camera_exif(with_gps=False)
    exif[ExifTags.Base.Model] = "ION230\x00F\x00\x00"
    exif[ExifTags.Base.ImageDescription] = "Meeting\x00\x07 in Rustavi\x00"
    exif[ExifTags.Base.Artist] = "\x00Nino\x1b Beridze"
    buffer = io.BytesIO()
    picture(seed).save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def corrupt_mp4_bytes(tmp_path):
    """A real MP4 with its index (moov) cut off: what an interrupted copy leaves."""
    whole = make_video(Path(tmp_path) / "whole.mp4").read_bytes()
    return whole[: len(whole) // 3]
