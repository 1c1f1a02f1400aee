"""Renditions made ahead of time (media_archive.renditions): after an upload a background task
makes every picture the public site shows; a visitor's request never makes one, and shows a
placeholder until the worker has."""

import io
import re
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.text import smart_split
from wagtail.images.models import Filter

from media_archive import ingest, renditions
from media_archive.factories import ArchiveImageFactory
from media_archive.models import ArchiveGalleryPage, ArchiveImage, ArchiveRendition
from media_archive.views import DOWNLOAD_SIZES
from navigation.sharing import SHARE_IMAGE_FILTER
from tests.media_archive import files

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def import_photo(seed=7):
    result = ingest.ingest(io.BytesIO(files.jpeg_bytes(seed=seed)), f"photo-{seed}.jpg")
    assert result.item is not None, result.reason
    image = result.item
    image.rights_kind, image.consent_status = "agency", "not_needed"
    image.save()
    return ArchiveImage.objects.get(pk=image.pk)


@pytest.fixture
def gallery(home_pages):
    page = ArchiveGalleryPage(title="ფოტოარქივი", slug="photo-archive")
    home_pages["ka"].add_child(instance=page)
    return page


def run_worker():
    """The production worker, in this process, until the queue is empty. It closes the
    database connection between tasks, which inside the test's transaction (PostgreSQL)
    would end the test's connection: kept open here."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


ADMIN_TEMPLATE_FOLDERS = {"wagtailadmin", "wagtailimages", "wagtaildocs", "wagtailmedia"}


def specs_in_templates():
    """Every filter spec an image tag of a public template names, expanded."""
    tag = re.compile(r"{%\s*((?:image|picture|srcset_image)\s[^%]*)%}")
    specs = set()
    roots = [Path(settings.BASE_DIR) / "site" / "templates"]
    roots += list(Path(settings.BASE_DIR).glob("*/templates"))
    for root in roots:
        for template in root.rglob("*.html"):
            # Overrides of Wagtail's admin screens render in the admin, where a rendition is
            # made on request (renditions.VisitorRequestMiddleware): not a public template.
            if template.relative_to(root).parts[0] in ADMIN_TEMPLATE_FOLDERS:
                continue
            for match in tag.finditer(template.read_text()):
                bits = list(smart_split(match.group(1)))[2:]
                if "as" in bits:
                    bits = bits[: bits.index("as")]
                bits = [bit for bit in bits if "=" not in bit]
                specs.update(Filter.expand_spec(bits))
    return specs


def test_every_size_a_public_template_asks_for_is_made_ahead():
    made = set(renditions.EVERY_IMAGE) | set(renditions.ON_PAGES)
    assert specs_in_templates() <= made, specs_in_templates() - made
    assert set(DOWNLOAD_SIZES.values()) <= set(renditions.EVERY_IMAGE)
    assert SHARE_IMAGE_FILTER in made


@pytest.mark.django_db
def test_an_imported_photo_has_its_public_renditions_at_once_in_development():
    image = import_photo()

    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert set(renditions.EVERY_IMAGE) <= made
    assert image.public_renditions_ready
    assert renditions.progress() == (1, 1)


@pytest.mark.django_db
def test_with_the_database_queue_the_worker_makes_them_and_the_visitor_never_does(client, gallery):
    with override_settings(TASKS=DATABASE_QUEUE):
        image = import_photo(seed=8)
        from django_tasks_db.models import DBTaskResult

        assert DBTaskResult.objects.filter(task_path__endswith="make_public_renditions").exists()
        assert not image.renditions.exists()
        assert renditions.progress() == (0, 1)

        # The visitor's gallery: a placeholder, no rendition made, no download offered.
        html = client.get(gallery.url).content.decode()
        assert "ეს ფოტო ვებგვერდისთვის მზადდება." in html
        assert "/archive-downloads/image/" not in html
        assert not ArchiveRendition.objects.exists()
        download = client.get(f"/archive-downloads/image/{image.pk}/medium/")
        assert download.status_code == 503 and download["Retry-After"] == "60"
        assert not ArchiveRendition.objects.exists()

        run_worker()

    image.refresh_from_db()
    assert image.public_renditions_ready
    assert set(renditions.EVERY_IMAGE) <= set(
        image.renditions.values_list("filter_spec", flat=True)
    )
    html = client.get(gallery.url).content.decode()
    assert "<picture>" in html and 'type="image/avif"' in html
    assert "ეს ფოტო ვებგვერდისთვის მზადდება." not in html
    assert client.get(f"/archive-downloads/image/{image.pk}/medium/").status_code == 200


@pytest.mark.django_db
def test_any_public_template_shows_a_placeholder_rather_than_making_a_rendition(client):
    from django.test import RequestFactory

    from media_archive.renditions import VisitorRequestMiddleware

    image = ArchiveImageFactory()  # stored, the worker has not run
    seen = {}

    def view(request):
        seen["rendition"] = image.get_rendition("fill-480x270|format-webp")
        seen["renditions"] = image.get_renditions("width-400", "width-800")
        return None

    VisitorRequestMiddleware(view)(RequestFactory().get("/ka/news/"))
    assert seen["rendition"].is_placeholder
    assert seen["rendition"].url == "/static/img/picture-pending.svg"
    assert (seen["rendition"].width, seen["rendition"].height) == (480, 270)
    assert all(r.is_placeholder for r in seen["renditions"].values())
    assert not image.renditions.exists()

    # Staff in the admin and commands still make one when they need it.
    VisitorRequestMiddleware(view)(RequestFactory().get("/admin/images/"))
    assert not seen["rendition"].is_placeholder
    assert image.renditions.count() == 3


@pytest.mark.django_db
def test_a_moved_focal_point_is_made_again_and_a_caption_edit_queues_nothing():
    image = import_photo(seed=9)
    with override_settings(TASKS=DATABASE_QUEUE):
        from django_tasks_db.models import DBTaskResult

        image.caption_ka = "ახალი წარწერა"
        image.save()
        assert not DBTaskResult.objects.filter(
            task_path__endswith="make_public_renditions"
        ).exists()

        image.focal_point_x, image.focal_point_y = 10, 10
        image.focal_point_width, image.focal_point_height = 20, 20
        image.save()
        assert (
            DBTaskResult.objects.filter(task_path__endswith="make_public_renditions").count() == 1
        )
        image.refresh_from_db()
        assert not image.public_renditions_ready


@pytest.mark.django_db
def test_an_image_a_page_shows_gets_the_page_sizes(home_pages):
    from cms.factories import ContentPageFactory
    from tests.media_archive.page_content import image_block

    image = import_photo(seed=10)
    assert not image.renditions.filter(filter_spec="format-webp|width-800").exists()
    page = ContentPageFactory(parent=home_pages["ka"], body=[image_block(image)])
    page.save_revision()

    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert set(renditions.ON_PAGES) <= made


@pytest.mark.django_db
def test_make_renditions_command_backfills_with_a_count(capsys):
    image = ArchiveImageFactory()  # as stored before this version: no renditions
    call_command("make_renditions", "--progress", "never")

    assert set(renditions.EVERY_IMAGE) <= set(
        image.renditions.values_list("filter_spec", flat=True)
    )
    assert "მზადაა 1-დან 1 სურათი." in capsys.readouterr().out


@pytest.mark.django_db
def test_the_admin_dashboard_counts_the_images_still_waiting(client, django_user_model):
    from django.contrib.auth.models import Group

    ArchiveImageFactory()
    import_photo(seed=11)
    call_command("setup_editorial", verbosity=0)
    archivist = django_user_model.objects.create_user("archivist", password="pw")
    archivist.groups.add(Group.objects.get(name="უფროსი სპეციალისტები"))
    client.force_login(archivist)

    html = client.get("/admin/").content.decode()
    assert "სურათები საჯარო საიტისთვის" in html
    assert "მომზადებულია არქივის 2 სურათიდან 1-ისთვის." in html
    assert 'max="2" value="1"' in html
