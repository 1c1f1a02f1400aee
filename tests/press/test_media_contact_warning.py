"""A press release without a media contact: warned about in the editor and on
submission, as GOV.UK's publisher does; submitting it stays possible."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import WorkflowState

from news.factories import PressReleasePageFactory
from press import roles
from tests.press.admin_forms import edit_form_data, edit_url
from tests.press.conftest import staff_user

WARNING = "This press release has no media contact."


@pytest.fixture
def specialist(news_section):
    return staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS, language="en")


def own_draft(news_section, owner, **fields):
    release = PressReleasePageFactory(parent=news_section, live=False, owner=owner, **fields)
    release.save_revision(user=owner)
    return release


NO_CONTACT = {"media_contact_name": "", "media_contact_phone": "", "media_contact_email": ""}


def test_the_editor_warns_of_a_release_without_media_contact(client, news_section, specialist):
    without = own_draft(news_section, specialist, **NO_CONTACT)
    with_contact = own_draft(news_section, specialist)
    client.force_login(specialist)
    assert WARNING in client.get(edit_url(without)).content.decode()
    assert WARNING not in client.get(edit_url(with_contact)).content.decode()


def test_submitting_without_media_contact_is_possible_and_warned(client, news_section, specialist):
    release = own_draft(news_section, specialist, **NO_CONTACT)
    client.force_login(specialist)
    data = edit_form_data(client, release)
    data["action-submit"] = "action-submit"

    response = client.post(edit_url(release), data)

    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(release.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        f"“{release.title}” was submitted without a media contact: "
        "journalists will not know whom to ask."
    ]


def test_adding_a_contact_on_submission_gives_no_warning(client, news_section, specialist):
    release = own_draft(news_section, specialist, **NO_CONTACT)
    client.force_login(specialist)
    data = edit_form_data(client, release, media_contact_email="press@ssa.gov.ge")
    data["action-submit"] = "action-submit"

    response = client.post(edit_url(release), data)

    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
