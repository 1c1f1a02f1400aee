import datetime

import pytest
from django.utils import timezone

from media_archive.factories import AlbumFactory, ArchiveImageFactory, ArchiveMediaFactory

TODAY = timezone.localdate()


def listed(response):
    return sorted(item.title for item in response.context["object_list"])


@pytest.fixture
def catalogue(db):
    return {
        "done": ArchiveImageFactory(
            title="done", caption_ka="გახსნა", date_taken=timezone.now(), file_plan_code="01-07"
        ),
        "uncaptioned": ArchiveImageFactory(title="uncaptioned", date_taken=timezone.now()),
        "undated": ArchiveImageFactory(title="undated", caption_ka="შეხვედრა"),
        "no-rights": ArchiveImageFactory(
            title="no-rights", caption_ka="ა", date_taken=timezone.now(), rights_kind=""
        ),
        "expiring": ArchiveImageFactory(
            title="expiring",
            caption_ka="ბ",
            date_taken=timezone.now(),
            rights_kind="licensed",
            licence="CC BY 4.0",
            rights_expiry=TODAY + datetime.timedelta(days=10),
        ),
        "later": ArchiveImageFactory(
            title="later",
            caption_ka="გ",
            date_taken=timezone.now(),
            rights_expiry=TODAY + datetime.timedelta(days=90),
        ),
        "internal": ArchiveImageFactory(
            title="internal", caption_ka="დ", date_taken=timezone.now(), sensitivity="internal"
        ),
    }


URL = "/admin/archive-catalogue/images/"


@pytest.mark.django_db
def test_needs_cataloguing_queue_lists_items_missing_caption_date_or_rights(
    admin_client, catalogue
):
    response = admin_client.get(URL, {"needs_cataloguing": "true"})
    assert response.status_code == 200
    assert listed(response) == ["no-rights", "uncaptioned", "undated"]


@pytest.mark.django_db
def test_expiry_report_lists_rights_or_consent_expiring_within_30_days(admin_client, catalogue):
    ArchiveImageFactory(
        title="consent-ending",
        consent_status="on_file",
        consent_expiry=TODAY + datetime.timedelta(days=29),
    )
    response = admin_client.get(URL, {"expiring": "true"})
    assert listed(response) == ["consent-ending", "expiring"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sensitivity": "internal"}, ["internal"]),
        ({"rights_kind": "licensed"}, ["expiring"]),
        ({"rights_kind": "none"}, ["no-rights"]),
        ({"file_plan_code": "01"}, ["done"]),
        ({"publishable": "false"}, ["internal", "no-rights"]),
    ],
)
def test_listing_filters_on_catalogue_fields(admin_client, catalogue, query, expected):
    response = admin_client.get(URL, query)
    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.django_db
def test_bad_filter_value_does_not_break_the_listing(admin_client, catalogue):
    response = admin_client.get(URL, {"sensitivity": "secret", "year": "x", "album": "999"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_media_catalogue_and_album_filter(admin_client):
    album = AlbumFactory()
    ArchiveMediaFactory(title="in-album", album=album)
    ArchiveMediaFactory(title="elsewhere", type="audio")
    response = admin_client.get("/admin/archive-catalogue/media/", {"album": album.pk})
    assert listed(response) == ["in-album"]
    response = admin_client.get("/admin/archive-catalogue/media/", {"kind": "audio"})
    assert listed(response) == ["elsewhere"]


@pytest.mark.django_db
def test_catalogue_needs_image_permissions(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="x")
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)


@pytest.mark.django_db
def test_image_edit_form_shows_catalogue_fields(admin_client):
    image = ArchiveImageFactory()
    html = admin_client.get(f"/admin/images/{image.pk}/").content.decode()
    for field_name in ("caption_ka", "consent_status", "file_plan_code", "rights_expiry"):
        assert f'name="{field_name}"' in html


@pytest.mark.django_db
def test_possible_duplicate_is_shown_with_a_chooser_not_a_list_of_every_image(admin_client):
    original = ArchiveImageFactory(title="original-photo")
    ArchiveImageFactory(title="unrelated-photo")
    copy = ArchiveImageFactory(title="copy", near_duplicate_of=original)
    html = admin_client.get(f"/admin/images/{copy.pk}/").content.decode()
    assert 'name="near_duplicate_of"' in html
    assert "original-photo" in html
    assert "unrelated-photo" not in html
