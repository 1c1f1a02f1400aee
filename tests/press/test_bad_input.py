"""Mistakes in the press release editor get a clear message and change nothing."""

import datetime

import pytest
from django.utils import timezone, translation
from wagtail.models import Revision

from news.factories import PressReleasePageFactory, tbilisi_datetime
from press import roles
from tests.press.admin_forms import edit_form_data, edit_url
from tests.press.conftest import either_language, staff_user


@pytest.fixture(autouse=True)
def _english():
    """The assertions below read the English messages (the tests' default language is ka)."""
    with translation.override("en"):
        yield


@pytest.fixture
def specialist(news_section):
    return staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS, language="en")


@pytest.fixture
def draft(news_section, specialist):
    release = PressReleasePageFactory(parent=news_section, live=False, owner=specialist)
    release.save_revision(user=specialist)
    return release


def save(client, page, action="action-save-draft", **changes):
    data = edit_form_data(client, page, **changes)
    data[action] = action
    return client.post(edit_url(page), data)


@pytest.mark.parametrize("action", ["action-save-draft", "action-submit"])
def test_an_embargo_in_the_past_is_refused(client, draft, specialist, action):
    client.force_login(specialist)
    revisions = Revision.page_revisions.filter(object_id=str(draft.pk)).count()
    yesterday = timezone.localtime() - datetime.timedelta(days=1)

    response = save(client, draft, action, embargo_until=yesterday.strftime("%Y-%m-%d %H:%M"))

    assert response.status_code == 200
    [error] = response.context["form"].errors["embargo_until"]
    assert error in either_language(
        "The embargo time has already passed. Choose a future time, or clear the field "
        "to publish without embargo."
    )
    assert Revision.page_revisions.filter(object_id=str(draft.pk)).count() == revisions
    assert not draft.workflow_states.exists()


def test_a_future_embargo_is_taken_as_tbilisi_time(client, draft, specialist):
    client.force_login(specialist)
    assert save(client, draft, embargo_until="2030-12-01 10:00").status_code == 302
    latest = draft.specific_class.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert latest.embargo_until == tbilisi_datetime(2030, 12, 1, 10, 0)


def test_an_embargo_that_passed_during_review_does_not_block_editing(client, draft, specialist):
    passed = (timezone.now() - datetime.timedelta(hours=2)).replace(second=0, microsecond=0)
    draft.embargo_until = passed
    draft.save_revision(user=specialist)
    client.force_login(specialist)
    assert save(client, draft, lead="შესწორებული ტექსტი").status_code == 302
