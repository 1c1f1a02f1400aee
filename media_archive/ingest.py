"""Taking one file into the archive: check it is what it claims to be, read what it says
about itself, refuse exact duplicates, flag near duplicates, and store file and record
together or not at all. The admin forms and `manage.py import_media` both come here."""

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from media_archive import duplicates, extraction

logger = logging.getLogger(__name__)

IMAGE_EXTENSIONS = {
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".heic": "heic",
    ".heif": "heic",
    # Scans and press-agency masters; renditions are made as JPEG
    # (WAGTAILIMAGES_FORMAT_CONVERSIONS), the TIFF itself stays for staff.
    ".tif": "tiff",
    ".tiff": "tiff",
}
IMAGE_KINDS = {"jpeg", "png", "heic", "tiff"}
MEDIA_EXTENSIONS = {".mp4": "mp4", ".mov": "mov", ".mp3": "mp3", ".wav": "wav"}
SUPPORTED_EXTENSIONS = {**IMAGE_EXTENSIONS, **MEDIA_EXTENSIONS}

IMPORTED = "imported"
DUPLICATE = "duplicate"
SKIPPED = "skipped"


class Rejected(ValueError):
    """The file cannot enter the archive; the message says why, for the person importing."""


@dataclass
class IngestResult:
    status: str
    name: str
    item: object = None
    reason: str = ""
    near_duplicate_of: object = None
    warnings: list = field(default_factory=list)


def sniff_kind(head):
    """The real format of a file from its first bytes, whatever its name says."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis"):
            return "heic"
        if brand == b"qt  ":
            return "mov"
        return "mp4"
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"):
        return "mov"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype", b"<html", b"<?xml", b"<svg", b"<head", b"<body")):
        return "html"
    return "unknown"


_COMPATIBLE = {
    "jpeg": {"jpeg"},
    "png": {"png"},
    "heic": {"heic"},
    "tiff": {"tiff"},
    # Cameras and phones label QuickTime and MP4 loosely; ffprobe reads both.
    "mp4": {"mp4", "mov"},
    "mov": {"mov", "mp4"},
    "mp3": {"mp3"},
    "wav": {"wav"},
}


def check_declared_type(name, head, extensions=SUPPORTED_EXTENSIONS):
    extension = Path(name).suffix.lower()
    declared = extensions.get(extension)
    if declared is None and extension in SUPPORTED_EXTENSIONS:
        raise Rejected(
            _("“%(extension)s” files are not accepted here; accepted: %(accepted)s")
            % {"extension": extension, "accepted": ", ".join(sorted(extensions))}
        )
    if declared is None:
        raise Rejected(_("unsupported file type “%(extension)s”") % {"extension": extension})
    actual = sniff_kind(head)
    if actual not in _COMPATIBLE[declared]:
        described = _("HTML or XML text") if actual == "html" else _("unrecognised content")
        raise Rejected(
            _("the name says %(declared)s but the content is %(actual)s")
            % {"declared": declared.upper(), "actual": described}
        )
    return declared


def human_size(size):
    """ "30.0 MB" (in the admin's language) rather than 31457280 bytes."""
    return filesizeformat(size)


def open_checked_image(fileobj, name=""):
    """A fully decoded Pillow image, or Rejected: image bombs before decoding, truncated
    and corrupt files while decoding. The reason is ours, in the admin's language; what
    Pillow said goes to the log."""
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        image = Image.open(fileobj)
        width, height = image.size
        if width * height > limit:
            raise Rejected(
                _("image too large: %(width)s × %(height)s pixels (limit %(limit)s million pixels)")
                % {"width": width, "height": height, "limit": limit // 1_000_000}
            )
        image.load()
    except Rejected:
        raise
    except Image.DecompressionBombError as error:
        logger.info("image bomb refused: %s: %s", name, error)
        raise Rejected(
            _("image too large to open safely (limit %(limit)s million pixels)")
            % {"limit": limit // 1_000_000}
        ) from error
    except UnidentifiedImageError as error:
        logger.info("unreadable image refused: %s: %s", name, error)
        raise Rejected(_("not a readable image")) from error
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as error:
        logger.info("damaged image refused: %s: %r", name, error)
        raise Rejected(
            _("the image is damaged or incomplete (for example, cut off while copying)")
        ) from error
    return image


def _image_title(name):
    return Path(name).stem.replace("_", " ").strip() or name


def ingest(
    fileobj,
    name,
    *,
    album=None,
    collection=None,
    user=None,
    source_path=None,
    defaults=None,
    extensions=SUPPORTED_EXTENSIONS,
    max_size=None,
):
    """Take one open binary file into the archive. Returns an IngestResult; never leaves a
    stored file without its record or a record without its file. `extensions` narrows the
    accepted types (the admin's video and audio upload); `max_size` caps a web upload."""
    fileobj.seek(0, os.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(0)
    if size == 0:
        return IngestResult(SKIPPED, name, reason=_("empty file (0 bytes)"))
    if max_size is not None and size > max_size:
        return IngestResult(
            SKIPPED,
            name,
            reason=_("file too large: %(size)s (limit %(limit)s)")
            % {"size": human_size(size), "limit": human_size(max_size)},
        )
    try:
        declared = check_declared_type(name, fileobj.read(64), extensions)
        fileobj.seek(0)
        checksum = duplicates.sha256_of(fileobj)
        existing = duplicates.find_exact_duplicate(checksum)
        if existing is not None:
            return IngestResult(
                DUPLICATE,
                name,
                item=existing,
                reason=_("same file as “%(title)s” (%(url)s)")
                % {"title": existing.title, "url": duplicates.admin_edit_url(existing)},
            )
        if declared in IMAGE_KINDS:
            return _ingest_image(
                fileobj, name, size, checksum, album, collection, user, defaults or {}
            )
        return _ingest_media(
            fileobj, name, checksum, album, collection, user, source_path, defaults or {}
        )
    except Rejected as error:
        return IngestResult(SKIPPED, name, reason=str(error))
    except extraction.MediaToolMissing as error:
        return IngestResult(SKIPPED, name, reason=str(error))
    except extraction.MediaProbeError as error:
        logger.info("unreadable video or audio refused: %s: %s", name, error)
        return IngestResult(SKIPPED, name, reason=str(error.reason))


def _ingest_image(fileobj, name, size, checksum, album, collection, user, defaults):
    from media_archive.models import ArchiveImage

    if size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
        raise Rejected(
            _("file too large: %(size)s (limit %(limit)s)")
            % {
                "size": human_size(size),
                "limit": human_size(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
            }
        )
    pillow_image = open_checked_image(fileobj, name)
    metadata = extraction.extract_image_metadata(pillow_image)
    perceptual_hash = duplicates.difference_hash(pillow_image)
    near = duplicates.find_near_duplicate(perceptual_hash)
    fileobj.seek(0)
    image = ArchiveImage(
        title=_image_title(name),
        original_filename=name,
        sha256=checksum,
        perceptual_hash=perceptual_hash,
        technical_metadata=metadata["technical"],
        near_duplicate_of=near,
        album=album,
        uploaded_by_user=user,
        **{**defaults, **metadata["catalogue"]},
    )
    if collection is not None:
        image.collection = collection
    image.file = File(fileobj, name=Path(name).name)
    image.catalogue_read_from_file = True
    image.file_size = size
    image.file_hash = duplicates.sha1_of(fileobj)  # Wagtail's own duplicate check uses it
    keywords = metadata["keywords"][:50]
    _save_with_file(image, ["file"], after_save=lambda: keywords and image.tags.add(*keywords))
    return IngestResult(IMPORTED, name, item=image, near_duplicate_of=near)


def _ingest_media(fileobj, name, checksum, album, collection, user, source_path, defaults):
    from media_archive.models import ArchiveMedia

    if source_path is None:
        raise Rejected(_("video and audio must be read from a file on disk"))
    probe = extraction.probe_media(source_path)
    technical = probe["technical"]
    media = ArchiveMedia(
        title=probe["title"][:255] or _image_title(name),
        type=probe["kind"],
        duration=technical["duration"],
        width=technical.get("width") or None,
        height=technical.get("height") or None,
        original_filename=name,
        sha256=checksum,
        technical_metadata=technical,
        album=album,
        uploaded_by_user=user,
        **{**defaults, **recording_catalogue(probe)},
    )
    if collection is not None:
        media.collection = collection
    warnings = []
    if probe["kind"] == "video":
        poster = extraction.poster_frame(source_path, technical["duration"])
        if poster:
            media.thumbnail = ContentFile(poster, name=f"{Path(name).stem}.jpg")
            media.perceptual_hash = duplicates.poster_hash(poster)
            media.near_duplicate_of = duplicates.find_near_duplicate(
                media.perceptual_hash, model=ArchiveMedia
            )
        else:
            warnings.append(_("no poster frame could be made"))
    fileobj.seek(0)
    media.file = File(fileobj, name=Path(name).name)
    media.catalogue_read_from_file = True
    with extraction.public_copy(source_path) as public_path:
        if public_path is None:
            warnings.append(_("no public copy without metadata could be made"))
            _save_with_file(media, ["file", "thumbnail"])
        else:
            with public_path.open("rb") as public:
                media.public_file = File(public, name=Path(name).name)
                _save_with_file(media, ["file", "thumbnail", "public_file"])
    return IngestResult(
        IMPORTED, name, item=media, warnings=warnings, near_duplicate_of=media.near_duplicate_of
    )


def recording_catalogue(probe):
    """Catalogue values a recording carries: when (creation time, an ID3 date), where (a
    phone's place of recording: staff-only like a photo's GPS), and who (ID3 artist)."""
    values = {}
    created = extraction.parse_creation_time(probe.get("creation_time"))
    if created is not None:
        values["date_taken"] = created
    if probe.get("location"):
        values["latitude"], values["longitude"] = probe["location"]
    if probe.get("artist"):
        values["credit"] = probe["artist"][:255]
    return values


def _save_with_file(item, file_field_names, after_save=None):
    """Save record, related rows and files as one: if the database refuses any of it, the
    rows are rolled back and the files it wrote are removed again."""
    try:
        with transaction.atomic():
            item.save()
            if after_save is not None:
                after_save()
    except BaseException:
        remove_stored_files(item, file_field_names)
        raise


def remove_stored_files(item, file_field_names):
    for field_name in file_field_names:
        stored = getattr(item, field_name)
        if stored and stored.name and stored._committed:
            stored.storage.delete(stored.name)


def ingest_path(path, **kwargs):
    """`ingest` for a file on disk, reporting unreadable files by name."""
    name = Path(path).name
    try:
        with open(path, "rb") as fileobj:
            return ingest(fileobj, name, source_path=path, **kwargs)
    except PermissionError:
        return IngestResult(SKIPPED, name, reason=_("cannot be read: permission denied"))
    except IsADirectoryError:
        return IngestResult(SKIPPED, name, reason=_("is a folder, not a file"))
    except OSError as error:
        return IngestResult(
            SKIPPED, name, reason=_("cannot be read: %(error)s") % {"error": error.strerror}
        )


# Files uploaded through the admin: the same reading, done as the record is saved ----------


def read_uploaded_image(image):
    """Fill checksum, hashes, technical metadata and empty catalogue fields of an image
    whose new file has not been stored yet. Returns keywords to tag once it is saved."""
    uploaded = image.file.file
    image.sha256 = duplicates.sha256_of(uploaded)
    image.original_filename = image.original_filename or image.file.name.rsplit("/", 1)[-1]
    try:
        pillow_image = Image.open(uploaded)
        pillow_image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        uploaded.seek(0)
        return []  # Wagtail's own validation has accepted it; the catalogue stays empty
    metadata = extraction.extract_image_metadata(pillow_image)
    image.technical_metadata = metadata["technical"]
    for name, value in metadata["catalogue"].items():
        if getattr(image, name) in ("", None):
            setattr(image, name, value)
    image.perceptual_hash = duplicates.difference_hash(pillow_image)
    if image.near_duplicate_of_id is None:
        image.near_duplicate_of = duplicates.find_near_duplicate(image.perceptual_hash, image.pk)
    uploaded.seek(0)
    return metadata["keywords"]


def read_uploaded_media(media):
    """After an admin upload is stored: ffprobe's report and a poster frame. A missing
    ffmpeg is noted in the technical metadata, never an error for the editor."""
    with media.file.open("rb") as stored:
        sha256 = duplicates.sha256_of(stored)
    changes = {"sha256": sha256}
    if not media.original_filename:
        changes["original_filename"] = media.file.name.rsplit("/", 1)[-1]
    try:
        probe = extraction.probe_media(media.file.path)
    except NotImplementedError:  # remote storage: the import command reads local files
        probe = None
        changes["technical_metadata"] = {"probe_error": "storage has no local path"}
    except (extraction.MediaToolMissing, extraction.MediaProbeError) as error:
        probe = None
        logger.info("uploaded recording not readable: %s: %s", media.file.name, error)
        changes["technical_metadata"] = {"probe_error": str(getattr(error, "reason", error))}
    if probe is not None:
        technical = probe["technical"]
        changes.update(
            technical_metadata=technical,
            duration=technical["duration"],
            width=technical.get("width") or None,
            height=technical.get("height") or None,
        )
        for name, value in recording_catalogue(probe).items():
            if getattr(media, name) in ("", None):
                changes[name] = value
        if probe["kind"] == "video" and not media.thumbnail:
            poster = extraction.poster_frame(media.file.path, technical["duration"])
            if poster:
                media.thumbnail.save(
                    f"{Path(media.file.name).stem}.jpg", ContentFile(poster), save=False
                )
                changes["thumbnail"] = media.thumbnail.name
                changes["perceptual_hash"] = duplicates.poster_hash(poster)
                if media.near_duplicate_of_id is None:
                    changes["near_duplicate_of"] = duplicates.find_near_duplicate(
                        changes["perceptual_hash"], exclude_pk=media.pk, model=type(media)
                    )
    # A new upload replaces the public copy of the file it replaces; with no new copy the
    # public has nothing to play rather than the old recording.
    replaced_public_copy = media.public_file.name or ""
    changes["public_file"] = ""
    if probe is not None:
        with extraction.public_copy(media.file.path) as public_path:
            if public_path is not None:
                with public_path.open("rb") as public:
                    media.public_file.save(Path(media.file.name).name, File(public), save=False)
                changes["public_file"] = media.public_file.name
    for name, value in changes.items():
        setattr(media, name, value)
    if replaced_public_copy and replaced_public_copy != changes["public_file"]:
        media.public_file.storage.delete(replaced_public_copy)
    type(media).objects.filter(pk=media.pk).update(**changes)
