"""The photo catalogue as the archive's staff read it: a small picture per row, made ahead
and never in the listing's request, and dates written out in Georgian, not "N years ago"."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from media_archive.factories import ArchiveImageFactory, ArchiveMediaFactory
from media_archive.models import ArchiveRendition
from tests.media_archive.archive_staff import archivist, closed_collection, collection_editor

URL = "/admin/archive-catalogue/images/"
TBILISI = zoneinfo.ZoneInfo("Asia/Tbilisi")


@pytest.fixture
def staff(client, db):
    client.force_login(archivist())
    return client


@pytest.mark.django_db
def test_dates_are_written_out_in_georgian_not_as_years_ago(staff):
    ArchiveImageFactory(
        title="ძველი ფოტო",
        date_taken=datetime.datetime(2008, 5, 12, 14, 30, tzinfo=TBILISI),
        rights_expiry=datetime.date(2030, 1, 31),
    )
    html = staff.get(URL).content.decode()
    assert "12 მაისი, 2008 14:30" in html
    assert "31 იანვარი 2030" in html or "31 იანვარი, 2030" in html
    assert 'datetime="2008-05-12T14:30:00+04:00"' in html
    assert "წლის წინ" not in html and "ago" not in html


@pytest.mark.django_db
def test_a_photo_ready_shows_its_thumbnail_one_waiting_a_placeholder_none_made(staff):
    ready = ArchiveImageFactory(title="მზა", make_renditions=True)
    ArchiveImageFactory(title="მოლოდინში")
    renditions_before = ArchiveRendition.objects.count()

    html = staff.get(URL).content.decode()

    thumbnail = ready.renditions.get(filter_spec="fill-160x120")
    assert thumbnail.url in html
    assert "picture-pending" in html  # the other one's placeholder
    assert ArchiveRendition.objects.count() == renditions_before


@pytest.mark.django_db
def test_the_thumbnails_cost_no_query_per_row(staff):
    ArchiveImageFactory.create_batch(2, make_renditions=True)
    with CaptureQueriesContext(connection) as few:
        assert staff.get(URL).status_code == 200
    ArchiveImageFactory.create_batch(6, make_renditions=True)
    with CaptureQueriesContext(connection) as many:
        assert staff.get(URL).status_code == 200
    assert len(many) == len(few)


@pytest.mark.django_db
def test_a_video_shows_its_poster_and_its_date(staff):
    ArchiveMediaFactory(
        title="ვიდეო-ჩანაწერი",
        date_taken=datetime.datetime(2024, 3, 8, 10, 0, tzinfo=TBILISI),
        thumbnail="media_thumbnails/poster.jpg",
    )
    html = staff.get("/admin/archive-catalogue/media/").content.decode()
    assert "poster.jpg" in html
    assert "8 მარტი, 2024 10:00" in html


@pytest.mark.django_db
def test_a_role_lists_only_the_collections_it_may_change(client):
    from media_archive import collections

    ArchiveImageFactory(title="ღია ფოტო")
    ArchiveImageFactory(title="დახურული ფოტო", collection=closed_collection())
    client.force_login(collection_editor(collections.photo_archive()))
    html = client.get(URL).content.decode()
    assert "ღია ფოტო" in html
    assert "დახურული ფოტო" not in html
