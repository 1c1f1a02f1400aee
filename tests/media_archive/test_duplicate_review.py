"""The side-by-side review of a possible duplicate: keep both, or keep one picture and
remove the other; whatever used the removed one then shows the kept picture, and no file
is left behind."""

import pytest
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.factories import ContentPageFactory
from media_archive.factories import ArchiveImageFactory
from media_archive.models import ArchiveImage
from tests.media_archive import files
from tests.media_archive.archive_staff import archivist, closed_collection, collection_editor
from tests.media_archive.page_content import image_block

LISTING = "/admin/archive-catalogue/images/?near_duplicate=true"


@pytest.fixture(autouse=True)
def _forget_cached_renditions():
    caches["default"].clear()


@pytest.fixture
def staff(client, db):
    client.force_login(archivist())
    return client


def real_photo(title, seed, size=(300, 200), **fields):
    picture = SimpleUploadedFile(f"{title}.jpg", files.jpeg_bytes(seed=seed, size=size))
    return ArchiveImageFactory(title=title, file=picture, **fields)


@pytest.fixture
def pair(db):
    earlier = real_photo("ადრინდელი", seed=41, caption_ka="ადრინდელი წარწერა", credit="ნინო")
    flagged = real_photo("ახალი", seed=41, size=(600, 400), near_duplicate_of=earlier)
    return flagged, earlier


def review_url(image):
    return f"/admin/archive-catalogue/duplicates/{image.pk}/"


def stored(image):
    return default_storage.exists(image.file.name)


@pytest.mark.django_db
def test_the_pair_is_shown_side_by_side_with_their_catalogues(staff, pair):
    flagged, earlier = pair
    listing = staff.get(LISTING).content.decode()
    assert review_url(flagged) in listing

    html = staff.get(review_url(flagged)).content.decode()
    assert "ადრინდელი წარწერა" in html and "ნინო" in html
    assert "600 × 400" in html and "300 × 200" in html
    assert 'value="keep_both"' in html and 'value="keep_flagged"' in html


@pytest.mark.django_db
def test_keep_both_clears_the_flag_only(staff, pair):
    flagged, earlier = pair
    response = staff.post(review_url(flagged), {"decision": "keep_both"})
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert flagged.near_duplicate_of is None
    assert ArchiveImage.objects.count() == 2


@pytest.mark.django_db
def test_keeping_the_earlier_removes_the_flagged_and_its_file(
    staff, pair, django_capture_on_commit_callbacks
):
    flagged, earlier = pair
    flagged_file = flagged.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(review_url(flagged), {"decision": "keep_earlier"})
    assert response.status_code == 302
    assert list(ArchiveImage.objects.values_list("pk", flat=True)) == [earlier.pk]
    assert not default_storage.exists(flagged_file)
    assert stored(ArchiveImage.objects.get())


@pytest.mark.django_db
def test_a_page_using_the_removed_image_then_shows_the_kept_picture(
    staff, pair, home_pages, django_capture_on_commit_callbacks
):
    flagged, earlier = pair
    page = ContentPageFactory(parent=home_pages["ka"], body=[image_block(earlier)])
    page.save_revision().publish()
    earlier_file = earlier.file.name
    flagged_file = flagged.file.name
    ArchiveImage.objects.filter(pk=flagged.pk).update(caption_ka="", credit="")

    # Keep the new (larger) picture, remove the earlier one that the page uses.
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(review_url(flagged), {"decision": "keep_flagged"})
    assert response.status_code == 302, response

    assert ArchiveImage.objects.count() == 1
    kept = ArchiveImage.objects.get()
    page.refresh_from_db()
    shown = page.body[0].value["image"]
    assert shown.pk == kept.pk
    assert (kept.file.name, kept.width, kept.height) == (flagged_file, 600, 400)
    assert kept.title == "ახალი"
    # Blank on the kept one: the removed one's catalogue fills it in.
    assert (kept.caption_ka, kept.credit) == ("ადრინდელი წარწერა", "ნინო")
    assert kept.near_duplicate_of is None
    assert default_storage.exists(flagged_file)
    assert not default_storage.exists(earlier_file)  # no orphan file
    assert kept.renditions.filter(filter_spec="fill-160x120").exists()  # made again


@pytest.mark.django_db
def test_both_in_use_is_refused_and_nothing_changes(staff, pair, home_pages):
    flagged, earlier = pair
    page = ContentPageFactory(
        parent=home_pages["ka"], body=[image_block(earlier), image_block(flagged)]
    )
    page.save_revision().publish()
    response = staff.post(review_url(flagged), {"decision": "keep_earlier"}, follow=True)
    assert response.status_code == 200
    assert ArchiveImage.objects.count() == 2
    assert "ორივე" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("decision", ["", "delete_everything", "keep_flagged'--"])
def test_an_unknown_decision_changes_nothing(staff, pair, decision):
    flagged, _earlier = pair
    response = staff.post(review_url(flagged), {"decision": decision})
    assert response.status_code == 302
    assert ArchiveImage.objects.count() == 2


@pytest.mark.django_db
def test_a_pair_reaching_into_a_closed_collection_is_not_found(client, pair):
    from media_archive import collections

    flagged, earlier = pair
    ArchiveImage.objects.filter(pk=earlier.pk).update(collection=closed_collection())
    ArchiveImage.objects.filter(pk=flagged.pk).update(collection=collections.photo_archive())
    client.force_login(collection_editor(collections.photo_archive()))
    # (Unprefixed admin URLs that are not found are sent on to /ka/ first: followed.)
    assert client.get(review_url(flagged), follow=True).status_code == 404
    assert client.post(f"/ka{review_url(flagged)}", {"decision": "keep_flagged"}).status_code == 404
    assert ArchiveImage.objects.count() == 2
    missing = client.get("/admin/archive-catalogue/duplicates/999999/", follow=True)
    assert missing.status_code == 404
