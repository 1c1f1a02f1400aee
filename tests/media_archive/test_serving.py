"""Every file under /media/ is served by media_archive.serving, which refuses what the
public may not see: originals, renditions of internal or held-back items, documents."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from media_archive.factories import (
    ArchiveDocumentFactory,
    ArchiveImageFactory,
    ArchiveMediaFactory,
)
from media_archive.gallery import GalleryFilters, result_page
from media_archive.pages import ArchiveGalleryPage
from media_archive.privacy import is_held_back, is_public
from tests.media_archive import files
from tests.utils import streamed_body


@pytest.fixture(autouse=True)
def _forget_cached_renditions():
    """Wagtail caches renditions by image id; ids repeat after each test's rollback."""
    caches["default"].clear()


def cache_control(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def photo(**fields):
    return ArchiveImageFactory(
        file=SimpleUploadedFile("gps.jpg", files.jpeg_bytes(seed=21, size=(400, 300))), **fields
    )


def rendition_url(image):
    return image.get_rendition("width-200").url


def gallery_showing(parent, image, **fields):
    page = ArchiveGalleryPage(
        title="გალერეა", slug=f"gallery-{image.pk}", header_image=image, **fields
    )
    parent.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_public_rendition_is_served_with_public_cache_headers_and_without_gps(client):
    image = photo()
    url = rendition_url(image)
    assert url.startswith("/media/images/")

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert cache_control(response) == {"public", "max-age=3600"}
    content = streamed_body(response)
    assert content[:2] == b"\xff\xd8"
    if shutil.which("exiftool"):
        served = Path(settings.MEDIA_ROOT) / "served-check.jpg"
        served.write_bytes(content)
        try:
            report = subprocess.run(  # noqa: S603
                [shutil.which("exiftool"), "-a", "-G1", "-s", str(served)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            served.unlink()
        assert "GPS" not in report
        assert files.SERIAL_NUMBER not in report


@pytest.mark.django_db
def test_original_is_never_served_to_the_public_but_is_to_staff(client, staff_client):
    image = photo()
    original = image.file.url
    assert original.startswith("/media/original_images/")

    assert client.get(original).status_code == 404

    response = staff_client.get(original)
    assert response.status_code == 200
    assert cache_control(response) == {"private", "no-store"}
    assert streamed_body(response) == image.file.open("rb").read()  # as uploaded, GPS and all
    image.file.close()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [{"sensitivity": "internal"}, {"consent_status": ""}, {"rights_kind": ""}],
    ids=["internal", "no-consent", "no-rights"],
)
def test_rendition_of_an_unpublishable_item_is_refused_to_the_public(client, staff_client, fields):
    image = photo(**fields)
    url = rendition_url(image)

    assert client.get(url).status_code == 404
    assert client.get(image.file.url).status_code == 404
    response = staff_client.get(url)
    assert response.status_code == 200
    assert cache_control(response) == {"private", "no-store"}


@pytest.mark.django_db
def test_refused_and_missing_files_give_the_same_answer(client):
    image = photo(sensitivity="internal")
    refused = client.get(rendition_url(image))
    missing = client.get("/media/images/no-such-file.width-200.jpg")
    assert refused.status_code == missing.status_code == 404
    assert refused.content == missing.content


@pytest.mark.django_db
def test_image_used_only_on_a_staff_only_page_is_held_back(client, staff_client, home_pages):
    image = photo()
    staff_page = gallery_showing(home_pages["ka"], image)
    PageViewRestriction.objects.create(page=staff_page, restriction_type="login")
    url = rendition_url(image)

    assert is_held_back(image)
    assert client.get(url).status_code == 404
    assert staff_client.get(url).status_code == 200


@pytest.mark.django_db
def test_restriction_on_an_ancestor_holds_the_image_back_too(client, home_pages):
    image = photo()
    section = ArchiveGalleryPage(title="შიდა", slug="internal-section")
    home_pages["ka"].add_child(instance=section)
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    gallery_showing(section, image)

    assert client.get(rendition_url(image)).status_code == 404


@pytest.mark.django_db
def test_image_of_a_page_not_live_yet_is_served_once_the_page_is_published(client, home_pages):
    image = photo()
    draft = gallery_showing(home_pages["ka"], image, live=False)
    url = rendition_url(image)

    assert client.get(url).status_code == 404
    assert not is_public(image)

    draft.save_revision().publish()

    assert client.get(url).status_code == 200
    assert is_public(image)


@pytest.mark.django_db
def test_an_image_also_on_a_public_page_is_not_held_back(client, home_pages):
    image = photo()
    staff_page = gallery_showing(home_pages["ka"], image)
    PageViewRestriction.objects.create(page=staff_page, restriction_type="login")
    public_page = ArchiveGalleryPage(title="საჯარო", slug="public-one", header_image=image)
    home_pages["ka"].add_child(instance=public_page)

    assert client.get(rendition_url(image)).status_code == 200


@pytest.mark.django_db
def test_held_back_items_are_not_listed_in_the_gallery_nor_downloadable(client, home_pages):
    listed = photo(title="listed")
    held = photo(title="held")
    gallery_showing(home_pages["ka"], held, live=False)

    page = result_page(None, GalleryFilters(), 1)
    assert [item.title for item in page.items] == ["listed"]
    # The 404 passes through the language redirect, like every unknown address.
    refused = client.get(f"/archive-downloads/image/{held.pk}/medium/", follow=True)
    assert refused.status_code == 404
    assert client.get(f"/archive-downloads/image/{listed.pk}/medium/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/media/../ssa/settings/base.py",
        "/media/%2e%2e/ssa/settings/base.py",
        "/media/images/..%2f..%2fssa/settings/base.py",
        "/media/%2fetc/passwd",
        "/media/..\\cms\\settings\\base.py",
    ],
)
def test_paths_outside_the_media_folder_are_refused(staff_client, path):
    assert staff_client.get(path).status_code == 404


@pytest.mark.django_db
def test_a_nul_in_a_media_path_is_refused(staff_client):
    # The request guard (cms/request_guard.py) answers before the media view reads the path.
    assert staff_client.get("/media/images/%00x.jpg").status_code == 400


@pytest.mark.django_db
def test_documents_are_never_served_by_their_file_address(client, staff_client):
    document = ArchiveDocumentFactory()
    file_url = f"{settings.MEDIA_URL}{document.file.name}"
    assert document.file.name.startswith("documents/")

    assert client.get(file_url).status_code == 404
    assert staff_client.get(file_url).status_code == 404
    # Wagtail's view, which checks collection privacy, is the way to documents.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert document.url.startswith("/documents/")
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_video_upload_as_stored_is_staff_only_poster_follows_the_item(client, staff_client):
    media = ArchiveMediaFactory(
        thumbnail=SimpleUploadedFile("poster.jpg", files.jpeg_bytes(seed=5, with_gps=False))
    )
    assert client.get(media.file.url).status_code == 404
    assert staff_client.get(media.file.url).status_code == 200
    assert client.get(media.thumbnail.url).status_code == 200

    media.sensitivity = "internal"
    media.save()
    assert client.get(media.thumbnail.url).status_code == 404


@pytest.mark.django_db
def test_public_rendition_costs_one_query(client):
    url = rendition_url(photo())
    client.get(url)  # content types cached, as in a running process
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == 1


@pytest.mark.django_db
def test_nginx_mode_hands_the_bytes_to_the_web_server(client, settings):
    settings.MEDIA_ACCEL_MODE = "nginx"
    settings.MEDIA_ACCEL_PREFIX = "/protected-media/"
    image = photo()
    url = rendition_url(image)

    response = client.get(url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + url.removeprefix("/media/")
    assert response.content == b""
    assert client.get(image.file.url).status_code == 404


@pytest.mark.django_db
def test_an_analyst_cannot_fetch_an_original(client, django_user_model):
    """Admin access to read reports is not access to the archive's originals (GPS,
    serials): the Analysts group `setup_editorial` makes reads reports; only staff who may
    add, change or choose archive items see originals."""
    from django.contrib.auth.models import Group

    from press import roles

    roles.setup_editorial()
    image = photo()
    recording = ArchiveMediaFactory()
    analyst = django_user_model.objects.create_user("analyst-serving", password="x")
    analyst.groups.add(Group.objects.get(name=roles.ANALYSTS))
    assert analyst.has_perm("wagtailadmin.access_admin") and not analyst.is_superuser
    client.force_login(analyst)
    assert client.get("/admin/").status_code == 200  # in the admin, yet:
    assert client.get(image.file.url).status_code == 404
    assert client.get(recording.file.url).status_code == 404
    image.sensitivity = "internal"
    image.save()
    assert (
        client.get(f"/archive-downloads/image/{image.pk}/medium/", follow=True).status_code == 404
    )
    # The same address is served to the archive's own staff: the refusal is the role's.
    specialist = django_user_model.objects.create_user("specialist-serving", password="x")
    specialist.groups.add(Group.objects.get(name=roles.COMMUNICATIONS_SPECIALISTS))
    client.force_login(specialist)
    assert client.get(image.file.url).status_code == 200
