"""Bulk edit of every catalogue field by the archive's staff: date, caption, place, people,
minors, retention set on a selection; any field cleared by its own box; documents, pages
and albums picked with choosers that offer only what the user may choose."""

import datetime
import zoneinfo

import pytest

from media_archive.factories import AlbumFactory, ArchiveDocumentFactory, ArchiveImageFactory
from media_archive.models import ArchiveImage
from tests.media_archive.archive_staff import archivist, closed_collection, collection_editor

TBILISI = zoneinfo.ZoneInfo("Asia/Tbilisi")


def bulk_url(items, action="edit_catalogue", model="archiveimage"):
    ids = "&".join(f"id={item.pk}" for item in items)
    return (
        f"/admin/bulk/media_archive/{model}/{action}/?{ids}&next=/admin/archive-catalogue/images/"
    )


@pytest.fixture
def staff(client, db):
    client.force_login(archivist())
    return client


@pytest.fixture
def photos(db):
    return [
        ArchiveImageFactory(
            title=f"ფოტო-{n}",
            caption_ka="ძველი წარწერა",
            place_name="ბათუმი",
            people_shown="ანა\nგიორგი",
            retention_years=5,
            credit="ძველი ავტორი",
        )
        for n in range(3)
    ]


@pytest.mark.django_db
def test_date_caption_place_people_minors_and_retention_are_set_on_the_selection(staff, photos):
    selected = photos[:2]
    response = staff.post(
        bulk_url(selected),
        {
            "date_taken": "2024-05-26 11:30",
            "caption_ka": "დამოუკიდებლობის დღე",
            "caption_en": "Independence Day",
            "place_name": "თბილისი",
            "people_shown": "ნინო ბერიძე\nდავით კაპანაძე",
            "minors_shown": "yes",
            "retention_years": "25",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    for photo in selected:
        photo.refresh_from_db()
        assert photo.date_taken == datetime.datetime(2024, 5, 26, 11, 30, tzinfo=TBILISI)
        assert photo.year_taken == 2024  # the gallery's stored columns follow the date
        assert (photo.caption_ka, photo.caption_en) == ("დამოუკიდებლობის დღე", "Independence Day")
        assert photo.place_name == "თბილისი"
        assert photo.people_shown == "ნინო ბერიძე\nდავით კაპანაძე"
        assert photo.minors_shown is True
        assert photo.retention_years == 25
        assert photo.credit == "ძველი ავტორი"  # left empty: unchanged
    photos[2].refresh_from_db()
    assert photos[2].caption_ka == "ძველი წარწერა"


@pytest.mark.django_db
def test_each_field_has_its_own_clear_box(staff, photos):
    response = staff.post(
        bulk_url(photos),
        {
            "clear_caption_ka": "on",
            "clear_place_name": "on",
            "clear_people_shown": "on",
            "clear_retention_years": "on",
            "clear_date_taken": "on",
            "minors_shown": "no",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    for photo in ArchiveImage.objects.all():
        assert (photo.caption_ka, photo.place_name, photo.people_shown) == ("", "", "")
        assert photo.retention_years is None and photo.date_taken is None
        assert photo.year_taken is None
        assert photo.minors_shown is False
        assert photo.credit == "ძველი ავტორი"


@pytest.mark.django_db
def test_filling_and_clearing_the_same_field_is_refused_naming_it(staff, photos):
    response = staff.post(bulk_url(photos), {"place_name": "ქუთაისი", "clear_place_name": "on"})
    assert response.status_code == 200
    assert "place_name" in response.context["form"].errors
    assert "ან შეავსეთ" in response.content.decode()
    assert not ArchiveImage.objects.exclude(place_name="ბათუმი").exists()


@pytest.mark.django_db
def test_clearing_the_consent_document_of_consent_on_file_changes_nothing(staff, photos):
    consent = ArchiveDocumentFactory()
    ArchiveImage.objects.filter(pk=photos[0].pk).update(
        consent_status="on_file", consent_document=consent
    )
    response = staff.post(bulk_url(photos), {"clear_consent_document": "on", "credit": "ახალი"})
    assert response.status_code == 200
    assert "ფოტო-0" in response.content.decode()
    assert not ArchiveImage.objects.filter(credit="ახალი").exists()
    assert ArchiveImage.objects.get(pk=photos[0].pk).consent_document == consent


@pytest.mark.django_db
def test_documents_pages_and_albums_are_chosen_not_listed(staff, photos):
    ArchiveDocumentFactory.create_batch(3)
    html = staff.get(bulk_url(photos)).content.decode()
    for name in ("consent_document", "event_page", "album"):
        assert f'<select name="{name}"' not in html, name
        assert f'name="{name}"' in html, name
    album = AlbumFactory()
    response = staff.post(bulk_url(photos), {"album": album.pk})
    assert response.status_code == 302
    assert ArchiveImage.objects.filter(album=album).count() == 3


@pytest.mark.django_db
def test_a_document_the_user_may_not_choose_is_refused(client, photos):
    from media_archive import collections

    mine = collections.photo_archive()
    client.force_login(collection_editor(mine))
    closed = ArchiveDocumentFactory(collection=closed_collection())
    ArchiveImage.objects.update(collection=mine)

    response = client.post(
        bulk_url(photos), {"consent_status": "on_file", "consent_document": closed.pk}
    )
    assert response.status_code == 200
    assert "consent_document" in response.context["form"].errors
    assert not ArchiveImage.objects.filter(consent_document=closed).exists()


@pytest.mark.django_db
def test_items_in_a_collection_the_role_may_not_change_are_counted_not_named(client, photos):
    from media_archive import collections

    hidden = ArchiveImageFactory(title="საიდუმლო ფოტო", collection=closed_collection())
    client.force_login(collection_editor(collections.photo_archive()))
    response = client.get(bulk_url([photos[0], hidden]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "საიდუმლო ფოტო" not in html
    response = client.post(bulk_url([photos[0], hidden]), {"credit": "ახალი"})
    hidden.refresh_from_db()
    assert hidden.credit != "ახალი"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"date_taken": "not a date"},
        {"retention_years": "-3"},
        {"retention_years": "99999999999"},
        {"minors_shown": "maybe"},
        {"event_page": "abc"},
        {"album": "99999"},
    ],
)
def test_bad_values_give_a_form_error_not_a_500(staff, photos, data):
    response = staff.post(bulk_url(photos), data)
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.django_db
def test_a_selection_of_ids_that_are_not_numbers_is_no_500(staff, photos):
    response = staff.get("/admin/bulk/media_archive/archiveimage/edit_catalogue/?id=x&id=1e9")
    assert response.status_code in (200, 404)
