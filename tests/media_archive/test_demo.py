import pytest

from demo.seed import SeedReport
from demo.steps import media_archive as demo
from media_archive.models import ArchiveImage
from media_archive.pages import ArchiveGalleryPage


@pytest.mark.django_db
def test_demo_seed_is_idempotent_and_its_gallery_renders(client, home_pages):
    first = SeedReport()
    demo.seed(first)
    second = SeedReport()
    demo.seed(second)

    assert first.created_count == 7  # album, 3 photos, 2 gallery pages, 1 internal photo
    assert second.created == []
    assert ArchiveImage.objects.count() == 4
    gallery = ArchiveGalleryPage.objects.get(locale__language_code="en")
    response = client.get(gallery.url)
    assert response.status_code == 200
    assert len(response.context["results"].items) == 3
    # The demo's photos are shown, not "being prepared": seeding does the worker's part.
    assert "picture-pending" not in response.content.decode()
