"""Bulk editing of catalogue fields across a selection of photos or of video and audio."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import Collection, GroupCollectionPermission

from media_archive.factories import (
    AlbumFactory,
    ArchiveDocumentFactory,
    ArchiveImageFactory,
    ArchiveMediaFactory,
)
from media_archive.models import ArchiveImage, ArchiveMedia


def bulk_url(model_name, items, action="edit_catalogue"):
    ids = "&".join(f"id={item.pk}" for item in items)
    return f"/admin/bulk/media_archive/{model_name}/{action}/?{ids}&next=/admin/images/"


@pytest.fixture
def photos(db):
    root = Collection.get_first_root_node()
    return [
        ArchiveImageFactory(title=f"photo-{n}", credit="old", collection=root) for n in range(3)
    ]


@pytest.mark.django_db
def test_the_action_is_offered_in_the_image_listing_and_the_catalogues(admin_client, photos):
    for url in ("/admin/images/", "/admin/archive-catalogue/images/"):
        html = admin_client.get(url).content.decode()
        assert "/admin/bulk/media_archive/archiveimage/edit_catalogue/" in html, url
    ArchiveMediaFactory()
    html = admin_client.get("/admin/archive-catalogue/media/").content.decode()
    assert "/admin/bulk/media_archive/archivemedia/edit_catalogue/" in html


@pytest.mark.django_db
def test_confirmation_page_lists_the_selection(admin_client, photos):
    response = admin_client.get(bulk_url("archiveimage", photos[:2]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "photo-0" in html and "photo-1" in html and "photo-2" not in html


@pytest.mark.django_db
def test_filled_fields_are_written_to_every_selected_image_others_kept(admin_client, photos):
    album = AlbumFactory()
    photos[0].tags.add("არსებული")
    selected = photos[:2]

    with translation.override("en"):
        response = admin_client.post(
            bulk_url("archiveimage", selected),
            {
                "credit": "ნინო ბერიძე",
                "event_name": "კონფერენცია",
                "album": album.pk,
                "rights_kind": "licensed",
                "licence": "CC BY 4.0",
                "sensitivity": "internal",
                "file_plan_code": "01-07",
                "tags": "პენსია, სემინარი",
            },
            follow=True,
        )

    assert response.status_code == 200
    messages = [str(m).strip() for m in response.context["messages"]]
    # In the language the admin answered in (the user's choice, else Georgian).
    assert {"The catalogue of 2 items has been updated.", "2 ელემენტის კატალოგი განახლდა."} & set(
        messages
    )
    for photo in selected:
        photo.refresh_from_db()
        assert photo.credit == "ნინო ბერიძე"
        assert photo.event_name == "კონფერენცია"
        assert photo.album == album
        assert (photo.rights_kind, photo.licence) == ("licensed", "CC BY 4.0")
        assert photo.sensitivity == "internal"
        assert photo.file_plan_code == "01-07"
        assert photo.consent_status == "not_needed"  # left empty: unchanged
        assert {"პენსია", "სემინარი"} <= set(photo.tags.names())
    assert "არსებული" in photos[0].tags.names()  # tags are added, not replaced
    photos[2].refresh_from_db()
    assert photos[2].credit == "old"


@pytest.mark.django_db
def test_consent_on_file_with_the_signed_document_is_accepted(admin_client, photos):
    consent = ArchiveDocumentFactory()
    response = admin_client.post(
        bulk_url("archiveimage", photos),
        {"consent_status": "on_file", "consent_document": consent.pk, "minors_shown": ""},
    )
    assert response.status_code == 302
    assert ArchiveImage.objects.filter(consent_status="on_file").count() == 3


@pytest.mark.django_db
def test_a_rule_broken_for_one_item_changes_nothing_and_names_the_item(admin_client, photos):
    licensed = photos[1]
    licensed.rights_kind = "licensed"
    licensed.licence = "CC BY 4.0"
    licensed.save()

    # Licensed needs a licence; photo-1 has one, the others do not.
    response = admin_client.post(
        bulk_url("archiveimage", photos), {"rights_kind": "licensed", "credit": "ახალი"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "photo-0" in html and "photo-2" in html
    assert not ArchiveImage.objects.filter(credit="ახალი").exists()
    assert ArchiveImage.objects.filter(rights_kind="licensed").count() == 1


@pytest.mark.django_db
def test_an_empty_form_is_refused_with_a_message(admin_client, photos):
    response = admin_client.post(bulk_url("archiveimage", photos), {})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert ArchiveImage.objects.filter(credit="old").count() == 3


@pytest.mark.django_db
def test_bad_values_are_refused_without_a_server_error(admin_client, photos):
    response = admin_client.post(
        bulk_url("archiveimage", photos),
        {"sensitivity": "top-secret", "rights_expiry": "not-a-date", "album": "99999"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"sensitivity", "rights_expiry", "album"} <= set(errors)
    assert not ArchiveImage.objects.exclude(sensitivity="public").exists()


@pytest.mark.django_db
def test_media_are_edited_the_same_way(admin_client):
    clips = [ArchiveMediaFactory(title=f"clip-{n}") for n in range(2)]
    response = admin_client.post(
        bulk_url("archivemedia", clips), {"event_name": "სემინარი", "tags": "ვიდეო"}
    )
    assert response.status_code == 302
    for clip in ArchiveMedia.objects.all():
        assert clip.event_name == "სემინარი"
        assert "ვიდეო" in clip.tags.names()


@pytest.mark.django_db
def test_items_the_user_may_not_change_are_left_alone(client, django_user_model, photos):
    editor = django_user_model.objects.create_user("editor", password="x")
    group = Group.objects.create(name="Archive viewers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)

    response = client.post(bulk_url("archiveimage", photos), {"credit": "ახალი"})

    assert response.status_code in (200, 302)
    assert not ArchiveImage.objects.filter(credit="ახალი").exists()

    # Given change permission on the collection, the same request goes through. Wagtail
    # keeps image permissions on its own Image model, whatever the custom model.
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(
            content_type__app_label="wagtailimages", codename="change_image"
        ),
    )
    response = client.post(bulk_url("archiveimage", photos), {"credit": "ახალი"})
    assert response.status_code == 302
    assert ArchiveImage.objects.filter(credit="ახალი").count() == 3
