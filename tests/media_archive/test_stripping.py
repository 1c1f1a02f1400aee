"""Every kind of public file address the site hands out (renditions under /media/, the
download view in each size and format, a video's public copy and poster) read by exiftool:
none of the tags that identify a place, a device or a person gets through. What stays:
the camera model, the date, and the Artist and Copyright tags (credit and rights)."""

import io
import json
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import ExifTags

from media_archive.factories import ArchiveImageFactory
from media_archive.views import DOWNLOAD_SIZES
from tests.media_archive import files

XMP_WITH_HISTORY = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" '
    b'xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/">'
    b'<rdf:Description exif:GPSLatitude="41,43.0N" exif:GPSLongitude="44,47.5E">'
    b'<xmpMM:History><rdf:Seq><rdf:li stEvt:action="saved" '
    b'stEvt:softwareAgent="Photoshop" stEvt:instanceID="xmp.iid:1"/></rdf:Seq>'
    b"</xmpMM:History></rdf:Description></rdf:RDF></x:xmpmeta>"
)
# (exiftool tag name, value we plant) of what must never reach the public.
FORBIDDEN_TAGS = (
    "GPSLatitude",
    "GPSLongitude",
    "SerialNumber",
    "OwnerName",
    "XPAuthor",
    "XPComment",
    "ImageUniqueID",
    "UserComment",
    "MakerNote",
    "History",
    "HostComputer",
)


def exiftool_tags(path):
    completed = subprocess.run(  # noqa: S603 - fixed program, our own file
        [shutil.which("exiftool"), "-json", "-a", "-G1", "-s", str(path)],
        capture_output=True,
        check=True,
    )
    return json.loads(completed.stdout)[0]


def assert_nothing_private(path, what):
    tags = exiftool_tags(path)
    leaked = [name for name in tags if any(bad in name for bad in FORBIDDEN_TAGS)]
    assert not leaked, (what, leaked)
    assert files.SERIAL_NUMBER not in json.dumps(tags), what
    assert "Owner Person" not in json.dumps(tags), what
    return tags


def photo_with_everything():
    exif = files.camera_exif(with_gps=True)
    exif[ExifTags.Base.Copyright] = "Social Service Agency"
    exif[0x9C9D] = "Owner Person".encode("utf-16-le") + b"\x00\x00"  # XPAuthor
    exif[0x9C9C] = "private note".encode("utf-16-le") + b"\x00\x00"  # XPComment
    exif[0x013C] = "OWNER-LAPTOP"  # HostComputer
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    exif_ifd[0xA420] = "0123456789abcdef0123456789abcdef"  # ImageUniqueID
    exif_ifd[0x9286] = b"ASCII\x00\x00\x00Owner Person's phone"  # UserComment
    exif_ifd[0xA430] = "Owner Person"  # CameraOwnerName
    exif_ifd[0x927C] = b"Nikon\x00\x02\x10\x00\x00" + files.SERIAL_NUMBER.encode()  # MakerNote
    buffer = io.BytesIO()
    files.picture(77, (900, 600)).save(buffer, "JPEG", exif=exif, xmp=XMP_WITH_HISTORY)
    return ArchiveImageFactory(
        file=SimpleUploadedFile("everything.jpg", buffer.getvalue()), make_renditions=True
    )


@files.needs_exiftool
@pytest.mark.django_db
def test_no_public_image_address_carries_private_tags(tmp_path):
    image = photo_with_everything()
    original = exiftool_tags(image.file.path)
    # The archive's original keeps everything: the test photo really carries each tag.
    for planted in ("GPSLatitude", "XPAuthor", "ImageUniqueID", "UserComment", "History"):
        assert any(planted in name for name in original), planted

    visitor = Client()
    addresses = [image.get_rendition(spec).url for spec in ("width-400", "fill-200x200")]
    addresses += [
        image.get_rendition("max-300x300|format-png").url,
        image.get_rendition("max-300x300|format-webp").url,
    ]
    addresses += [f"/archive-downloads/image/{image.pk}/{size}/" for size in DOWNLOAD_SIZES]
    for address in addresses:
        response = visitor.get(address)
        assert response.status_code == 200, address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        fetched = tmp_path / "fetched"
        fetched.write_bytes(body)
        tags = assert_nothing_private(fetched, address)
        if "format-png" not in address and "webp" not in address:
            # What stays, and why: the README's "What a public copy keeps".
            assert tags.get("IFD0:Copyright") == "Social Service Agency", address
            assert tags.get("IFD0:Model") == "Canon EOS R6", address


@files.needs_exiftool
@files.needs_ffmpeg
@pytest.mark.django_db
def test_a_videos_public_copy_and_poster_carry_no_private_tags(tmp_path):
    from media_archive import ingest

    clip = files.ffmpeg_make(
        tmp_path / "located.mp4",
        "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=2",
        "-c:v", "libx264", "-pix_fmt", "yuv420p",
        "-metadata", "location=+41.7151+044.8271/",
        "-metadata", f"comment=serial {files.SERIAL_NUMBER}",
        "-metadata", "artist=Owner Person",
    )  # fmt: skip
    result = ingest.ingest_path(clip)
    media = result.item
    # The place of recording stays in the catalogue, for staff, as a photo's GPS does.
    assert (str(media.latitude), str(media.longitude)) == ("41.715100", "44.827100")
    visitor = Client()
    media.rights_kind, media.consent_status = "agency", "not_needed"
    media.save()
    for field in (media.public_file, media.thumbnail):
        response = visitor.get(field.url)
        assert response.status_code == 200, field.url
        fetched = tmp_path / f"fetched-{field.field.name}"
        fetched.write_bytes(b"".join(response.streaming_content))
        tags = assert_nothing_private(fetched, field.url)
        assert not [name for name in tags if "GPSCoordinates" in name or "Location" in name]


def photo_in(kind, folder):
    """The same private tags in a PNG (eXIf chunk), a HEIC and a TIFF (its own IFDs, copied
    there by exiftool: Pillow writes no GPS IFD into a TIFF): the archive takes all three,
    and every one of them is made into public renditions."""
    exif = files.camera_exif(with_gps=True)
    exif[0x9C9D] = "Owner Person".encode("utf-16-le") + b"\x00\x00"  # XPAuthor
    exif.get_ifd(ExifTags.IFD.Exif)[0xA420] = "0123456789abcdef0123456789abcdef"
    buffer = io.BytesIO()
    picture = files.picture(78, (480, 320))
    if kind == "heic":
        from pillow_heif import register_heif_opener

        register_heif_opener()
        picture.save(buffer, "HEIF", quality=60, exif=exif.tobytes())
    elif kind == "tiff":
        tagged, plain = folder / "tagged.jpg", folder / "plain.tif"
        picture.save(tagged, "JPEG", exif=exif)
        picture.save(plain, "TIFF")
        subprocess.run(  # noqa: S603 - fixed program, our own files
            [shutil.which("exiftool"), "-q", "-overwrite_original", "-tagsFromFile",
             str(tagged), "-all:all", str(plain)],
            check=True,
            capture_output=True,
        )  # fmt: skip
        return plain.read_bytes()
    else:
        picture.save(buffer, kind.upper(), exif=exif)
    return buffer.getvalue()


@files.needs_exiftool
@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["png", "heic", "tiff"])
def test_renditions_of_every_source_format_and_every_public_format_carry_no_private_tags(
    tmp_path, kind
):
    image = ArchiveImageFactory(file=SimpleUploadedFile(f"source.{kind}", photo_in(kind, tmp_path)))
    original = exiftool_tags(image.file.path)
    assert any("GPSLatitude" in name for name in original), (kind, sorted(original))
    visitor = Client()
    # Each format the public site shows (media_archive.renditions): AVIF, WebP, JPEG, the
    # source's own (a TIFF's is JPEG), and PNG.
    specs = {
        **{output: f"format-{output}|width-320" for output in ("avif", "webp", "jpeg")},
        "own": "fill-160x120",
        "png": "max-300x300|format-png",
    }
    for output, spec in specs.items():
        rendition = image.get_rendition(spec)
        response = visitor.get(rendition.url)
        assert response.status_code == 200, (kind, spec)
        fetched = tmp_path / f"fetched-{output}"
        fetched.write_bytes(b"".join(response.streaming_content))
        assert_nothing_private(fetched, f"{kind} → {spec}")


@files.needs_exiftool
@files.needs_ffmpeg
@pytest.mark.django_db
def test_a_recordings_public_copy_carries_no_private_tags(tmp_path):
    from media_archive import ingest

    recording = files.ffmpeg_make(
        tmp_path / "speech.mp3",
        "-f", "lavfi", "-i", "sine=frequency=330:duration=1", "-c:a", "libmp3lame",
        "-metadata", "artist=Owner Person",
        "-metadata", f"comment=serial {files.SERIAL_NUMBER}",
        "-metadata", "location=+41.7151+044.8271/",
    )  # fmt: skip
    assert "Owner Person" in json.dumps(exiftool_tags(recording))
    media = ingest.ingest_path(recording).item
    media.rights_kind, media.consent_status = "agency", "not_needed"
    media.save()
    response = Client().get(media.public_file.url)
    assert response.status_code == 200, media.public_file.url
    fetched = tmp_path / "fetched.mp3"
    fetched.write_bytes(b"".join(response.streaming_content))
    tags = assert_nothing_private(fetched, media.public_file.url)
    assert not [name for name in tags if "Artist" in name or "Comment" in name], tags
