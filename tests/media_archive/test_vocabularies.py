"""People, places and events as managed vocabularies (Georgian and English names), offered
as the archivist types; the names already typed became their first terms."""

import importlib

import pytest
from django.apps import apps

from media_archive.factories import ArchiveImageFactory, ArchiveMediaFactory
from media_archive.models import ArchiveImage, ArchiveMedia
from media_archive.vocabularies import Event, Person, Place
from tests.media_archive.archive_staff import archivist


@pytest.fixture
def staff(client, db):
    client.force_login(archivist())
    return client


@pytest.mark.django_db
def test_the_names_already_typed_become_the_first_terms():
    ArchiveImageFactory(people_shown="ნინო ბერიძე\n  დავით   კაპანაძე \n", place_name="თბილისი")
    ArchiveMediaFactory(people_shown="ნინო ბერიძე", event_name="პენსიების რეფორმა")
    Person.objects.all().delete()
    Place.objects.all().delete()
    Event.objects.all().delete()

    migration = importlib.import_module(
        "media_archive.migrations.0008_vocabularies_of_people_places_events"
    )
    migration.terms_from_free_text(apps, None)
    migration.terms_from_free_text(apps, None)  # again: nothing doubled

    assert sorted(Person.objects.values_list("name_ka", flat=True)) == [
        "დავით კაპანაძე",
        "ნინო ბერიძე",
    ]
    assert list(Place.objects.values_list("name_ka", flat=True)) == ["თბილისი"]
    assert list(Event.objects.values_list("name_ka", flat=True)) == ["პენსიების რეფორმა"]


@pytest.mark.django_db
def test_a_new_name_saved_on_an_item_joins_its_vocabulary():
    photo = ArchiveImageFactory()
    photo.people_shown = "ანა გიორგაძე"
    photo.place_name = "ქუთაისი"
    photo.save(update_fields=["people_shown", "place_name"])
    assert Person.objects.filter(name_ka="ანა გიორგაძე").exists()
    assert Place.objects.filter(name_ka="ქუთაისი").exists()


@pytest.mark.django_db
def test_renaming_a_term_renames_it_on_every_item():
    photo = ArchiveImageFactory(people_shown="ნინო ბერიძე\nანა", place_name="ტფილისი")
    clip = ArchiveMediaFactory(people_shown="ნინო ბერიძე")
    other = ArchiveImageFactory(people_shown="ნინო ბერიძე-ჯაფარიძე")

    person = Person.objects.get(name_ka="ნინო ბერიძე")
    person.name_ka = "ნინო ბერიძე-კაპანაძე"
    person.name_en = "Nino Beridze-Kapanadze"
    person.save()
    place = Place.objects.get(name_ka="ტფილისი")
    place.name_ka = "თბილისი"
    place.save()

    assert ArchiveImage.objects.get(pk=photo.pk).people_shown == "ნინო ბერიძე-კაპანაძე\nანა"
    assert ArchiveMedia.objects.get(pk=clip.pk).people_shown == "ნინო ბერიძე-კაპანაძე"
    assert ArchiveImage.objects.get(pk=other.pk).people_shown == "ნინო ბერიძე-ჯაფარიძე"
    assert ArchiveImage.objects.get(pk=photo.pk).place_name == "თბილისი"


@pytest.mark.django_db
def test_suggestions_match_either_language_names_starting_first(staff):
    Person.objects.create(name_ka="ნინო ბერიძე", name_en="Nino Beridze")
    Person.objects.create(name_ka="ანა ნინიძე", name_en="Ana Ninidze")
    Person.objects.create(name_ka="გიორგი", name_en="")

    url = "/admin/archive-catalogue/vocabulary/people/"
    results = staff.get(url, {"q": "ნინ"}).json()["results"]
    assert [r["name"] for r in results] == ["ნინო ბერიძე", "ანა ნინიძე"]
    results = staff.get(url, {"q": "nino"}).json()["results"]
    assert results == [{"name": "ნინო ბერიძე", "name_en": "Nino Beridze"}]
    assert staff.get(url).json() == {"results": []}
    assert staff.get(url, {"q": "%" * 500}).status_code == 200
    unknown = staff.get("/admin/archive-catalogue/vocabulary/secrets/", {"q": "a"}, follow=True)
    assert unknown.status_code == 404


@pytest.mark.django_db
def test_suggestions_are_refused_to_someone_without_archive_rights(client, django_user_model):
    from django.contrib.auth.models import Permission

    Person.objects.create(name_ka="ნინო ბერიძე")
    user = django_user_model.objects.create_user("outsider", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/archive-catalogue/vocabulary/people/", {"q": "ნინ"})
    assert response.status_code in (302, 403)
    assert "ნინო" not in response.content.decode()


@pytest.mark.django_db
def test_the_archive_role_keeps_the_vocabularies_in_the_admin(staff):
    response = staff.post(
        "/admin/snippets/media_archive/place/add/",
        {"name_ka": "ბათუმი", "name_en": "Batumi"},
    )
    assert response.status_code == 302
    assert Place.objects.get(name_ka="ბათუმი").name_en == "Batumi"
    assert staff.get("/admin/snippets/media_archive/person/").status_code == 200


@pytest.mark.django_db
def test_the_edit_form_and_bulk_edit_suggest_from_the_vocabularies(staff):
    photo = ArchiveImageFactory()
    for url in (
        f"/admin/images/{photo.pk}/",
        f"/admin/bulk/media_archive/archiveimage/edit_catalogue/?id={photo.pk}",
    ):
        html = staff.get(url).content.decode()
        assert 'data-vocabulary-url="/admin/archive-catalogue/vocabulary/places/"' in html, url
        assert 'data-vocabulary-url="/admin/archive-catalogue/vocabulary/events/"' in html, url
        assert 'data-vocabulary-url="/admin/archive-catalogue/vocabulary/people/"' in html, url
        assert "vocabulary-suggestions.js" in html, url
