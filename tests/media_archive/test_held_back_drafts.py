"""An item that only an unpublished draft shows is held back, like one on a page not live
yet: the draft says the item is not out yet, whether the page is live or not."""

import datetime
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone

from cms.factories import ContentPageFactory
from media_archive.gallery import GalleryFilters, result_page
from media_archive.models import DraftReference
from media_archive.privacy import is_held_back, is_public
from tests.media_archive.page_content import image_block, photo


@pytest.fixture(autouse=True)
def _forget_cached_renditions():
    """Wagtail caches renditions by image id; ids repeat after each test's rollback."""
    caches["default"].clear()


def gallery_titles():
    return [item.title for item in result_page(None, GalleryFilters(), 1).items]


@pytest.mark.django_db
def test_image_added_in_a_draft_of_a_live_page_is_held_back_until_published(client, home_pages):
    shown = photo("shown")
    coming = photo("coming")
    page = ContentPageFactory(parent=home_pages["ka"], body=[image_block(shown)])
    page.save_revision().publish()
    url = coming.get_rendition("width-100").url
    assert is_public(coming)

    page.body = [image_block(shown), image_block(coming)]
    page.save_revision()

    assert is_held_back(coming)
    assert not is_held_back(shown)
    assert client.get(url).status_code == 404
    assert gallery_titles() == ["shown"]

    page.get_latest_revision().publish()

    assert not is_held_back(coming)
    assert client.get(url).status_code == 200
    assert sorted(gallery_titles()) == ["coming", "shown"]


@pytest.mark.django_db
def test_an_image_the_draft_removes_stays_public_while_the_live_page_shows_it(home_pages):
    leaving = photo("leaving")
    page = ContentPageFactory(parent=home_pages["ka"], body=[image_block(leaving)])
    page.save_revision().publish()

    page.body = []
    page.save_revision()

    assert is_public(leaving)


@pytest.mark.django_db
def test_a_later_draft_of_a_page_never_published_holds_its_new_image_back(home_pages):
    first = photo("first")
    second = photo("second")
    page = ContentPageFactory(parent=home_pages["ka"], live=False, body=[image_block(first)])
    page.save_revision()
    page.body = [image_block(second)]
    page.save_revision()

    assert is_held_back(first)
    assert is_held_back(second)
    assert gallery_titles() == []


@pytest.mark.django_db
def test_publishing_an_older_revision_keeps_the_newest_drafts_items(home_pages):
    scheduled = photo("scheduled")
    newest = photo("newest")
    page = ContentPageFactory(parent=home_pages["ka"], body=[])
    page.save_revision().publish()
    page.body = [image_block(scheduled)]
    older = page.save_revision()
    page.body = [image_block(scheduled), image_block(newest)]
    page.save_revision()

    older.publish()

    assert not is_held_back(scheduled)
    assert is_held_back(newest)
    recorded = set(DraftReference.objects.filter(page=page).values_list("object_id", flat=True))
    assert recorded == {scheduled.pk, newest.pk}


def schedule(page, body, when):
    """An editor's scheduled publication of a live page: a revision approved to go live at
    `when` (what the editor's "Publish" does with a go-live date in the future)."""
    page.body = body
    page.go_live_at = when
    revision = page.save_revision()
    revision.publish()
    return revision


@pytest.mark.django_db
def test_an_image_only_a_scheduled_revision_shows_stays_private_after_later_drafts(
    client, home_pages
):
    shown = photo("shown")
    coming = photo("coming")
    page = ContentPageFactory(parent=home_pages["ka"], body=[image_block(shown)])
    page.save_revision().publish()
    page.refresh_from_db()  # as the editor's next request loads it
    rendition_url = coming.get_rendition("width-100").url
    download = f"/archive-downloads/image/{coming.pk}/medium/"
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    scheduled = schedule(page, [image_block(shown), image_block(coming)], tomorrow)
    page.refresh_from_db()
    assert page.live and scheduled.approved_go_live_at is not None

    # Editors go on working on the page: a newer draft without the coming image, and
    # another. The schedule still stands, and so does what it will show.
    page.body = [image_block(shown)]
    page.go_live_at = None
    page.save_revision()
    page.save_revision()

    assert is_held_back(coming)
    assert not is_public(coming)
    assert client.get(rendition_url).status_code == 404
    assert client.get(download, follow=True).status_code == 404
    assert gallery_titles() == ["shown"]

    # Going live on schedule (the cron's publish_scheduled, run after that time) makes it
    # public.
    later = tomorrow + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live_revision_id == scheduled.pk

    assert not is_held_back(coming)
    assert client.get(rendition_url).status_code == 200
    assert sorted(gallery_titles()) == ["coming", "shown"]


@pytest.mark.django_db
def test_cancelling_the_schedule_releases_an_image_no_other_revision_shows(home_pages):
    coming = photo("coming")
    page = ContentPageFactory(parent=home_pages["ka"], body=[])
    page.save_revision().publish()
    page.refresh_from_db()
    scheduled = schedule(page, [image_block(coming)], timezone.now() + datetime.timedelta(days=2))
    page.refresh_from_db()
    page.body = []
    page.go_live_at = None
    page.save_revision()
    assert is_held_back(coming)

    # What Wagtail's "cancel scheduled publishing" does.
    scheduled.refresh_from_db()
    scheduled.approved_go_live_at = None
    scheduled.save(update_fields=["approved_go_live_at"])

    assert not is_held_back(coming)
    assert gallery_titles() == ["coming"]
