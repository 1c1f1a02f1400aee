"""The admin's multi-file upload for video and audio: every file through the archive's
ingest, each outcome reported by name in Georgian, one bad file never stopping the rest."""

import os
import re
import tempfile

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission

from media_archive.factories import AlbumFactory
from media_archive.models import ArchiveMedia
from tests.media_archive import files

URL = "/admin/archive-upload/media/"


def stored_names():
    return {name for _root, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names}


def upload(client, *named_files, **fields):
    data = {"collection": Collection.get_first_root_node().pk, **fields}
    data["files"] = [SimpleUploadedFile(name, content) for name, content in named_files]
    return client.post(URL, data)


def outcome_row(html, name):
    """The outcome table's row for one file, tags stripped."""
    row = re.search(rf"<tr>\s*<th scope=\"row\">{re.escape(name)}</th>(.*?)</tr>", html, re.S)
    assert row, f"no outcome row for {name}"
    return re.sub(r"\s+", " ", row.group(1))


@pytest.fixture
def video_bytes(tmp_path):
    return files.make_video(tmp_path / "clip.mp4").read_bytes()


@pytest.fixture
def editor(django_user_model):
    """A staff member whose group may only add media in the "Events" collection."""
    user = django_user_model.objects.create_user("editor", password="x")
    group = Group.objects.create(name="Media editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node().add_child(name="Events"),
        permission=Permission.objects.get(codename="add_media"),
    )
    user.groups.add(group)
    return user


@files.needs_ffmpeg
@pytest.mark.django_db
def test_several_files_are_added_each_probed_with_poster_and_public_copy(
    admin_client, admin_user, video_bytes, tmp_path
):
    album = AlbumFactory(title_ka="ფორუმი 2024")
    mp3 = files.make_mp3(tmp_path / "speech.mp3").read_bytes()

    response = upload(
        admin_client,
        ("mu-forum.mp4", video_bytes),
        ("mu-speech.mp3", mp3),
        ("mu-interview.wav", files.wav_bytes()),
        album=album.pk,
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "დაემატა: 3. არ დაემატა: 0." in html
    clip = ArchiveMedia.objects.get(original_filename="mu-forum.mp4")
    assert (clip.type, clip.width, clip.height) == ("video", 320, 240)
    assert clip.duration == pytest.approx(2.0, abs=0.2)
    assert len(clip.sha256) == 64
    assert clip.thumbnail and clip.public_file
    assert (clip.album, clip.uploaded_by_user) == (album, admin_user)
    speech = ArchiveMedia.objects.get(original_filename="mu-speech.mp3")
    assert (speech.type, speech.technical_metadata["audio_codec"]) == ("audio", "mp3")
    assert ArchiveMedia.objects.get(original_filename="mu-interview.wav").type == "audio"
    edit_url = reverse("wagtailmedia:edit", args=[clip.pk])
    assert f'href="{edit_url}"' in outcome_row(html, "mu-forum.mp4")


@files.needs_ffmpeg
@pytest.mark.django_db
def test_duplicates_and_bad_files_are_refused_by_name_and_the_rest_added(admin_client, video_bytes):
    upload(admin_client, ("mu-first.mp4", video_bytes))
    first = ArchiveMedia.objects.get()

    response = upload(
        admin_client,
        ("mu-again.mp4", video_bytes),
        ("mu-truncated.mp4", video_bytes[: len(video_bytes) // 3]),
        ("mu-empty.mp3", b""),
        ("mu-photo.jpg", files.jpeg_bytes(seed=90)),
        ("mu-page.mp4", b"<!DOCTYPE html><html><body>not a video</body></html>"),
        ("mu-good.wav", files.wav_bytes(seconds=2)),
    )

    html = response.content.decode()
    assert "დაემატა: 1. არ დაემატა: 5." in html
    again = outcome_row(html, "mu-again.mp4")
    assert "ეს ფაილი არქივში უკვე არის" in again
    assert f'href="{reverse("wagtailmedia:edit", args=[first.pk])}"' in again
    truncated = outcome_row(html, "mu-truncated.mp4")
    assert "ვიდეო- ან აუდიოფაილი ვერ იკითხება" in truncated
    assert tempfile.gettempdir() not in truncated  # not the upload's temporary path
    assert "ცარიელი ფაილი (0 ბაიტი)" in outcome_row(html, "mu-empty.mp3")
    assert "„.jpg“ ფაილები აქ არ მიიღება" in outcome_row(html, "mu-photo.jpg")
    assert "HTML" in outcome_row(html, "mu-page.mp4")
    assert set(ArchiveMedia.objects.values_list("original_filename", flat=True)) == {
        "mu-first.mp4",
        "mu-good.wav",
    }
    refused = ("mu-again", "mu-truncated", "mu-empty", "mu-photo", "mu-page")
    assert not [name for name in stored_names() if name.startswith(refused)]


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_with_the_limit(admin_client, settings):
    settings.ARCHIVE_MEDIA_MAX_UPLOAD_SIZE = 1000
    html = upload(admin_client, ("mu-long.wav", files.wav_bytes())).content.decode()
    assert "1000" in outcome_row(html, "mu-long.wav")
    assert not ArchiveMedia.objects.exists()


@files.needs_ffmpeg
@pytest.mark.django_db
def test_a_database_failure_leaves_neither_record_nor_file_and_others_go_on(
    admin_client, monkeypatch
):
    real_insert = ArchiveMedia._do_insert

    def refuse_one(self, *args, **kwargs):
        if self.original_filename == "mu-dbfail.wav":
            raise DatabaseError("disk full")
        return real_insert(self, *args, **kwargs)

    monkeypatch.setattr(ArchiveMedia, "_do_insert", refuse_one)
    html = upload(
        admin_client,
        ("mu-dbfail.wav", files.wav_bytes(seconds=1.5)),
        ("mu-after.wav", files.wav_bytes(seconds=2.5)),
    ).content.decode()

    assert "ვერ შეინახა" in outcome_row(html, "mu-dbfail.wav")
    assert list(ArchiveMedia.objects.values_list("original_filename", flat=True)) == [
        "mu-after.wav"
    ]
    assert not [name for name in stored_names() if name.startswith("mu-dbfail")]


@pytest.mark.django_db
def test_only_editors_who_may_add_media_reach_the_upload(client, editor, django_user_model):
    outsider = django_user_model.objects.create_user("outsider", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(URL).status_code == 302
    refused = upload(client, ("mu-sneak.wav", files.wav_bytes()))
    assert refused.status_code == 302
    assert not ArchiveMedia.objects.exists()

    client.force_login(editor)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'type="file"' in page.content.decode() and "multiple" in page.content.decode()
    assert URL in client.get(reverse("wagtailmedia:index")).content.decode()


@files.needs_ffmpeg
@pytest.mark.django_db
def test_an_editor_adds_to_the_collection_they_may_add_to(client, editor):
    client.force_login(editor)
    events = Collection.objects.get(name="Events")
    added = upload(client, ("mu-editor.wav", files.wav_bytes()), collection=events.pk)
    assert "დაემატა: 1." in added.content.decode()
    assert ArchiveMedia.objects.get().collection == events


@pytest.mark.django_db
def test_a_collection_the_editor_may_not_add_to_is_refused(client, editor):
    closed = Collection.get_first_root_node().add_child(name="Closed")
    client.force_login(editor)
    response = upload(client, ("mu-closed.wav", files.wav_bytes()), collection=closed.pk)
    select = re.search(r'<select name="collection"[^>]*>', response.content.decode()).group(0)
    assert 'aria-invalid="true"' in select
    assert not ArchiveMedia.objects.exists()


@pytest.mark.django_db
def test_no_file_chosen_is_an_error_tied_to_the_field_in_georgian(admin_client):
    response = admin_client.post(URL, {"collection": Collection.get_first_root_node().pk})
    html = response.content.decode()
    assert response.status_code == 200
    file_input = re.search(r"<input[^>]*type=\"file\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in file_input
    assert "id_files-errors" in file_input
    errors = re.search(r'id="id_files-errors"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert "ველი" in errors  # Django's Georgian "this field is required"
    assert '<label class="w-field__label" for="id_files">' in html


@pytest.mark.django_db
def test_without_ffmpeg_a_clear_message_and_every_file_refused(admin_client, monkeypatch):
    monkeypatch.setattr("media_archive.extraction.shutil.which", lambda name: None)
    page = admin_client.get(URL).content.decode()
    assert "ffmpeg არ არის დაყენებული" in page
    html = upload(admin_client, ("mu-noffmpeg.wav", files.wav_bytes())).content.decode()
    assert "ffprobe" in outcome_row(html, "mu-noffmpeg.wav")
    assert not ArchiveMedia.objects.exists()
    assert not [name for name in stored_names() if name.startswith("mu-noffmpeg")]


@files.needs_ffmpeg
@pytest.mark.django_db
def test_a_large_upload_django_keeps_on_disk_takes_the_same_path(admin_client, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1000  # the wav goes to a TemporaryUploadedFile
    html = upload(admin_client, ("mu-disk.wav", files.wav_bytes(seconds=3))).content.decode()
    assert "დაემატა: 1." in html
    recording = ArchiveMedia.objects.get()
    assert recording.duration == pytest.approx(3.0, abs=0.1)
    assert recording.public_file
