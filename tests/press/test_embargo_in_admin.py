"""Embargoed and scheduled press releases, their titles included, are shown in the admin
only to the roles that edit or approve news."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.factories import PressReleasePageFactory
from press import roles
from tests.press.conftest import staff_user

EMBARGOED_TITLE = "ემბარგოს ქვეშ მყოფი განცხადება"


@pytest.fixture
def embargoed_release(news_section):
    embargo = timezone.now() + datetime.timedelta(days=1)
    release = PressReleasePageFactory(
        parent=news_section, live=False, title=EMBARGOED_TITLE, embargo_until=embargo
    )
    release.save_revision(approved_go_live_at=embargo)
    return release


@pytest.mark.parametrize(
    ("group_name", "sees"),
    [
        (roles.SENIOR_SPECIALISTS, True),
        (roles.HEAD_OF_PR, True),
        (roles.DIRECTORS_OFFICE, True),
        (roles.WEB_EDITORS, False),
        (roles.COMMUNICATIONS_SPECIALISTS, False),  # not their release
    ],
)
def test_embargoed_titles_only_for_those_who_edit_or_approve_news(
    embargoed_release, client, group_name, sees
):
    client.force_login(staff_user("user", group_name))
    response = client.get(reverse("press_scheduled"), follow=True)
    assert response.status_code == 200
    assert (EMBARGOED_TITLE in response.content.decode()) is sees


def test_analyst_neither_sees_the_menu_nor_the_list(embargoed_release, client):
    client.force_login(staff_user("analyst", roles.ANALYSTS))
    assert client.get(reverse("press_scheduled")).status_code in (302, 403)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("press_scheduled") not in dashboard
    assert EMBARGOED_TITLE not in dashboard
