"""Withdrawing and unpublishing news like GOV.UK: done by the Director's Office with a
reason, in the page's history, visible to the public as it should be, and announced to the
contacts who received the release."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from news.factories import PressReleasePageFactory
from press import roles
from press.factories import ContactListFactory, MediaContactFactory
from press.models import Withdrawal
from tests.press.conftest import staff_user

CANARY = "გაწვეული-კანარი-5512"
EXPLANATION = "პროგრამის პირობები შეიცვალა; იხილეთ ახალი პრესრელიზი."


@pytest.fixture
def published_release(news_section, django_capture_on_commit_callbacks):
    media = ContactListFactory(name="მედია")
    MediaContactFactory(lists=[media], language="ka", email="tv@example.ge")
    MediaContactFactory(lists=[media], language="en", email="wire@example.org")
    release = PressReleasePageFactory(parent=news_section, live=False, title=f"რელიზი {CANARY}")
    release.distribution_lists.set([media])
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()
    assert len(mail.outbox) == 2
    mail.outbox.clear()
    return release


@pytest.fixture
def director(news_section):
    return staff_user("director", roles.DIRECTORS_OFFICE)


def _public(client, url):
    client.logout()
    return client.get(url)


def test_withdrawn_release_stays_with_a_dated_explanation_and_leaves_every_listing(
    client, published_release, director, news_section, django_capture_on_commit_callbacks
):
    release = published_release
    url = release.get_url()
    index_url = news_section.get_url()
    channels = (
        index_url,
        index_url + news_section.reverse_subpage("rss"),
        index_url + news_section.reverse_subpage("press_atom"),
        "/ka/search/?q=" + CANARY,
        "/sitemap.xml",
    )
    for channel in channels:  # listed everywhere before
        assert url in _public(client, channel).content.decode(), channel
    client.force_login(director)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("press_withdraw", args=[release.pk]),
            {"explanation": EXPLANATION, "notify": "on"},
        )
    assert response.status_code == 302
    assert Withdrawal.objects.get(page=release).withdrawn_by == director
    entry = PageLogEntry.objects.get(page=release, action="press.withdraw")
    assert entry.data["explanation"] == EXPLANATION and entry.user == director

    page = _public(client, url)
    assert page.status_code == 200
    html = page.content.decode()
    assert EXPLANATION in html and "withdrawn-notice" in html
    assert "გაწვეულია" in html  # "Withdrawn on …", in the page's language
    assert "style=" not in html.split("withdrawn-notice")[1].split("</div>")[0]
    for channel in channels:
        assert url not in _public(client, channel).content.decode(), channel
    notices = {message.to[0]: message for message in mail.outbox}
    assert set(notices) == {"tv@example.ge", "wire@example.org"}
    assert notices["wire@example.org"].subject.startswith("WITHDRAWN")
    assert not notices["tv@example.ge"].subject.startswith("WITHDRAWN")
    assert EXPLANATION in notices["tv@example.ge"].body


def test_withdrawal_needs_an_explanation_and_the_right_role(client, published_release, director):
    release = published_release
    url = reverse("press_withdraw", args=[release.pk])
    client.force_login(director)
    response = client.post(url, {"explanation": "  "})
    assert response.status_code == 200
    assert "განმარტეთ" in response.content.decode()  # Georgian admin: the error in Georgian
    specialist = staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    client.force_login(specialist)
    refused = client.post(url, {"explanation": EXPLANATION})
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    assert not Withdrawal.objects.exists()


def test_unpublished_release_redirects_to_the_chosen_page_with_reason_in_history(
    client, published_release, director, news_section, django_capture_on_commit_callbacks
):
    release = published_release
    old_url = release.get_url()
    client.force_login(director)
    url = reverse("press_unpublish", args=[release.pk])
    assert client.post(url, {"reason": "შეცდომით გამოქვეყნდა"}).status_code == 200  # no target
    release.refresh_from_db()
    assert release.live
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"reason": "შეცდომით გამოქვეყნდა", "redirect_to": news_section.pk, "notify": "on"},
        )
    assert response.status_code == 302
    release.refresh_from_db()
    assert not release.live
    entry = PageLogEntry.objects.get(page=release, action="press.unpublish_with_redirect")
    assert entry.data["reason"] == "შეცდომით გამოქვეყნდა"
    gone = _public(client, old_url)
    assert gone.status_code in (301, 302) and gone["Location"].endswith(news_section.get_url())
    assert {message.to[0] for message in mail.outbox} == {"tv@example.ge", "wire@example.org"}
    assert all("შეცდომით გამოქვეყნდა" in message.body for message in mail.outbox)


def test_wagtails_own_unpublish_of_news_asks_for_the_reason_instead(
    client, published_release, director
):
    release = published_release
    client.force_login(director)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[release.pk]))
    assert response["Location"] == reverse("press_unpublish", args=[release.pk])
    release.refresh_from_db()
    assert release.live
