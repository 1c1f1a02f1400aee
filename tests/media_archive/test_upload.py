"""Photos, documents, video and audio through Wagtail's own admin forms (single and
multiple upload, wagtailmedia's add and edit): good files go in in one step, catalogued
from what they say about themselves; bad files get a reason in Georgian, never a 500,
and nothing is left under MEDIA_ROOT."""

import os
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import Collection, GroupCollectionPermission

from media_archive.models import ArchiveDocument, ArchiveImage, ArchiveMedia
from tests.media_archive import files

GEORGIAN = re.compile("[\u10d0-\u10ff]")
# What Pillow, Willow, ffprobe and the database say; none of it reaches the editor.
LIBRARY_WORDS = ("truncated", "cannot identify", "moov atom", "Invalid data", "\\u0000", "OSError")


def stored_names():
    return {
        os.path.join(root, name)
        for root, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


@pytest.fixture
def archivist(django_user_model):
    """Someone of the archive's staff, not a superuser: may add and change images,
    documents and media in the root collection; the admin in Georgian."""
    user = django_user_model.objects.create_user("archivist-upload", password="x")
    group = Group.objects.create(name="არქივის თანამშრომლები")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root = Collection.get_first_root_node()
    for codename in (
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
        "add_media",
        "change_media",
        "choose_media",
    ):
        for permission in Permission.objects.filter(codename=codename):
            GroupCollectionPermission.objects.create(
                group=group, collection=root, permission=permission
            )
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def bad_inputs(tmp_path):
    """(name, content) of every bad input the issue names."""
    inputs = {
        "truncated.jpg": files.truncated_jpeg_bytes(),
        "bomb.png": files.image_bomb_bytes(),
        "page.jpg": files.HTML_PAGE,
        "drawing.svg": files.SVG_WITH_SCRIPT,
        "empty.jpg": b"",
    }
    if files.needs_ffmpeg.args[0] is False:
        inputs["broken.mp4"] = files.corrupt_mp4_bytes(tmp_path)
    return inputs


def assert_refused_in_georgian(message):
    assert GEORGIAN.search(message), message
    for word in LIBRARY_WORDS:
        assert word not in message, message


def form_errors(html):
    """The text of the form's error messages on a page the admin sent back."""
    found = re.findall(r'class="[^"]*error-message[^"]*"[^>]*>(.*?)</', html, re.S)
    found += re.findall(r'<p class="error-message">\s*<span>(.*?)</span>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", text) for text in found)


@pytest.mark.django_db
def test_several_photos_go_in_in_one_step_catalogued_with_their_own_names(archivist):
    data = files.jpeg_bytes(seed=70)
    upload = archivist.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("შეხვედრა 1.jpg", data)}
    ).json()
    # No required field holds the file back: the image exists at once, for the queue.
    assert upload["success"] and "image_id" in upload, upload
    image = ArchiveImage.objects.get(pk=upload["image_id"])
    assert image.original_filename == "შეხვედრა 1.jpg"
    assert (image.sensitivity, image.album_position) == ("public", 0)
    assert len(image.sha256) == 64
    assert image.credit == "Nino Beridze"
    assert image.technical_metadata["camera"] == "Canon EOS R6"

    again = archivist.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("copy.jpg", data)}
    ).json()
    assert not again["success"]
    assert f"/admin/images/{image.pk}/" in again["error_message"]
    assert ArchiveImage.objects.count() == 1


@pytest.mark.django_db
def test_a_camera_file_with_nuls_in_its_exif_is_taken_and_cleaned(archivist):
    before = stored_names()
    response = archivist.post(
        "/admin/images/add/",
        {
            "title": "NUL",
            "file": SimpleUploadedFile("camera.jpg", files.nul_exif_jpeg_bytes()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, form_errors(response.content.decode())
    image = ArchiveImage.objects.get()
    assert image.technical_metadata["camera"] == "Canon ION230"
    # An EXIF text ends at its first NUL, as exiftool reads it; control characters go.
    assert image.caption_ka == "Meeting"
    assert image.credit == "Nino Beridze"
    assert image.original_filename == "camera.jpg"
    assert len(stored_names() - before) >= 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["truncated.jpg", "bomb.png", "page.jpg", "drawing.svg", "empty.jpg", "broken.mp4"]
)
def test_every_image_form_refuses_bad_files_in_georgian_and_stores_nothing(
    archivist, tmp_path, name
):
    inputs = bad_inputs(tmp_path)
    if name not in inputs:
        pytest.skip("ffmpeg is not installed: no corrupt MP4 to make")
    before = stored_names()

    single = archivist.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, inputs[name]),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert single.status_code == 200
    assert_refused_in_georgian(form_errors(single.content.decode()))

    several = archivist.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, inputs[name])}
    )
    assert several.status_code in (200, 400)
    if several.status_code == 200:
        assert several.json()["success"] is False
        assert_refused_in_georgian(several.json()["error_message"])

    assert not ArchiveImage.objects.exists()
    assert stored_names() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.pdf", files.HTML_PAGE),
        ("drawing.pdf", files.SVG_WITH_SCRIPT),
        ("report.docx", b"%PDF-1.4 not a word file"),
        ("empty.pdf", b""),
        ("table.csv", b"a,b\x00\x00\x01"),
    ],
)
def test_every_document_form_refuses_bad_files_in_georgian(archivist, name, content):
    before = stored_names()
    single = archivist.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert single.status_code == 200
    assert_refused_in_georgian(form_errors(single.content.decode()))
    several = archivist.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile(name, content)}
    )
    assert several.status_code in (200, 400)
    if several.status_code == 200:
        assert several.json()["success"] is False
        assert_refused_in_georgian(several.json()["error_message"])
    assert not ArchiveDocument.objects.exists()
    assert stored_names() == before


@pytest.mark.django_db
def test_a_real_pdf_is_taken(archivist):
    response = archivist.post(
        "/admin/documents/add/",
        {
            "title": "ანგარიში",
            "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert ArchiveDocument.objects.get().title == "ანგარიში"


@files.needs_ffmpeg
@pytest.mark.django_db
@pytest.mark.parametrize("name", ["broken.mp4", "truncated.jpg", "page.jpg", "empty.jpg"])
def test_wagtailmedia_add_and_edit_refuse_what_the_import_refuses(archivist, tmp_path, name):
    inputs = bad_inputs(tmp_path)
    good = files.make_video(tmp_path / "good.mp4").read_bytes()
    collection = Collection.get_first_root_node().pk
    before = stored_names()
    added = archivist.post(
        "/admin/media/video/add/",
        {"title": name, "file": SimpleUploadedFile(name, inputs[name]), "collection": collection},
    )
    assert added.status_code == 200
    assert_refused_in_georgian(form_errors(added.content.decode()))
    assert not ArchiveMedia.objects.exists()
    assert stored_names() == before

    created = archivist.post(
        "/admin/media/video/add/",
        {"title": "კლიპი", "file": SimpleUploadedFile("good.mp4", good), "collection": collection},
    )
    assert created.status_code == 302, form_errors(created.content.decode())
    media = ArchiveMedia.objects.get()
    assert media.original_filename == "good.mp4"
    assert media.technical_metadata["video_codec"] == "h264"
    before = stored_names()
    edited = archivist.post(
        f"/admin/media/edit/{media.pk}/",
        {
            "title": "კლიპი",
            "file": SimpleUploadedFile(name, inputs[name]),
            "collection": collection,
        },
    )
    assert edited.status_code == 200
    assert_refused_in_georgian(form_errors(edited.content.decode()))
    assert stored_names() == before
    media.refresh_from_db()
    assert media.technical_metadata["video_codec"] == "h264"
