"""Losing the disk: with the media folder read-only or full, every upload path of the admin
refuses with a Georgian message, answers no 500 and leaves no row and no file behind.

Read-only is a read-only tmpfs when the tests run as root (root writes through chmod), a
folder without write permission otherwise; full is a tiny tmpfs filled up (root only)."""

import os
import subprocess
import tempfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection, GroupCollectionPermission

from media_archive.models import ArchiveDocument, ArchiveImage, ArchiveMedia
from tests.media_archive import files

MESSAGE = "ფაილი ვერ შეინახა"


def _mount(folder, options):
    result = subprocess.run(  # noqa: S603
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", folder],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to make the disk fail: {result.stderr.decode()}")


@pytest.fixture(params=["read-only", "full"])
def failing_media_root(request, settings):
    folder = tempfile.mkdtemp(prefix="ssa-failing-media-")
    mounted = False
    if request.param == "read-only":
        if os.geteuid() == 0:
            _mount(folder, "ro,size=1m")
            mounted = True
        else:
            os.chmod(folder, 0o555)  # noqa: S103
    else:
        if os.geteuid() != 0:
            pytest.skip("a full disk is simulated with a tmpfs, which needs root")
        _mount(folder, "size=64k")
        mounted = True
        with open(os.path.join(folder, "filler"), "wb") as filler:
            try:
                filler.write(b"\0" * 1024 * 1024)
            except OSError:
                pass
    settings.MEDIA_ROOT = folder
    yield folder
    if mounted:
        subprocess.run(["umount", folder], check=False)  # noqa: S603, S607
    else:
        os.chmod(folder, 0o755)  # noqa: S103
    os.rmdir(folder)


def stored(folder):
    return sorted(
        os.path.relpath(os.path.join(root, name), folder)
        for root, _dirs, names in os.walk(folder)
        for name in names
        if name != "filler"
    )


@pytest.fixture
def media_editor(client, django_user_model):
    """A member of a group that may add images, documents and media (not a superuser)."""
    user = django_user_model.objects.create_user("uploader", password="x")
    group = Group.objects.create(name="ატვირთვა")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root = Collection.get_first_root_node()
    for codename in ("add_image", "choose_image", "add_document", "choose_document", "add_media"):
        for permission in Permission.objects.filter(codename=codename):
            GroupCollectionPermission.objects.create(
                group=group, collection=root, permission=permission
            )
    user.groups.add(group)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ka"
    return client


def _refused_json(response):
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert MESSAGE in answer["error_message"]


@pytest.mark.django_db
def test_every_upload_path_refuses_in_georgian_leaving_nothing(media_editor, failing_media_root):
    collection = Collection.get_first_root_node().pk
    jpeg = files.jpeg_bytes(seed=5)

    # Wagtail's image multi-upload (the image add view's only form in Wagtail 8).
    _refused_json(
        media_editor.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile("photo.jpg", jpeg), "collection": collection},
        )
    )
    # Wagtail's document multi-upload and the single document form.
    _refused_json(
        media_editor.post(
            "/admin/documents/multiple/add/",
            {"files[]": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n")},
        )
    )
    response = media_editor.post(
        "/admin/documents/add/",
        {
            "title": "ანგარიში",
            "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n"),
            "collection": collection,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    # The archive's upload of several videos and recordings (per-file outcome).
    response = media_editor.post(
        "/admin/archive-upload/media/",
        {"collection": collection, "files": [SimpleUploadedFile("song.mp3", b"ID3" + b"0" * 64)]},
    )
    assert response.status_code == 200
    assert "song.mp3" in response.content.decode()

    assert ArchiveImage.objects.count() == 0
    assert ArchiveDocument.objects.count() == 0
    assert ArchiveMedia.objects.count() == 0
    assert stored(failing_media_root) == []
