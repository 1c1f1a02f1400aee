"""Archive photos, video and audio in the site search: public items only, as a facet."""

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from cms.factories import ContentPageFactory
from media_archive.factories import ArchiveImageFactory, ArchiveMediaFactory
from media_archive.pages import ArchiveGalleryPage
from search.service import search_site

pytestmark = pytest.mark.django_db

CANARY = "კანარისფოტო"


@pytest.fixture
def archive(home_pages):
    page = ContentPageFactory(parent=home_pages["ka"], title="პენსიის რეფორმა", intro="")
    page.save_revision().publish()
    image = ArchiveImageFactory(title="IMG_0001", caption_ka="პენსიების გაცემა ქუთაისში")
    video = ArchiveMediaFactory(title="clip", caption_ka="ვიდეო პენსიაზე")
    return {"page": page, "image": image, "video": video}


def test_public_archive_items_are_found_in_inflected_and_latin_forms(archive):
    for query in ("პენსია", "pensiebi"):
        outcome = search_site(query, "ka", log=False)
        items = {result.item for result in outcome.results if result.item is not None}
        assert items == {archive["image"], archive["video"]}, query
        assert outcome.total == 3


def test_archive_types_are_facets_and_filters(archive):
    outcome = search_site("პენსია", "ka", log=False)
    assert sorted((t.key, t.count) for t in outcome.types) == [
        ("cms.contentpage", 1),
        ("media_archive.archiveimage", 1),
        ("media_archive.archivemedia", 1),
    ]
    images = search_site("პენსია", "ka", type_filter="media_archive.archiveimage", log=False)
    assert [r.item for r in images.results] == [archive["image"]]
    pages = search_site("პენსია", "ka", type_filter="cms.contentpage", log=False)
    assert [r.page for r in pages.results] == [archive["page"]]


def test_the_page_links_and_labels_archive_results(archive, client):
    html = client.get("/ka/search/", {"q": "პენსია"}).content.decode()
    assert "<mark>პენსიების</mark> გაცემა ქუთაისში" in html
    assert "type=media_archive.archiveimage" in html
    assert archive["video"].public_file.url in html


@pytest.mark.parametrize(
    "private",
    [
        {"sensitivity": "internal"},
        {"rights_kind": ""},
        {"consent_status": ""},
        {"consent_status": "not_needed", "minors_shown": True},
    ],
)
def test_internal_and_unpublishable_items_never_appear(home_pages, client, private):
    ArchiveImageFactory(title=f"{CANARY} სურათი", caption_ka=f"{CANARY} შიდა", **private)
    ArchiveMediaFactory(title=f"{CANARY} ჩანაწერი", caption_ka=f"{CANARY} შიდა", **private)
    for query in (CANARY, CANARY[:6]):
        assert search_site(query, "ka", log=False).total == 0
        for language in ("ka", "en"):
            with translation.override(language):
                html = client.get(f"/{language}/search/", {"q": query}).content.decode()
            assert CANARY not in html.rsplit("</form>", 1)[1]
    typed = search_site(CANARY, "ka", type_filter="media_archive.archiveimage", log=False)
    assert typed.total == 0


def test_an_item_only_on_a_staff_page_is_held_back(home_pages):
    image = ArchiveImageFactory(title=f"{CANARY} შეხვედრა", caption_ka=CANARY)
    assert search_site(CANARY, "ka", log=False).total == 1
    staff = ArchiveGalleryPage(title="შიდა", slug="staff-gallery", header_image=image)
    home_pages["ka"].add_child(instance=staff)
    PageViewRestriction.objects.create(page=staff, restriction_type="login")
    assert search_site(CANARY, "ka", log=False).total == 0
