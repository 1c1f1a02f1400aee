"""What the files themselves say: EXIF, IPTC and XMP from images; ffprobe's report and a
poster frame for video and audio; the metadata-free copy of video and audio the public gets."""

import datetime
import json
import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from defusedxml import ElementTree
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, IptcImagePlugin

FFPROBE_TIMEOUT_SECONDS = 60


class MediaToolMissing(RuntimeError):
    """ffmpeg/ffprobe is not installed; video and audio cannot be examined."""

    def __init__(self, tool):
        super().__init__(
            _(
                "%(tool)s is not installed on this server, so video and audio cannot be "
                "examined (install Debian's ffmpeg package)."
            )
            % {"tool": tool}
        )


class MediaProbeError(ValueError):
    """The file is not a video or audio file ffprobe can read."""


# Images ---------------------------------------------------------------------------------


def _text(value):
    if isinstance(value, bytes):
        for encoding in ("utf-8", "utf-16-le", "latin-1"):
            try:
                return value.decode(encoding).strip("\x00 ").strip()
            except UnicodeDecodeError:
                continue
    return str(value).strip("\x00 ").strip() if value is not None else ""


def _exif_datetime(value):
    """EXIF's "2024:05:17 10:30:00" (camera-local time) as an aware datetime."""
    try:
        naive = datetime.datetime.strptime(_text(value)[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return timezone.make_aware(naive, timezone.get_default_timezone())


def _gps_decimal(dms, ref):
    try:
        degrees, minutes, seconds = (float(part) for part in dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    value = degrees + minutes / 60 + seconds / 3600
    if _text(ref).upper() in ("S", "W"):
        value = -value
    return Decimal(f"{value:.6f}")


_XMP_NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
}


def _xmp_fields(xmp_bytes):
    """Caption and keywords from an XMP packet (dc:description, dc:subject)."""
    if not xmp_bytes:
        return {}
    text = xmp_bytes if isinstance(xmp_bytes, bytes) else xmp_bytes.encode()
    # The packet wrapper (<?xpacket …?>) and padding are not XML the parser needs.
    match = re.search(rb"<x:xmpmeta.*</x:xmpmeta>|<rdf:RDF.*</rdf:RDF>", text, re.S)
    if not match:
        return {}
    try:
        root = ElementTree.fromstring(match.group(0))
    except Exception:  # noqa: BLE001 - a broken XMP packet is ignored, not fatal
        return {}
    fields = {}
    description = root.find(".//dc:description//rdf:li", _XMP_NAMESPACES)
    if description is not None and description.text:
        fields["caption"] = description.text.strip()
    keywords = [
        li.text.strip()
        for li in root.findall(".//dc:subject//rdf:li", _XMP_NAMESPACES)
        if li.text and li.text.strip()
    ]
    if keywords:
        fields["keywords"] = keywords
    return fields


def _iptc_fields(pillow_image):
    try:
        iptc = IptcImagePlugin.getiptcinfo(pillow_image) or {}
    except Exception:  # noqa: BLE001 - malformed IPTC is ignored, not fatal
        return {}
    fields = {}
    caption = iptc.get((2, 120))
    if caption:
        fields["caption"] = _text(caption)
    keywords = iptc.get((2, 25))
    if keywords:
        if not isinstance(keywords, list):
            keywords = [keywords]
        fields["keywords"] = [_text(keyword) for keyword in keywords if _text(keyword)]
    byline = iptc.get((2, 80))
    if byline:
        fields["credit"] = _text(byline[0] if isinstance(byline, list) else byline)
    return fields


def extract_image_metadata(pillow_image):
    """Catalogue values and technical metadata from an opened Pillow image.

    Returns a dict with `catalogue` (values for catalogue fields), `keywords`, and
    `technical` (JSON-safe, for staff). Serial numbers go into `private` only.
    """
    exif = pillow_image.getexif()
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)

    technical = {
        "format": pillow_image.format or "",
        "width": pillow_image.width,
        "height": pillow_image.height,
        "mode": pillow_image.mode,
    }
    make = _text(exif.get(ExifTags.Base.Make))
    model = _text(exif.get(ExifTags.Base.Model))
    if make or model:
        technical["camera"] = model if make and model.startswith(make) else f"{make} {model}"
        technical["camera"] = technical["camera"].strip()
    lens = _text(exif_ifd.get(ExifTags.Base.LensModel))
    if lens:
        technical["lens"] = lens
    orientation = exif.get(ExifTags.Base.Orientation)
    if orientation:
        technical["orientation"] = int(orientation)
    for tag, key in (
        (ExifTags.Base.ExposureTime, "exposure_time"),
        (ExifTags.Base.FNumber, "f_number"),
        (ExifTags.Base.ISOSpeedRatings, "iso"),
        (ExifTags.Base.FocalLength, "focal_length"),
    ):
        value = exif_ifd.get(tag)
        if value is not None:
            try:
                technical[key] = float(value)
            except (TypeError, ValueError):
                pass

    catalogue = {}
    taken = exif_ifd.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    if taken:
        date_taken = _exif_datetime(taken)
        if date_taken:
            catalogue["date_taken"] = date_taken
    if gps_ifd:
        latitude = _gps_decimal(
            gps_ifd.get(ExifTags.GPS.GPSLatitude), gps_ifd.get(ExifTags.GPS.GPSLatitudeRef)
        )
        longitude = _gps_decimal(
            gps_ifd.get(ExifTags.GPS.GPSLongitude), gps_ifd.get(ExifTags.GPS.GPSLongitudeRef)
        )
        if latitude is not None and longitude is not None:
            catalogue["latitude"] = latitude
            catalogue["longitude"] = longitude
    artist = _text(exif.get(ExifTags.Base.Artist))
    if artist:
        catalogue["credit"] = artist
    description = _text(exif.get(ExifTags.Base.ImageDescription))
    if description:
        catalogue["caption_ka"] = description

    keywords = []
    for source in (_iptc_fields(pillow_image), _xmp_fields(pillow_image.info.get("xmp"))):
        if source.get("caption") and "caption_ka" not in catalogue:
            catalogue["caption_ka"] = source["caption"]
        if source.get("credit") and "credit" not in catalogue:
            catalogue["credit"] = source["credit"]
        keywords.extend(k for k in source.get("keywords", []) if k not in keywords)

    private = {}
    serial = _text(exif_ifd.get(0xA431))
    if serial:
        private["body_serial_number"] = serial
    return {
        "catalogue": catalogue,
        "keywords": keywords,
        "technical": technical,
        "private": private,
    }


# Video and audio ------------------------------------------------------------------------


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise MediaToolMissing(name)
    return path


def media_tools_available():
    return shutil.which("ffprobe") is not None and shutil.which("ffmpeg") is not None


def probe_media(path):
    """ffprobe's view of a file: kind (video/audio), duration, codecs, resolution."""
    command = [
        _tool("ffprobe"),
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        str(path),
    ]
    try:
        completed = subprocess.run(  # noqa: S603 - fixed program, file path as one argument
            command, capture_output=True, timeout=FFPROBE_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise MediaProbeError(_("ffprobe took too long to read the file")) from error
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        if not message:
            raise MediaProbeError(_("ffprobe could not read the file"))
        # ffprobe names the file it read: a temporary path of an upload means nothing to
        # the person reading the report, who already sees the file's own name.
        raise MediaProbeError(message[-1].removeprefix(f"{path}: "))
    report = json.loads(completed.stdout or b"{}")
    streams = report.get("streams", [])
    video = next(
        (
            s
            for s in streams
            if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
        ),
        None,
    )
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    if video is None and audio is None:
        raise MediaProbeError(_("the file holds neither video nor audio"))
    try:
        duration = float(report.get("format", {}).get("duration") or 0)
    except ValueError:
        duration = 0.0
    if duration <= 0:
        raise MediaProbeError(_("the file has no playable duration"))
    technical = {
        "container": report.get("format", {}).get("format_name", ""),
        "duration": round(duration, 3),
        "bit_rate": int(report.get("format", {}).get("bit_rate") or 0),
    }
    if video is not None:
        technical["video_codec"] = video.get("codec_name", "")
        technical["width"] = int(video.get("width") or 0)
        technical["height"] = int(video.get("height") or 0)
        technical["frame_rate"] = video.get("avg_frame_rate", "")
    if audio is not None:
        technical["audio_codec"] = audio.get("codec_name", "")
        technical["sample_rate"] = int(audio.get("sample_rate") or 0)
        technical["channels"] = int(audio.get("channels") or 0)
    tags = report.get("format", {}).get("tags", {})
    created = tags.get("creation_time")
    return {
        "kind": "video" if video is not None else "audio",
        "technical": technical,
        "creation_time": created,
    }


def poster_frame(path, duration):
    """A JPEG frame a tenth of the way in (past fades from black), as bytes."""
    seconds = max(0.0, min(duration * 0.1, 10.0))
    command = [
        _tool("ffmpeg"),
        "-v",
        "error",
        # Seeking before -i jumps to the nearest keyframe instead of decoding up to it.
        "-ss",
        f"{seconds:.2f}",
        "-i",
        str(path),
        "-frames:v",
        "1",
        "-f",
        "image2",
        "-c:v",
        "mjpeg",
        "-",
    ]
    completed = subprocess.run(  # noqa: S603 - fixed program, file path as one argument
        command, capture_output=True, timeout=FFPROBE_TIMEOUT_SECONDS, check=False
    )
    if completed.returncode != 0 or not completed.stdout:
        return None
    return completed.stdout


PUBLIC_COPY_TIMEOUT_SECONDS = 600


@contextmanager
def public_copy(path):
    """The recording as the public may have it: the same video and audio streams, copied
    without re-encoding, and none of the container's or streams' metadata (phones write
    the place of recording, cameras their serial numbers, editors their comments). Data
    and subtitle tracks go too: timed metadata tracks carry positions as well.

    Yields the path of a temporary file, or None where ffmpeg is missing or fails.
    """
    try:
        ffmpeg = _tool("ffmpeg")
    except MediaToolMissing:
        yield None
        return
    suffix = Path(path).suffix.lower() or ".mp4"
    with tempfile.TemporaryDirectory(prefix="ssa-public-copy-") as folder:
        target = Path(folder) / f"public{suffix}"
        command = [
            ffmpeg, "-v", "error", "-nostdin", "-y", "-i", str(path),
            "-map", "0:v?", "-map", "0:a?", "-dn", "-sn",
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-c", "copy", "-fflags", "+bitexact",
        ]  # fmt: skip
        if suffix in (".mp4", ".mov", ".m4a", ".m4v"):
            command += ["-movflags", "+faststart"]  # playback starts before the download ends
        try:
            completed = subprocess.run(  # noqa: S603 - fixed program, paths as arguments
                [*command, str(target)],
                capture_output=True,
                timeout=PUBLIC_COPY_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            completed = None
        if completed is None or completed.returncode != 0 or not target.exists():
            yield None
        else:
            yield target


def parse_creation_time(value):
    if not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    return parsed
