"""The catalogue of a selection as a CSV file for Excel: UTF-8 with a byte-order mark,
Georgian headers, one row per item the user may change, no coordinates, no formulas."""

import csv
import datetime
import io
import zoneinfo

import pytest

from media_archive.factories import ArchiveImageFactory, ArchiveMediaFactory
from tests.media_archive.archive_staff import archivist, closed_collection, collection_editor

TBILISI = zoneinfo.ZoneInfo("Asia/Tbilisi")


def export_url(items, model="archiveimage"):
    ids = "&".join(f"id={item.pk}" for item in items)
    return f"/admin/bulk/media_archive/{model}/export_catalogue/?{ids}&next=/admin/"


def read_csv(response):
    body = response.content
    assert body.startswith("\ufeff".encode())  # Excel reads UTF-8 only with it
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.fixture
def staff(client, db):
    client.force_login(archivist())
    return client


@pytest.mark.django_db
def test_the_selection_downloads_as_csv_for_excel_with_georgian_headers(staff):
    photo = ArchiveImageFactory(
        title="გახსნა",
        caption_ka="ახალი ოფისის გახსნა",
        date_taken=datetime.datetime(2023, 9, 1, 10, 15, tzinfo=TBILISI),
        people_shown="ნინო ბერიძე\nდავით კაპანაძე",
        latitude="41.7151",
        longitude="44.8271",
        file_plan_code="01-07",
        retention_years=10,
    )
    photo.tags.add("გახსნა")
    other = ArchiveImageFactory(caption_ka='=HYPERLINK("http://x")')
    ArchiveImageFactory(title="არ არის მონიშნული")

    page = staff.get(export_url([photo, other]))
    assert page.status_code == 200
    response = staff.post(export_url([photo, other]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == 2
    row = rows[0]
    assert row["წარწერა ქართულად"] == "ახალი ოფისის გახსნა"
    assert row["გადაღების თარიღი"] == "2023-09-01T10:15:00+04:00"
    assert row["გამოსახული პირები"] == "ნინო ბერიძე; დავით კაპანაძე"
    assert row["საქმეთა ნომენკლატურის კოდი"] == "01-07"
    assert row["შენახვის ვადის დასრულება"] == "2033-09-01"
    assert "გახსნა" in row["ტეგები"]
    assert "41.7151" not in response.content.decode("utf-8-sig")  # coordinates stay inside
    # A cell Excel would run as a formula is written as text.
    assert rows[1]["წარწერა ქართულად"].startswith("'=")


@pytest.mark.django_db
def test_video_and_audio_export_the_same_way(staff):
    clip = ArchiveMediaFactory(caption_ka="ვიდეო წარწერა")
    response = staff.post(export_url([clip], model="archivemedia"))
    rows = read_csv(response)
    assert rows[0]["წარწერა ქართულად"] == "ვიდეო წარწერა"


@pytest.mark.django_db
def test_items_the_role_may_not_change_are_not_exported(client):
    from media_archive import collections

    mine = ArchiveImageFactory(caption_ka="ჩემი")
    hidden = ArchiveImageFactory(caption_ka="დახურული წარწერა", collection=closed_collection())
    client.force_login(collection_editor(collections.photo_archive()))
    response = client.post(export_url([mine, hidden]))
    text = response.content.decode("utf-8-sig")
    assert "ჩემი" in text
    assert "დახურული წარწერა" not in text
