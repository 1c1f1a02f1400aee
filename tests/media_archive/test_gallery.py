import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from media_archive.factories import AlbumFactory, ArchiveImageFactory, ArchiveMediaFactory
from media_archive.pages import ArchiveGalleryPage


def taken(year):
    return timezone.make_aware(datetime.datetime(year, 6, 1, 12, 0))


@pytest.fixture
def archive(home_pages):
    conference = AlbumFactory(title_ka="კონფერენცია")
    first = ArchiveImageFactory(
        title="opening",
        caption_ka="გახსნა",
        date_taken=taken(2024),
        event_name="კონფერენცია",
        credit="ნინო ბერიძე",
        album=conference,
    )
    first.tags.add("პენსია")
    ArchiveImageFactory(
        title="panel", date_taken=taken(2023), event_name="სემინარი", credit="გიორგი კაპანაძე"
    )
    ArchiveMediaFactory(
        title="speech-video",
        date_taken=taken(2024),
        event_name="კონფერენცია",
        credit="ნინო ბერიძე",
        album=conference,
    )
    ArchiveImageFactory(title="secret", date_taken=taken(2024), sensitivity="internal")
    ArchiveImageFactory(title="children", date_taken=taken(2024), minors_shown=True)
    gallery = ArchiveGalleryPage(title="ფოტოარქივი", slug="photo-archive")
    home_pages["ka"].add_child(instance=gallery)
    album_gallery = ArchiveGalleryPage(title="კონფერენცია", slug="conference", album=conference)
    gallery.add_child(instance=album_gallery)
    return {"gallery": gallery, "album_gallery": album_gallery}


def facet(response, name):
    group = next(g for g in response.context["facet_groups"] if g["name"] == name)
    return {option["label"]: option["count"] for option in group["options"]}


def titles(response):
    return sorted(item.title for item in response.context["results"].items)


@pytest.mark.django_db
def test_gallery_shows_only_publishable_items_with_facets(client, archive):
    response = client.get(archive["gallery"].url)

    assert response.status_code == 200
    assert titles(response) == ["opening", "panel", "speech-video"]
    assert facet(response, "year") == {"2024": 2, "2023": 1}
    assert facet(response, "event") == {"კონფერენცია": 2, "სემინარი": 1}
    assert facet(response, "type") == {"ფოტოები": 2, "ვიდეო": 1}  # the Georgian gallery
    assert facet(response, "photographer") == {"ნინო ბერიძე": 2, "გიორგი კაპანაძე": 1}
    assert facet(response, "tag") == {"პენსია": 1}
    html = response.content.decode()
    assert "secret" not in html and "children" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"year": "2023"}, ["panel"]),
        ({"type": "video"}, ["speech-video"]),
        ({"type": "image", "year": "2024"}, ["opening"]),
        ({"photographer": "ნინო ბერიძე"}, ["opening", "speech-video"]),
        ({"tag": "პენსია"}, ["opening"]),
        ({"event": "სემინარი"}, ["panel"]),
    ],
)
def test_each_facet_narrows_the_results(client, archive, query, expected):
    response = client.get(archive["gallery"].url, query)
    assert titles(response) == expected


@pytest.mark.django_db
def test_selected_facet_still_counts_its_alternatives(client, archive):
    response = client.get(archive["gallery"].url, {"year": "2023"})
    assert facet(response, "year") == {"2024": 2, "2023": 1}
    assert facet(response, "event") == {"სემინარი": 1}


@pytest.mark.django_db
def test_album_gallery_shows_its_album_only(client, archive):
    response = client.get(archive["album_gallery"].url)
    assert titles(response) == ["opening", "speech-video"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["year=abc", "type=painting", "page=999", "page=x", "year=%00"])
def test_bad_filter_values_give_the_normal_page(client, archive, query):
    response = client.get(f"{archive['gallery'].url}?{query}")
    assert response.status_code == 200
    assert len(response.context["results"].items) >= 1


@pytest.mark.django_db
def test_unknown_filter_value_is_explained(client, archive):
    response = client.get(archive["gallery"].url, {"type": "painting"})
    assert "ტიპი „painting“ უცნობია." in response.content.decode()


@pytest.mark.django_db
def test_items_render_responsive_images_downloads_credit_and_player(client, archive):
    html = client.get(archive["gallery"].url).content.decode()
    assert "<picture>" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert 'loading="lazy"' in html and "srcset=" in html
    assert "/archive-downloads/image/" in html
    assert "ნინო ბერიძე" in html
    assert "<video controls" in html


@pytest.mark.django_db
def test_gallery_query_count_does_not_grow_with_items(client, archive):
    url = archive["gallery"].url
    client.get(url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as few_items:
        client.get(url)
    for number in range(5):
        ArchiveImageFactory(title=f"extra-{number}", date_taken=taken(2022), event_name="x")
    client.get(url)
    with CaptureQueriesContext(connection) as more_items:
        client.get(url)
    assert len(more_items.captured_queries) == len(few_items.captured_queries)
