"""The retention report: items past the end of their retention period or reaching it
within 90 days (or the days asked for), with the file-plan code; only the collections the
role may change; permanent items never."""

import datetime

import pytest
from django.utils import timezone

from media_archive import retention
from media_archive.factories import ArchiveImageFactory, ArchiveMediaFactory
from media_archive.models import ArchiveImage
from tests.media_archive.archive_staff import archivist, closed_collection, collection_editor

URL = "/admin/archive-catalogue/retention/"
TODAY = timezone.localdate()


def taken(years_ago, days=0):
    """A date taken `years_ago` years and `days` days before today, at noon in Tbilisi."""
    day = (
        TODAY.replace(year=TODAY.year - years_ago)
        if not (TODAY.month == 2 and TODAY.day == 29)
        else TODAY.replace(year=TODAY.year - years_ago, day=28)
    )
    day -= datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def items(db):
    return {
        "past": ArchiveImageFactory(
            title="ალფა", retention_years=5, date_taken=taken(5, 10), file_plan_code="03-02"
        ),
        "near": ArchiveImageFactory(
            title="ბეტა", retention_years=10, date_taken=taken(10, -30), file_plan_code="01-07"
        ),
        "far": ArchiveImageFactory(title="გამა", retention_years=10, date_taken=taken(10, -200)),
        "permanent": ArchiveImageFactory(title="დელტა", retention_years=None, date_taken=taken(50)),
        "undated": ArchiveImageFactory(title="ეფსილონი", retention_years=1),
        "video": ArchiveMediaFactory(title="ზეტა-ვიდეო", retention_years=3, date_taken=taken(4)),
    }


@pytest.fixture
def staff(client, db):
    client.force_login(archivist())
    return client


@pytest.mark.django_db
def test_due_items_are_exactly_those_past_or_within_the_days(items):
    due = retention.due_items(ArchiveImage.objects.all(), days=90)
    assert [(item.title, days_left) for item, _ends, days_left in due] == [
        ("ალფა", -10),
        ("ბეტა", 30),
    ]
    assert [item.title for item, *_ in retention.due_items(ArchiveImage.objects.all(), 365)] == [
        "ალფა",
        "ბეტა",
        "გამა",
    ]


@pytest.mark.django_db
def test_the_report_shows_code_end_date_and_status_in_georgian(staff, items):
    response = staff.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("ალფა", "ბეტა", "ზეტა-ვიდეო"):
        assert title in html
    for title in ("გამა", "დელტა", "ეფსილონი"):
        assert title not in html
    assert "03-02" in html and "01-07" in html
    assert "გასულია, 10 დღით" in html
    assert "30 დღეში" in html
    assert items["past"].retention_ends_on.isoformat() in html


@pytest.mark.django_db
def test_days_ahead_widen_the_report_and_bad_values_do_not_break_it(staff, items):
    assert "გამა" in staff.get(URL + "?days=365").content.decode()
    for bad in ("abc", "-1", "99999999999999", "1e5"):
        response = staff.get(URL + "?days=" + bad)
        assert response.status_code == 200
        assert "გამა" not in response.content.decode()
    assert staff.get(URL + "?p=abc").status_code == 200


@pytest.mark.django_db
def test_a_role_sees_only_the_collections_it_may_change(client, items):
    from media_archive import collections

    ArchiveImage.objects.filter(pk=items["past"].pk).update(collection=closed_collection())
    client.force_login(collection_editor(collections.photo_archive()))
    html = client.get(URL).content.decode()
    assert "ბეტა" in html
    assert "ალფა" not in html


@pytest.mark.django_db
def test_someone_without_archive_rights_is_refused(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_the_report_is_in_the_archive_menu(staff):
    html = staff.get("/admin/").content.decode()
    assert URL in html
