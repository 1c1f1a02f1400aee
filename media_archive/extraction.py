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
    """The file is not a video or audio file ffprobe can read. `reason` is for the person
    uploading, in their language; the message (ffprobe's own words) is for the log."""

    def __init__(self, message, reason=None):
        super().__init__(message)
        self.reason = reason or _(
            "not a readable video or audio file: it is damaged, incomplete or in a format "
            "the archive does not take"
        )


# Images ---------------------------------------------------------------------------------


# Control characters (NUL above all: PostgreSQL refuses it in text) and lone surrogates
# (undecodable bytes) are never meaningful in a caption, a name or a camera model.
_UNWANTED_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value):
    """Text from a file's metadata as something the catalogue can store and show: decoded,
    without NULs or other control characters (tabs and line breaks stay), trimmed."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        for encoding in ("utf-8", "utf-16-le", "latin-1"):
            try:
                value = value.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return _UNWANTED_CHARACTERS.sub("", str(value)).strip()


def _text(value):
    """An EXIF text: ASCII that ends at its first NUL (what follows is the camera's
    leftover buffer), then cleaned like any other."""
    if isinstance(value, bytes):
        value = value.strip(b"\x00").split(b"\x00", 1)[0]
    elif isinstance(value, str):
        value = value.strip("\x00").split("\x00", 1)[0]
    return clean_text(value)


def clean_values(value):
    """`clean_text` through a JSON-like structure (technical metadata, ffprobe's tags)."""
    if isinstance(value, dict):
        return {clean_text(key): clean_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [clean_values(item) for item in value]
    if isinstance(value, str | bytes):
        return clean_text(value)
    return value


_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def _offset(value):
    """EXIF's OffsetTime* ("+04:00", "-05:00") as a tzinfo, or None."""
    match = _OFFSET.match(clean_text(value))
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = datetime.timedelta(hours=int(hours), minutes=int(minutes))
    if delta >= datetime.timedelta(hours=24):
        return None
    return datetime.timezone(-delta if sign == "-" else delta)


def _exif_datetime(value, offset=None):
    """EXIF's "2024:05:17 10:30:00" as an aware datetime: at its recorded offset
    (OffsetTimeOriginal), else in the agency's time zone, the likeliest for its cameras."""
    text = clean_text(value)
    try:
        naive = datetime.datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if naive.year < 1800:  # "0000:00:00 00:00:00" and other placeholders
        return None
    zone = _offset(offset) or _offset(text[19:])
    if zone is not None:
        return naive.replace(tzinfo=zone)
    return timezone.make_aware(naive, timezone.get_default_timezone())


def _iso_datetime(value):
    """An XMP date (ISO 8601: "2005-09-07T15:07:40-07:00", "2011-09-23T12:43:03Z",
    "2003-08-31", "2003-08") as an aware datetime; a date alone is midnight, agency time."""
    text = clean_text(value).replace("Z", "+00:00")
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            naive = datetime.datetime.strptime(text, pattern)
            return timezone.make_aware(naive, timezone.get_default_timezone())
        except ValueError:
            continue
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


def _iptc_datetime(date_value, time_value):
    """IPTC's DateCreated (CCYYMMDD) and TimeCreated (HHMMSS±HHMM)."""
    date_text = clean_text(date_value)
    try:
        day = datetime.datetime.strptime(date_text[:8], "%Y%m%d")
    except ValueError:
        return None
    time_text = clean_text(time_value)
    zone = None
    if len(time_text) >= 6 and time_text[:6].isdigit():
        day = day.replace(
            hour=int(time_text[:2]), minute=int(time_text[2:4]), second=int(time_text[4:6])
        )
        zone = _offset(time_text[6:])
    if zone is not None:
        return day.replace(tzinfo=zone)
    return timezone.make_aware(day, timezone.get_default_timezone())


def offset_text(moment):
    """ "+04:00" for an aware datetime's own offset."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    sign = "-" if offset < datetime.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


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
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "exif": "http://ns.adobe.com/exif/1.0/",
}
# The moment the picture was taken, in the order XMP writers mean it: the camera's own
# (copied by editors), the IPTC "date created", then the file's creation. Never
# xmp:ModifyDate or xmp:MetadataDate: those are when a program last saved the file.
_XMP_DATE_PROPERTIES = ("exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate")


def _xmp_property(root, name):
    """A simple XMP property, written as an attribute or as an element."""
    prefix, local = name.split(":")
    qualified = f"{{{_XMP_NAMESPACES[prefix]}}}{local}"
    for description in root.iter(f"{{{_XMP_NAMESPACES['rdf']}}}Description"):
        if description.get(qualified):
            return description.get(qualified)
    element = root.find(f".//{name}", _XMP_NAMESPACES)
    if element is not None and element.text and element.text.strip():
        return element.text
    return None


def _xmp_fields(xmp_bytes):
    """Caption, keywords, creator and date taken from an XMP packet."""
    if not xmp_bytes:
        return {}
    text = xmp_bytes if isinstance(xmp_bytes, bytes) else str(xmp_bytes).encode()
    # The packet wrapper (<?xpacket …?>) and padding are not XML the parser needs.
    match = re.search(rb"<x:xmpmeta.*</x:xmpmeta>|<rdf:RDF.*</rdf:RDF>", text, re.S)
    if not match:
        return {}
    try:
        root = ElementTree.fromstring(match.group(0).replace(b"\x00", b""))
    except Exception:  # noqa: BLE001 - a broken XMP packet is ignored, not fatal
        return {}
    fields = {}
    description = root.find(".//dc:description//rdf:li", _XMP_NAMESPACES)
    if description is not None and clean_text(description.text):
        fields["caption"] = clean_text(description.text)
    creator = root.find(".//dc:creator//rdf:li", _XMP_NAMESPACES)
    if creator is not None and clean_text(creator.text):
        fields["credit"] = clean_text(creator.text)
    keywords = [
        clean_text(li.text)
        for li in root.findall(".//dc:subject//rdf:li", _XMP_NAMESPACES)
        if clean_text(li.text)
    ]
    if keywords:
        fields["keywords"] = keywords
    for name in _XMP_DATE_PROPERTIES:
        raw = clean_text(_xmp_property(root, name))
        taken = _iso_datetime(raw)
        if taken is not None:
            fields["date_taken"] = taken
            fields["offset_recorded"] = bool(re.search(r"(Z|[+-]\d{2}:?\d{2})$", raw))
            break
    return fields


def _iptc_fields(pillow_image):
    try:
        iptc = IptcImagePlugin.getiptcinfo(pillow_image) or {}
    except Exception:  # noqa: BLE001 - malformed IPTC is ignored, not fatal
        return {}
    fields = {}
    caption = clean_text(iptc.get((2, 120)))
    if caption:
        fields["caption"] = caption
    keywords = iptc.get((2, 25))
    if keywords:
        if not isinstance(keywords, list):
            keywords = [keywords]
        fields["keywords"] = [clean_text(k) for k in keywords if clean_text(k)]
    byline = iptc.get((2, 80))
    if byline:
        fields["credit"] = clean_text(byline[0] if isinstance(byline, list) else byline)
    taken = _iptc_datetime(iptc.get((2, 55)), iptc.get((2, 60)))
    if taken is not None:
        fields["date_taken"] = taken
        fields["offset_recorded"] = _offset(clean_text(iptc.get((2, 60)))[6:]) is not None
    return fields


# EXIF orientations 5–8 turn the picture a quarter: what is shown is the stored picture
# with width and height exchanged.
_QUARTER_TURNS = {5, 6, 7, 8}


def displayed_size(pillow_image, orientation):
    """Width and height as the picture is seen. pillow-heif turns HEIC pictures while
    decoding (and resets their orientation to 1); JPEG and TIFF are stored unturned."""
    width, height = pillow_image.size
    if pillow_image.format != "HEIF" and orientation in _QUARTER_TURNS:
        return height, width
    return width, height


def _exif_date_taken(exif, exif_ifd):
    """The camera's own record of the moment: DateTimeOriginal at OffsetTimeOriginal, else
    DateTimeDigitized at OffsetTimeDigitized (the same moment for a camera, the scan for a
    scanner). Never IFD0's DateTime: that is when a program last changed the file."""
    for date_tag, offset_tag in ((0x9003, 0x9011), (0x9004, 0x9012)):
        taken = _exif_datetime(exif_ifd.get(date_tag), exif_ifd.get(offset_tag))
        if taken is not None:
            recorded = _offset(exif_ifd.get(offset_tag)) or _offset(
                clean_text(exif_ifd.get(date_tag))[19:]
            )
            return taken, recorded is not None
    return None, False


def extract_image_metadata(pillow_image):
    """Catalogue values and technical metadata from an opened Pillow image.

    Returns a dict with `catalogue` (values for catalogue fields), `keywords`, and
    `technical` (JSON-safe, for staff). Serial numbers go into `private` only. Every text
    is cleaned of NULs and control characters (`clean_text`).
    """
    try:
        exif = pillow_image.getexif()
        exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:  # noqa: BLE001 - unreadable EXIF is left out, the picture stays
        exif, exif_ifd, gps_ifd = {}, {}, {}

    orientation = exif.get(ExifTags.Base.Orientation)
    try:
        orientation = int(orientation) if orientation else None
    except (TypeError, ValueError):
        orientation = None
    width, height = displayed_size(pillow_image, orientation)
    technical = {
        "format": pillow_image.format or "",
        "width": width,
        "height": height,
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
    if orientation:
        technical["orientation"] = orientation
    for tag, key in (
        (ExifTags.Base.ExposureTime, "exposure_time"),
        (ExifTags.Base.FNumber, "f_number"),
        (ExifTags.Base.ISOSpeedRatings, "iso"),
        (ExifTags.Base.FocalLength, "focal_length"),
    ):
        value = exif_ifd.get(tag)
        if isinstance(value, tuple | list):
            value = value[0] if value else None
        if value is not None:
            try:
                number = float(value)
            except (TypeError, ValueError, ZeroDivisionError):
                continue
            if number == number and abs(number) != float("inf"):  # NaN, ∞: not JSON
                technical[key] = number

    catalogue = {}
    date_taken, offset_recorded = _exif_date_taken(exif, exif_ifd)
    date_source = "exif" if date_taken else ""
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
    xmp = pillow_image.info.get("xmp") or pillow_image.info.get("XML:com.adobe.xmp")
    if not xmp and hasattr(exif, "get"):
        xmp = exif.get(700)  # TIFF keeps its XMP packet in tag 700
    for source_name, source in (("iptc", _iptc_fields(pillow_image)), ("xmp", _xmp_fields(xmp))):
        if source.get("caption") and "caption_ka" not in catalogue:
            catalogue["caption_ka"] = source["caption"]
        if source.get("credit") and "credit" not in catalogue:
            catalogue["credit"] = source["credit"]
        if source.get("date_taken") and date_taken is None:
            date_taken, date_source = source["date_taken"], source_name
            offset_recorded = source["offset_recorded"]
        keywords.extend(k for k in source.get("keywords", []) if k not in keywords)
    if date_taken is not None and _plausible(date_taken):
        catalogue["date_taken"] = date_taken
        technical["date_taken_source"] = date_source
        # The offset the camera recorded: shown beside the date, for the photographer's
        # local time; without one the date is read as Tbilisi time.
        if offset_recorded:
            technical["date_taken_offset"] = offset_text(date_taken)
    else:
        technical["date_unknown"] = True

    private = {}
    serial = _text(exif_ifd.get(0xA431))
    if serial:
        private["body_serial_number"] = serial
    return {
        "catalogue": catalogue,
        "keywords": keywords,
        "technical": clean_values(technical),
        "private": private,
    }


def _plausible(moment):
    """Cameras with a flat clock battery write 1970, 1980 or dates to come."""
    return 1826 <= moment.year and moment <= timezone.now() + datetime.timedelta(days=2)


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
        raise MediaProbeError(
            "ffprobe timed out", _("the file took too long to read; it may be damaged")
        ) from error
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        if not message:
            raise MediaProbeError("ffprobe failed without a message")
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
        raise MediaProbeError(
            "no video or audio stream", _("the file holds neither video nor audio")
        )
    try:
        duration = float(report.get("format", {}).get("duration") or 0)
    except ValueError:
        duration = 0.0
    if duration <= 0:
        raise MediaProbeError(
            "no duration", _("the file has no playable duration; it may be incomplete")
        )
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
    # Tags as the container and its streams hold them (QuickTime, MP4, ID3, RIFF INFO),
    # names in lower case: writers disagree on capitals.
    tags = {}
    for source in (*(s.get("tags", {}) for s in streams), report.get("format", {}).get("tags", {})):
        tags.update({str(key).lower(): value for key, value in (source or {}).items()})
    tags = clean_values(tags)
    created = (
        tags.get("com.apple.quicktime.creationdate")
        or tags.get("creation_time")
        or tags.get("date")
        or tags.get("tdrc")
    )
    location = _iso6709(tags.get("com.apple.quicktime.location.iso6709") or tags.get("location"))
    return {
        "kind": "video" if video is not None else "audio",
        "technical": clean_values(technical),
        "creation_time": created,
        "location": location,
        "title": tags.get("title", ""),
        "artist": tags.get("artist") or tags.get("album_artist") or "",
    }


_ISO6709 = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)")


def _iso6709(value):
    """ "+41.7151+044.8271+000.000/" (phones' place of recording) as (latitude, longitude)."""
    match = _ISO6709.match(clean_text(value))
    if not match:
        return None
    latitude, longitude = (Decimal(part).quantize(Decimal("0.000001")) for part in match.groups())
    if abs(latitude) > 90 or abs(longitude) > 180:
        return None
    return latitude, longitude


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
    """A recording's creation time: ISO 8601 from QuickTime/MP4 (UTC unless it says),
    or an ID3 year or date ("2019", "2019-05-17") for audio."""
    text = clean_text(value)
    if not text:
        return None
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return _iso_datetime(text)
    try:
        parsed = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    if parsed.year < 1900:  # 1904-01-01 and 1970-01-01: an unset QuickTime clock
        return None
    return parsed
