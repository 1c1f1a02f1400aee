"""`manage.py record_draft_references`: drafts saved before DraftReference existed (migration
media_archive 0005) hold their new items back once the backfill has run."""

import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Revision

from cms.factories import ContentPageFactory
from media_archive.gallery import GalleryFilters, facet_counts, matching_count, result_page
from media_archive.models import DraftReference
from media_archive.privacy import is_held_back, is_public
from tests.media_archive.page_content import image_block, photo


def gallery_titles():
    return sorted(item.title for item in result_page(None, GalleryFilters(), 1).items)


def gallery_count():
    """What the gallery says it holds: cached until the catalogue is said to have changed."""
    return matching_count(facet_counts(None, GalleryFilters()), GalleryFilters())


def page_with_old_draft(parent, title, shown, coming):
    """A live page showing `shown` whose draft adds `coming`, saved as before migration 0005:
    without DraftReference rows."""
    page = ContentPageFactory(parent=parent, title=title, body=[image_block(shown)])
    page.save_revision().publish()
    page.body = [image_block(shown), image_block(coming)]
    page.save_revision()
    DraftReference.objects.filter(page=page).delete()
    return page


def recorded_rows():
    return sorted(DraftReference.objects.values_list("page_id", "content_type_id", "object_id"))


def pages_with_revisions():
    return Revision.page_revisions.values("object_id").distinct().count()


def run_backfill(progress="never"):
    stdout, stderr = io.StringIO(), io.StringIO()
    # The report is checked word for word in English; staff see it in Georgian.
    with translation.override("en"):
        call_command("record_draft_references", progress=progress, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


@pytest.mark.django_db
def test_an_item_only_an_old_draft_shows_is_held_back_after_the_backfill(client, home_pages):
    shown, coming = photo("shown"), photo("coming")
    url = coming.get_rendition("width-100").url
    page_with_old_draft(home_pages["ka"], "Benefits", shown, coming)
    assert is_public(coming)
    assert client.get(url).status_code == 200
    assert gallery_titles() == ["coming", "shown"]
    assert gallery_count() == 2

    report, problems = run_backfill()

    assert is_held_back(coming)
    assert not is_held_back(shown)
    assert client.get(url).status_code == 404
    assert gallery_titles() == ["shown"]
    assert gallery_count() == 1
    assert report == (
        f"Recorded the draft references of {pages_with_revisions()} pages; 0 could not be read.\n"
    )
    assert problems == ""


@pytest.mark.django_db
def test_running_the_backfill_again_gives_the_same_rows(home_pages):
    shown, coming = photo("shown"), photo("coming")
    page = page_with_old_draft(home_pages["ka"], "Benefits", shown, coming)

    run_backfill()
    first = recorded_rows()
    run_backfill()

    assert recorded_rows() == first
    recorded = DraftReference.objects.filter(page=page).values_list("object_id", flat=True)
    assert sorted(recorded) == sorted([shown.pk, coming.pk])


@pytest.mark.django_db
def test_a_page_whose_draft_cannot_be_read_is_reported_and_the_others_recorded(home_pages):
    broken_shown, broken_coming = photo("broken shown"), photo("broken coming")
    shown, coming = photo("shown"), photo("coming")
    broken = page_with_old_draft(home_pages["ka"], "Old programme", broken_shown, broken_coming)
    page_with_old_draft(home_pages["ka"], "Benefits", shown, coming)
    latest = broken.get_latest_revision()
    # Content an older version of the page type wrote and the current one cannot read.
    Revision.objects.filter(pk=latest.pk).update(
        content={**latest.content, "go_live_at": "next spring"}
    )

    report, problems = run_backfill()

    assert f"Page {broken.pk} “Old programme”: its latest revision could not be read" in problems
    assert report == (
        f"Recorded the draft references of {pages_with_revisions() - 1} pages; "
        "1 could not be read.\n"
    )
    assert is_held_back(coming)
    assert not DraftReference.objects.filter(page=broken).exists()


@pytest.mark.django_db
def test_the_gallery_is_told_once_for_the_whole_run(home_pages):
    page_with_old_draft(home_pages["ka"], "Benefits", photo("shown"), photo("coming"))
    page_with_old_draft(home_pages["ka"], "Pensions", photo("old"), photo("new"))

    with mock.patch("media_archive.gallery.catalogue_changed") as catalogue_changed:
        run_backfill()

    assert catalogue_changed.call_count == 1
    assert DraftReference.objects.count() == 4


@pytest.mark.django_db
def test_progress_bar_on_request(home_pages):
    page_with_old_draft(home_pages["ka"], "Benefits", photo("shown"), photo("coming"))
    total = pages_with_revisions()

    _, progress = run_backfill(progress="always")

    assert f"] {total}/{total} " in progress
    assert "#" * 30 in progress
