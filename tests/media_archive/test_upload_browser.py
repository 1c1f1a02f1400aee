"""Every upload form of the admin in Chromium, as a communications specialist (the role
`setup_editorial` gives the archive's day-to-day uploading: add, and change what one
added), the admin in Georgian: each bad file a camera, a phone or a mistake sends is
refused with a Georgian reason on the page, never a 500, with nothing left under
MEDIA_ROOT and no row written; a camera file with NULs in its EXIF is taken, cleaned.
Several photos go in in one step, each under the uploader's own file name."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from media_archive import ingest
from media_archive.models import ArchiveDocument, ArchiveImage, ArchiveMedia
from press import roles
from tests.browser import requires_chromium
from tests.desk import log_in, member
from tests.media_archive import files

pytestmark = [requires_chromium, pytest.mark.browser, files.needs_ffmpeg]

GEORGIAN = re.compile("[\u10d0-\u10ff]")
# What Pillow, Willow, ffprobe, Django and the database say in English; none of it may
# reach the page as the reason.
LIBRARY_WORDS = (
    "truncated",
    "cannot identify",
    "moov atom",
    "Invalid data",
    "\\u0000",
    "OSError",
    "Error",
    "Bad Request",
    "Traceback",
    "upload a valid image",
)
# The real camera file whose EXIF Model holds a NUL ("ION230\x00F"): the file issue 18
# found giving a 500 and leaving two files in original_images/.
REAL_NUL_EXIF = Path("exif-samples") / "jpg" / "WWL_(Polaroid)_ION230.jpg"
NUL_EXIF = "nul-exif.jpg"
Rendition = get_image_model().get_rendition_model()


def real_corpus_file(relative):
    for folder in (Path(settings.BASE_DIR), *Path(settings.BASE_DIR).parents):
        candidate = folder / "shared" / "corpora" / relative
        if candidate.is_file():
            return candidate
    return None


@pytest.fixture
def inputs(tmp_path):
    """{upload name: path} of each bad input issue 18 names, written where Chromium can
    pick them, plus the NUL-EXIF camera file (real where ../shared is, made otherwise)."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    real = real_corpus_file(REAL_NUL_EXIF)
    contents = {
        "truncated.jpg": files.truncated_jpeg_bytes(),
        NUL_EXIF: real.read_bytes() if real else files.nul_exif_jpeg_bytes(),
        "bomb.png": files.image_bomb_bytes(),
        "page.jpg": files.HTML_PAGE,
        "drawing.svg": files.SVG_WITH_SCRIPT,
        "empty.jpg": b"",
        "broken.mp4": files.corrupt_mp4_bytes(tmp_path),
    }
    paths = {}
    for name, content in contents.items():
        paths[name] = folder / name
        paths[name].write_bytes(content)
    return paths


def media_listing():
    """Every file under MEDIA_ROOT with its size."""
    return {
        os.path.relpath(os.path.join(root, name), settings.MEDIA_ROOT): os.path.getsize(
            os.path.join(root, name)
        )
        for root, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (ArchiveImage, ArchiveDocument, ArchiveMedia, Rendition, UploadedFile)
    }


def referenced_files():
    """What the database points at under MEDIA_ROOT: anything else there is an orphan."""
    names = set()
    for image in ArchiveImage.objects.all():
        names.add(image.file.name)
    names.update(Rendition.objects.values_list("file", flat=True))
    for document in ArchiveDocument.objects.all():
        names.add(document.file.name)
    for media in ArchiveMedia.objects.all():
        names.update(f.name for f in (media.file, media.thumbnail, media.public_file) if f)
    return {os.path.normpath(name) for name in names if name}


def assert_georgian_reason(text, what):
    assert text.strip(), f"{what}: no reason on the page"
    assert GEORGIAN.search(text), f"{what}: {text!r}"
    # A value a message names is never missing (Wagtail's extension check of no file).
    assert "„“" not in text and "“”" not in text, f"{what}: {text!r}"
    for word in LIBRARY_WORDS:
        assert word not in text, f"{what}: {text!r}"


@pytest.fixture
def admin_page(transactional_db, live_server, browser):
    """A communications specialist's Chromium page in the Georgian admin; every answer of
    the server is watched for a 5xx."""
    roles.setup_editorial()
    user = member("archive-uploader", roles.COMMUNICATIONS_SPECIALISTS, language="ka")
    assert not user.is_superuser
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    server_errors = []
    page.on(
        "response",
        lambda response: response.status >= 500 and server_errors.append(response.url),
    )
    log_in(page, live_server.url, user)
    page.base_url = live_server.url
    page.user = user
    page.server_errors = server_errors
    yield page
    context.close()
    assert not server_errors, server_errors


def open_admin(page, path):
    response = page.goto(page.base_url + path)
    assert response.status == 200, (path, response.status)
    assert page.locator("html").get_attribute("lang") == "ka", path
    return response


def multi_upload(page, path, chosen):
    """Chosen files into Wagtail's drag-and-drop upload; {file name: (li classes, text of
    its reasons)} once every file has its outcome."""
    open_admin(page, path)
    page.set_input_files("#fileupload", [str(p) for p in chosen])
    done = page.locator("#upload-list > li.upload-complete, #upload-list > li.upload-failure")
    page.wait_for_function(
        "n => document.querySelectorAll("
        "'#upload-list > li.upload-complete, #upload-list > li.upload-failure').length === n",
        arg=len(chosen),
    )
    outcomes = {}
    for item in done.all():
        name = item.locator(".left").inner_text().strip().splitlines()[-1].strip()
        # The file's own reason, not the generic "Sorry, upload failed." beside it.
        reasons = " ".join(item.locator(".error_messages").all_inner_texts())
        classes = item.get_attribute("class")
        assert "upload-server-error" not in classes, (name, item.inner_text())
        outcomes[name] = (classes, reasons)
    assert len(outcomes) == len(chosen), outcomes
    return outcomes


def submit_file_form(page, path, upload, title="ატვირთვა"):
    """One file through a single-file admin form, as the editor does it: title, file,
    the form's own save button. Returns the field errors' text ("" when it was saved)."""
    # A refused upload comes back as the same form, its reason shown: the next file is
    # chosen there, as the editor would, without loading the form again.
    if page.url != page.base_url + path:
        open_admin(page, path)
    if page.locator("input[name=title]").count():
        page.fill("input[name=title]", title)
    file_input = page.locator("input[type=file][name=file]")
    file_input.set_input_files(str(upload))
    save = page.locator("form:has(input[type=file][name=file]) [type=submit]").first
    with page.expect_navigation() as navigation:
        save.click()
    assert navigation.value.status < 500, (path, upload.name, navigation.value.status)
    assert page.locator("html").get_attribute("lang") == "ka", path
    texts = page.locator("[data-field-errors]").all_inner_texts()
    return " ".join(text.strip() for text in texts if text.strip())


def test_image_uploads_refuse_bad_files_and_take_several_photos_in_one_step(admin_page, inputs):
    page = admin_page
    good = []
    for number in (1, 2):
        photo = inputs[NUL_EXIF].parent / f"შეხვედრა {number}.jpg"
        photo.write_bytes(files.jpeg_bytes(seed=200 + number, size=(320, 240)))
        good.append(photo)
    before, rows = media_listing(), row_counts()

    outcomes = multi_upload(page, "/admin/images/multiple/add/", [*inputs.values(), *good])
    taken = {NUL_EXIF, *(photo.name for photo in good)}
    for name, (classes, reasons) in outcomes.items():
        if name in taken:
            assert "upload-success" in classes, (name, classes, reasons)
        else:
            assert "upload-failure" in classes, (name, classes)
            assert_georgian_reason(reasons, f"multi-upload {name}")
    # In one step: every accepted photo is in the archive without anyone pressing
    # "Update", under the name it had on the uploader's disk, with the defaults.
    images = {image.original_filename: image for image in ArchiveImage.objects.all()}
    assert set(images) == taken, set(images)
    for image in images.values():
        assert (image.sensitivity, image.album_position) == ("public", 0)
        assert image.uploaded_by_user == page.user
    assert "\x00" not in images[NUL_EXIF].technical_metadata.get("camera", "")
    assert "ION230" in images[NUL_EXIF].technical_metadata["camera"]
    # Leaving the page strands nothing: the catalogue lists them.
    open_admin(page, "/admin/images/")
    for title in ("შეხვედრა 1", "შეხვედრა 2"):
        assert page.get_by_text(title).count(), title

    added = set(media_listing()) - set(before)
    assert added <= referenced_files(), added - referenced_files()
    assert {name: size for name, size in media_listing().items() if name in before} == before

    ArchiveImage.objects.all().delete()  # the single form takes the NUL file again
    for name in list(media_listing()):
        if name not in before:
            os.remove(os.path.join(settings.MEDIA_ROOT, name))
    assert row_counts() == rows
    for name, upload in inputs.items():
        errors = submit_file_form(page, "/admin/images/add/", upload)
        if name == NUL_EXIF:
            assert not errors, errors
            image = ArchiveImage.objects.get()
            assert image.original_filename == NUL_EXIF
            assert "ION230" in image.technical_metadata["camera"]
            assert set(media_listing()) - set(before) <= referenced_files()
            image.delete()
            for stored in set(media_listing()) - set(before):
                os.remove(os.path.join(settings.MEDIA_ROOT, stored))
        else:
            assert_georgian_reason(errors, f"/admin/images/add/ {name}")
        assert media_listing() == before, name
        assert row_counts() == rows, name


def test_document_uploads_refuse_bad_files(admin_page, inputs):
    page = admin_page
    html_as_pdf = inputs[NUL_EXIF].parent / "page.pdf"
    html_as_pdf.write_bytes(files.HTML_PAGE)
    chosen = [*inputs.values(), html_as_pdf]
    before, rows = media_listing(), row_counts()

    outcomes = multi_upload(page, "/admin/documents/multiple/add/", chosen)
    for name, (classes, reasons) in outcomes.items():
        assert "upload-failure" in classes, (name, classes)
        assert_georgian_reason(reasons, f"document multi-upload {name}")
    assert media_listing() == before
    assert row_counts() == rows

    for upload in chosen:
        errors = submit_file_form(page, "/admin/documents/add/", upload)
        assert_georgian_reason(errors, f"/admin/documents/add/ {upload.name}")
        assert media_listing() == before, upload.name
        assert row_counts() == rows, upload.name


def test_wagtailmedia_add_and_replace_refuse_bad_files(admin_page, inputs, tmp_path):
    page = admin_page
    clip = ingest.ingest_path(files.make_video(tmp_path / "clip.mp4"), user=page.user).item
    kept = (clip.file.name, clip.public_file.name, clip.thumbnail.name, clip.sha256)
    before, rows = media_listing(), row_counts()

    for path in (
        "/admin/media/audio/add/",
        "/admin/media/video/add/",
        f"/admin/media/edit/{clip.pk}/",
    ):
        for name, upload in inputs.items():
            errors = submit_file_form(page, path, upload)
            assert_georgian_reason(errors, f"{path} {name}")
            assert media_listing() == before, (path, name)
            assert row_counts() == rows, (path, name)
    clip.refresh_from_db()
    assert (clip.file.name, clip.public_file.name, clip.thumbnail.name, clip.sha256) == kept


def test_the_archives_own_media_upload_refuses_each_bad_file_by_name(admin_page, inputs):
    page = admin_page
    before, rows = media_listing(), row_counts()
    open_admin(page, "/admin/archive-upload/media/")
    page.set_input_files("input[name=files]", [str(p) for p in inputs.values()])
    with page.expect_navigation() as navigation:
        page.locator("input[name=files]").evaluate("input => input.form.requestSubmit()")
    assert navigation.value.status == 200
    for name in inputs:
        row = page.locator("tr", has=page.locator("th", has_text=name))
        assert row.count() == 1, name
        assert_georgian_reason(row.inner_text().replace(name, ""), f"archive upload {name}")
    assert media_listing() == before
    assert row_counts() == rows
