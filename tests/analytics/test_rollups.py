import datetime
import io
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.utils import timezone

from analytics.factories import generated_page_views
from analytics.models import DailyRollup, DailySalt, Dimension, PageView
from analytics.rollups import build_rollups, purge_raw_views, search_log_model
from analytics.salts import salt_for, visitor_hash

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 31)


@pytest.fixture
def generated_views():
    views = list(generated_page_views(600, days=10, end=TODAY, seed=7, visitors=120))
    PageView.objects.bulk_create(views)
    return views


def _direct(views, key, status=200, include=lambda view: True):
    counts, visitors = Counter(), defaultdict(set)
    for view in views:
        if view.status == status and include(view):
            counts[(view.date, key(view))] += 1
            if view.visitor_hash:
                visitors[(view.date, key(view))].add(view.visitor_hash)
    return {k: (n, len(visitors[k])) for k, n in counts.items()}


def _rolled(dimension, with_detail=False):
    return {
        (rollup.date, (rollup.key, rollup.detail) if with_detail else rollup.key): (
            rollup.views,
            rollup.visitors,
        )
        for rollup in DailyRollup.objects.filter(dimension=dimension)
    }


@pytest.mark.parametrize(
    "dimension, key, include",
    [
        (Dimension.TOTAL, lambda view: "", lambda view: True),
        (Dimension.PAGE, lambda view: view.path, lambda view: True),
        (Dimension.ENTRY, lambda view: view.path, lambda view: view.is_entry),
        (Dimension.SECTION, lambda view: view.section, lambda view: True),
        (Dimension.REFERRER, lambda view: view.referrer_host, lambda view: view.referrer_host),
        (Dimension.DEVICE, lambda view: view.device_class, lambda view: True),
        (Dimension.BROWSER, lambda view: view.browser_family, lambda view: True),
        (Dimension.OS, lambda view: view.os_family, lambda view: True),
        (Dimension.LOCALE, lambda view: view.locale, lambda view: True),
        (Dimension.CAMPAIGN, lambda view: view.utm_campaign, lambda view: view.utm_source),
    ],
)
def test_rollups_equal_a_direct_count(generated_views, dimension, key, include):
    build_rollups(TODAY - datetime.timedelta(days=9), TODAY)
    assert _rolled(dimension) == _direct(generated_views, key, include=include)


def test_not_found_rollup_equals_a_direct_count(generated_views):
    build_rollups(TODAY - datetime.timedelta(days=9), TODAY)
    expected = _direct(
        generated_views, lambda view: (view.path, view.referrer_host or view.referrer_path), 404
    )
    assert expected
    assert _rolled(Dimension.NOT_FOUND, with_detail=True) == expected


def test_rebuilding_replaces_instead_of_adding(generated_views):
    build_rollups(TODAY - datetime.timedelta(days=9), TODAY)
    first = _rolled(Dimension.PAGE)
    call_command(
        "build_analytics_rollups", since="2026-03-22", until="2026-03-31", stdout=io.StringIO()
    )
    assert _rolled(Dimension.PAGE) == first


def test_purge_keeps_rollups(generated_views):
    build_rollups(TODAY - datetime.timedelta(days=9), TODAY)
    rollups_before = DailyRollup.objects.count()
    deleted = purge_raw_views(retention_days=5, today=TODAY)
    assert deleted > 0
    assert not PageView.objects.filter(date__lt=TODAY - datetime.timedelta(days=5)).exists()
    assert PageView.objects.filter(date__gte=TODAY - datetime.timedelta(days=5)).exists()
    assert DailyRollup.objects.count() == rollups_before
    totals = DailyRollup.objects.filter(dimension=Dimension.TOTAL)
    assert sum(total.views for total in totals) == sum(v.status == 200 for v in generated_views)


def test_purge_command_uses_the_retention_setting(settings):
    settings.ANALYTICS_RETENTION_DAYS = 30
    today = timezone.localdate()
    old = timezone.now() - datetime.timedelta(days=45)
    PageView.objects.bulk_create(generated_page_views(20, days=1, end=timezone.localdate(old)))
    PageView.objects.bulk_create(generated_page_views(5, days=1, end=today))
    call_command("purge_analytics", stdout=io.StringIO())
    assert PageView.objects.count() == 5


def test_salts_rotate_daily_and_expire_after_two_days():
    monday, tuesday, wednesday = (datetime.date(2026, 3, day) for day in (2, 3, 4))
    salts = [salt_for(day) for day in (monday, tuesday)]
    assert salts[0] != salts[1]
    assert salt_for(monday) == salts[0]  # stable within the day
    hashes = {visitor_hash(salt, "203.0.113.7", "agent", "ssa.gov.ge") for salt in salts}
    assert len(hashes) == 2  # the same visitor cannot be followed from one day to the next
    salt_for(wednesday)
    assert set(DailySalt.objects.values_list("date", flat=True)) == {tuesday, wednesday}


def test_purge_deletes_expired_salts():
    DailySalt.objects.create(date=TODAY - datetime.timedelta(days=3), salt="00" * 32)
    DailySalt.objects.create(date=TODAY, salt="11" * 32)
    purge_raw_views(90, today=TODAY)
    assert list(DailySalt.objects.values_list("date", flat=True)) == [TODAY]


def test_search_terms_and_zero_result_searches_from_the_search_log():
    model = search_log_model()
    searched_at = timezone.make_aware(datetime.datetime(2026, 3, 30, 12))
    for query, locale, results in [
        ("პენსია", "ka", 4),
        ("  პენსია ", "ka", 4),
        ("ვაუჩერი", "ka", 0),
        ("pension", "en", 2),
    ]:
        log = model.objects.create(query=query, locale=locale, result_count=results)
        model.objects.filter(pk=log.pk).update(created_at=searched_at)
    build_rollups(datetime.date(2026, 3, 30), datetime.date(2026, 3, 30))
    terms = {
        (rollup.key, rollup.detail): rollup.views
        for rollup in DailyRollup.objects.filter(dimension=Dimension.SEARCH_TERM)
    }
    assert terms == {("პენსია", "ka"): 2, ("ვაუჩერი", "ka"): 1, ("pension", "en"): 1}
    zero = DailyRollup.objects.get(dimension=Dimension.ZERO_RESULT_SEARCH)
    assert (zero.key, zero.views) == ("ვაუჩერი", 1)


def test_searches_count_on_their_local_day():
    model = search_log_model()
    day = datetime.date(2026, 3, 30)
    local = timezone.get_current_timezone()
    moments = [
        datetime.datetime(2026, 3, 29, 23, 59, 59, tzinfo=local),
        datetime.datetime(2026, 3, 30, 0, 0, tzinfo=local),
        datetime.datetime(2026, 3, 30, 23, 59, 59, tzinfo=local),
        datetime.datetime(2026, 3, 31, 0, 0, tzinfo=local),
    ]
    for moment in moments:
        log = model.objects.create(query="პენსია", locale="ka", result_count=1)
        model.objects.filter(pk=log.pk).update(created_at=moment)
    build_rollups(day, day)
    rollup = DailyRollup.objects.get(dimension=Dimension.SEARCH_TERM)
    assert (rollup.date, rollup.views) == (day, 2)
    build_rollups(day - datetime.timedelta(days=1), day + datetime.timedelta(days=1))
    per_day = DailyRollup.objects.filter(dimension=Dimension.SEARCH_TERM).order_by("date")
    assert [(rollup.date, rollup.views) for rollup in per_day] == [
        (day - datetime.timedelta(days=1), 1),
        (day, 2),
        (day + datetime.timedelta(days=1), 1),
    ]


def test_longest_404_rollup_fits_the_index():
    from analytics.factories import PageViewFactory
    from analytics.rollups import INDEXED_TEXT_BYTES

    # Four-byte characters that do not repeat: nothing for the index to compress.
    path = "/" + "".join(chr(0x20000 + n * 37) for n in range(499))
    referrer_path = "/" + "".join(chr(0x21000 + n * 41) for n in range(499))
    view = PageViewFactory(status=404, path=path, referrer_path=referrer_path)
    build_rollups(view.date, view.date)
    rollup = DailyRollup.objects.get(dimension=Dimension.NOT_FOUND)
    assert rollup.key == path
    assert referrer_path.startswith(rollup.detail) and rollup.detail
    assert len(rollup.key.encode()) + len(rollup.detail.encode()) <= INDEXED_TEXT_BYTES
