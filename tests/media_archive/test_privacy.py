import datetime
import shutil
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import ExifTags, Image

from media_archive.factories import ArchiveDocumentFactory, ArchiveImageFactory
from media_archive.models import ArchiveImage
from media_archive.pages import ArchiveGalleryPage
from media_archive.privacy import blocking_reasons, is_publishable, publishable_q
from tests.media_archive import files

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)
NEXT_YEAR = TODAY + datetime.timedelta(days=365)

CASES = [
    ({}, True),
    ({"sensitivity": "internal"}, False),
    ({"rights_kind": ""}, False),
    ({"rights_expiry": YESTERDAY}, False),
    ({"rights_expiry": TODAY}, True),
    ({"consent_status": ""}, False),
    ({"minors_shown": True}, False),
    ({"consent_status": "on_file", "consent_expiry": NEXT_YEAR, "minors_shown": True}, True),
    ({"consent_status": "on_file", "consent_expiry": YESTERDAY}, False),
    ({"consent_status": "on_file", "consent_expiry": None}, True),
]


def exif_of(path):
    completed = subprocess.run(  # noqa: S603
        [shutil.which("exiftool"), "-a", "-G1", "-s", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout


def photo_with_gps(**fields):
    return ArchiveImageFactory(
        file=SimpleUploadedFile("gps.jpg", files.jpeg_bytes(seed=11, size=(800, 600))), **fields
    )


@pytest.mark.django_db
def test_is_publishable_and_its_query_filter_agree_on_every_case():
    consent = ArchiveDocumentFactory(title="თანხმობა")
    for fields, expected in CASES:
        if fields.get("consent_status") == "on_file":
            fields = {**fields, "consent_document": consent}
        image = ArchiveImageFactory(**fields)
        assert is_publishable(image) is expected, fields
        in_query = ArchiveImage.objects.filter(publishable_q(), pk=image.pk).exists()
        assert in_query is expected, fields
        assert bool(blocking_reasons(image)) is not expected, fields


@pytest.mark.django_db
def test_consent_on_file_needs_the_signed_document():
    image = ArchiveImageFactory.build(consent_status="on_file", consent_document=None)
    with pytest.raises(ValidationError) as raised:
        image.clean()
    assert "consent_document" in raised.value.message_dict


@files.needs_exiftool
@pytest.mark.django_db
def test_renditions_carry_no_gps_and_no_serial_number_but_keep_the_camera():
    image = photo_with_gps()
    assert "GPSLatitude" in exif_of(image.file.path)  # the archive's original is untouched

    for spec in ("width-400", "max-300x300|format-jpeg", "fill-200x200|format-png"):
        rendition_exif = exif_of(image.get_rendition(spec).file.path)
        assert "GPS" not in rendition_exif, spec
        assert files.SERIAL_NUMBER not in rendition_exif, spec
        assert "SerialNumber" not in rendition_exif, spec
    assert "Canon EOS R6" in exif_of(image.get_rendition("width-400").file.path)


@files.needs_exiftool
@pytest.mark.django_db
def test_public_download_has_no_gps_and_names_the_file(client, tmp_path):
    image = photo_with_gps(title="შეხვედრა", make_renditions=True)  # as the worker leaves it
    response = client.get(f"/archive-downloads/image/{image.pk}/medium/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="shekhvedra-medium')
    downloaded = tmp_path / "download.jpg"
    downloaded.write_bytes(b"".join(response.streaming_content))
    assert "GPS" not in exif_of(downloaded)
    assert files.SERIAL_NUMBER not in exif_of(downloaded)
    gps = Image.open(downloaded).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert not gps


@pytest.mark.django_db
def test_internal_or_unconsented_files_are_not_served_to_anonymous_visitors(client, admin_client):
    internal = ArchiveImageFactory(sensitivity="internal", make_renditions=True)
    minors = ArchiveImageFactory(minors_shown=True)
    for url in (
        f"/archive-downloads/image/{internal.pk}/medium/",
        f"/archive-downloads/image/{minors.pk}/large/",
        f"/archive-downloads/image/{internal.pk}/huge/",
    ):
        response = client.get(url, follow=True)
        assert response.status_code == 404, url
        assert not response.get("Content-Disposition"), url
    assert admin_client.get(f"/archive-downloads/image/{internal.pk}/medium/").status_code == 200


@pytest.mark.django_db
def test_image_chooser_offers_only_publishable_images(admin_client):
    public = ArchiveImageFactory(title="public-photo")
    ArchiveImageFactory(title="internal-photo", sensitivity="internal")
    ArchiveImageFactory(title="expired-photo", rights_expiry=YESTERDAY)
    response = admin_client.get("/admin/images/chooser/")
    html = response.content.decode()
    assert response.status_code == 200
    assert public.title in html
    assert "internal-photo" not in html
    assert "expired-photo" not in html


@pytest.mark.django_db
def test_saving_a_page_that_shows_an_internal_image_is_refused(home_pages):
    internal = ArchiveImageFactory(title="შიდა ფოტო", sensitivity="internal")
    page = ArchiveGalleryPage(title="ფოტოარქივი", slug="photos", header_image=internal)
    with pytest.raises(ValidationError) as raised:
        home_pages["ka"].add_child(instance=page)
    assert "შიდა ფოტო" in str(raised.value)

    page.header_image = ArchiveImageFactory()
    home_pages["ka"].add_child(instance=page)
    assert page.pk


@pytest.mark.django_db
def test_images_inside_stream_fields_are_checked_too(home_pages):
    from cms.models import ContentPage
    from media_archive.privacy import validate_page_media

    expired = ArchiveImageFactory(title="ვადაგასული", rights_expiry=YESTERDAY)
    page = ContentPage(
        title="გვერდი",
        body=[
            (
                "image",
                {
                    "image": {"image": expired, "decorative": True, "alt_text": ""},
                    "caption": "",
                },
            )
        ],
    )
    with pytest.raises(ValidationError, match="ვადაგასული"):
        validate_page_media(page)
