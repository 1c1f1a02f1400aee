"""Advance copies under embargo: the approved release, before it is public, to the trusted
contacts a head of division chooses, marked in each contact's language, in the send log
and the history, and nowhere public before the embargo."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from news.factories import PressReleasePageFactory
from press import roles
from press.factories import MediaContactFactory
from press.models import Delivery, Distribution
from tests.press.conftest import staff_user

CANARY = "წინასწარი-ასლი-9043"


@pytest.fixture
def approved_release(news_section):
    embargo = (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    release = PressReleasePageFactory(
        parent=news_section, live=False, title=f"რელიზი {CANARY}", embargo_until=embargo
    )
    release.go_live_at = embargo
    release.save()
    # What the last approval of the workflow does: publish, which schedules it.
    release.save_revision().publish()
    release.refresh_from_db()
    assert not release.live
    return release


@pytest.fixture
def trusted():
    return [
        MediaContactFactory(language="ka", email="agency@example.ge", receives_advance_copies=True),
        MediaContactFactory(language="en", email="wire@example.org", receives_advance_copies=True),
    ]


def test_head_sends_an_advance_copy_marked_embargoed_in_each_language(
    client, approved_release, trusted, news_section, django_capture_on_commit_callbacks
):
    MediaContactFactory(language="ka", email="untrusted@example.ge")
    head = staff_user("head", roles.HEAD_OF_PR)
    client.force_login(head)
    url = reverse("press_advance_copy", args=[approved_release.pk])
    form = client.get(url).content.decode()
    assert "wire@example.org" in form and "untrusted@example.ge" not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"contacts": [contact.pk for contact in trusted]})
    assert response.status_code == 302
    messages = {message.to[0]: message for message in mail.outbox}
    assert set(messages) == {"agency@example.ge", "wire@example.org"}
    english, georgian = messages["wire@example.org"], messages["agency@example.ge"]
    assert english.subject.startswith("EMBARGOED UNTIL ") and "EMBARGOED UNTIL" in english.body
    assert georgian.subject.startswith("ემბარგო ") and "ემბარგო" in georgian.body
    assert "EMBARGOED" not in georgian.subject
    # No link to a page that is not public yet.
    assert approved_release.url not in english.body
    deliveries = Delivery.objects.filter(distribution__kind=Distribution.Kind.ADVANCE)
    assert {delivery.status for delivery in deliveries} == {Delivery.Status.SENT}
    assert deliveries.count() == 2
    assert PageLogEntry.objects.filter(page=approved_release, action="press.advance_copy").exists()

    client.logout()
    assert client.get(approved_release.url).status_code == 404
    index_url = news_section.get_url()
    for channel in (index_url, index_url + news_section.reverse_subpage("rss")):
        assert CANARY not in client.get(channel).content.decode()
    assert approved_release.url not in client.get("/ka/search/?q=" + CANARY).content.decode()


def test_advance_copy_is_refused_to_a_specialist_and_before_approval(
    client, approved_release, trusted, news_section
):
    specialist = staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    client.force_login(specialist)
    url = reverse("press_advance_copy", args=[approved_release.pk])
    refused = client.post(url, {"contacts": [trusted[0].pk]})
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    draft = PressReleasePageFactory(
        parent=news_section, live=False, embargo_until=timezone.now() + datetime.timedelta(days=1)
    )
    client.force_login(staff_user("director", roles.DIRECTORS_OFFICE))
    refused = client.post(
        reverse("press_advance_copy", args=[draft.pk]), {"contacts": [trusted[0].pk]}
    )
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    assert mail.outbox == [] and not Distribution.objects.exists()
