import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.factories import PressReleasePageFactory, tbilisi_datetime
from news.models import PressReleasePage

pytestmark = pytest.mark.django_db


def test_publishing_a_release_under_embargo_schedules_it(client, sections):
    index = sections["news_ka"]
    embargo = timezone.now() + datetime.timedelta(hours=1)
    release = PressReleasePageFactory(
        parent=index, title="ემბარგოს ქვეშ", live=False, embargo_until=embargo
    )
    release.save_revision().publish()
    release.refresh_from_db()

    assert not release.live
    assert release.go_live_at == embargo
    assert client.get(release.url).status_code == 404
    assert "ემბარგოს ქვეშ" not in client.get(index.url).content.decode()
    assert "ემბარგოს ქვეშ" not in client.get(index.url + "feed/rss/").content.decode()

    # The clock passes the embargo and the scheduler runs.
    later = embargo + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
        release.refresh_from_db()
        assert release.live
        assert client.get(release.url).status_code == 200
        assert "ემბარგოს ქვეშ" in client.get(index.url + "feed/rss/").content.decode()


def test_a_live_release_under_embargo_is_refused_everywhere(client, sections):
    release = PressReleasePageFactory(
        parent=sections["news_ka"],
        title="ჯერ არა",
        embargo_until=timezone.now() + datetime.timedelta(days=1),
    )
    assert client.get(release.url).status_code == 404
    assert release.get_sitemap_urls() == []
    assert not PressReleasePage.get_indexed_objects().filter(pk=release.pk).exists()


def test_a_release_past_its_embargo_is_public(client, sections):
    release = PressReleasePageFactory(
        parent=sections["news_ka"],
        title="უკვე გამოქვეყნდა",
        embargo_until=timezone.now() - datetime.timedelta(hours=1),
    )
    assert client.get(release.url).status_code == 200
    assert len(release.get_sitemap_urls()) == 1
    assert PressReleasePage.get_indexed_objects().filter(pk=release.pk).exists()


def test_an_embargo_without_time_zone_is_read_as_tbilisi_time(sections):
    # Typed in by code or an import (the admin's field is always aware): 10:00 in Tbilisi,
    # not 10:00 UTC, four hours later.
    release = PressReleasePageFactory(parent=sections["news_ka"], live=False)
    release.embargo_until = datetime.datetime(2030, 12, 1, 10, 0)
    release.full_clean()
    expected = tbilisi_datetime(2030, 12, 1, 10, 0)
    assert release.embargo_until == expected
    assert release.embargo_until.utcoffset() == datetime.timedelta(hours=4)
    assert release.go_live_at == expected
