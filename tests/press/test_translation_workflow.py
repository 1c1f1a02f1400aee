"""A translation of a press release goes through the same review as its source, by the
roles that write releases, never publishes by itself, and is e-mailed only to the contacts
of its language who have not had the release. Also the upgrade canary of press.translation:
it drives wagtail-localize through its own admin views."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from press import roles
from press.factories import ContactListFactory, MediaContactFactory
from press.models import Delivery
from tests.press.conftest import staff_user
from tests.press.test_editorial_flow import act
from tests.utils import translate

ENGLISH_TITLE = "The Agency opens a new day centre"


@pytest.fixture
def bilingual_newsroom(home_pages, locales):
    news = NewsIndexPageFactory(parent=home_pages["ka"])
    translate(news, locales["en"], title="News", slug="news")
    roles.setup_editorial()
    media = ContactListFactory(name="მედია")
    MediaContactFactory(lists=[media], language="ka", email="tv@example.ge")
    MediaContactFactory(lists=[media], language="ka", email="radio@example.ge")
    MediaContactFactory(lists=[media], language="en", email="wire@example.org")
    return {
        "news": news,
        "list": media,
        "locales": locales,
        "author": staff_user("author", roles.COMMUNICATIONS_SPECIALISTS),
        "translator": staff_user("translator", roles.COMMUNICATIONS_SPECIALISTS),
        "head": staff_user("head", roles.HEAD_OF_PR),
        "director": staff_user("director", roles.DIRECTORS_OFFICE),
    }


def _release(newsroom, live):
    release = PressReleasePageFactory(
        parent=newsroom["news"], owner=newsroom["author"], live=live, title="ახალი დღის ცენტრი"
    )
    release.distribution_lists.set([newsroom["list"]])
    release.save_revision(user=newsroom["author"])
    return release


def _start_translation(client, user, release, locale):
    client.force_login(user)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[release.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return release.get_translation(locale).specific


def _translate_title(client, translation_page, text):
    translation = Translation.objects.get(
        source__object_id=translation_page.translation_key,
        target_locale=translation_page.locale,
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=f"value={text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.status_code
    return translation


def _press_mail():
    """(recipient, subject) of the e-mails to media contacts (staff get workflow mail)."""
    return [
        (message.to[0], message.subject)
        for message in mail.outbox
        if not message.to[0].endswith("@ssa.gov.ge")
    ]


def _approve_all(client, newsroom, page):
    for reviewer in (newsroom["head"], newsroom["director"]):
        state = page.current_workflow_state
        assert act(client, reviewer, page, "approve", state.current_task_state).status_code == 302


def test_translation_of_a_live_release_is_reviewed_then_sent_to_those_who_had_nothing(
    client, bilingual_newsroom, django_capture_on_commit_callbacks
):
    newsroom = bilingual_newsroom
    english = newsroom["locales"]["en"]
    with django_capture_on_commit_callbacks(execute=True):
        release = _release(newsroom, live=False)
        release.get_latest_revision().publish(user=newsroom["director"])
    assert sorted(address for address, _subject in _press_mail()) == [
        "radio@example.ge",
        "tv@example.ge",
        "wire@example.org",  # no English version exists: the original now, not nothing
    ]
    # A later English contact is the one who has had nothing.
    MediaContactFactory(lists=[newsroom["list"]], language="en", email="late@example.org")
    mail.outbox.clear()

    # Translating a live release publishes nothing and sends nothing.
    translator = newsroom["translator"]
    with django_capture_on_commit_callbacks(execute=True):
        translated = _start_translation(client, translator, release, english)
    assert not translated.live and translated.owner == translator
    assert not PageLogEntry.objects.filter(page=translated, action="wagtail.publish").exists()
    assert _press_mail() == []
    translation = _translate_title(client, translated, ENGLISH_TITLE)

    # The translator cannot publish it from wagtail-localize's editor or its "sync".
    edit = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    refused = client.post(edit, {"action": "publish"})
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    refused = client.post(sync, {"publish_translations": "on"})
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    translated.refresh_from_db()
    assert not translated.live

    # The same workflow as the original, from the button in the page listing.
    listing = client.get(reverse("wagtailadmin_explore", args=[translated.get_parent().pk]))
    submit_url = reverse("press_submit_translation", args=[translated.pk])
    assert submit_url in listing.content.decode()
    assert client.post(submit_url).status_code == 302
    translated.refresh_from_db()
    state = translated.current_workflow_state
    assert state.workflow.name == roles.PRESS_WORKFLOW == release.get_workflow().name

    # Changes requested, resubmitted, approved twice: published in English, e-mailed once.
    task_state = state.current_task_state
    act(client, newsroom["head"], translated, "reject", task_state, comment="Fix the lead.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(translator)
    assert client.post(submit_url).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        _approve_all(client, newsroom, translated)
    translated.refresh_from_db()
    assert translated.live and translated.title == ENGLISH_TITLE
    assert _press_mail() == [("late@example.org", ENGLISH_TITLE)]


def test_contacts_wait_for_a_translation_in_progress_and_get_only_their_language(
    client, bilingual_newsroom, django_capture_on_commit_callbacks
):
    newsroom = bilingual_newsroom
    english = newsroom["locales"]["en"]
    release = _release(newsroom, live=False)
    translated = _start_translation(client, newsroom["translator"], release, english)
    _translate_title(client, translated, ENGLISH_TITLE)
    with django_capture_on_commit_callbacks(execute=True):
        release.get_latest_revision().publish(user=newsroom["director"])
    # The English reader waits for the English version under review.
    assert sorted(address for address, _subject in _press_mail()) == [
        "radio@example.ge",
        "tv@example.ge",
    ]
    mail.outbox.clear()
    client.force_login(newsroom["translator"])
    client.post(reverse("press_submit_translation", args=[translated.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        _approve_all(client, newsroom, translated)
    assert _press_mail() == [("wire@example.org", ENGLISH_TITLE)]
    assert Delivery.objects.filter(contact__email="tv@example.ge").count() == 1


def test_roles_that_do_not_write_releases_cannot_submit_a_translation(client, bilingual_newsroom):
    newsroom = bilingual_newsroom
    release = _release(newsroom, live=True)
    translated = _start_translation(
        client, newsroom["translator"], release, newsroom["locales"]["en"]
    )
    analyst = staff_user("analyst", roles.ANALYSTS)
    client.force_login(analyst)
    url = reverse("press_submit_translation", args=[translated.pk])
    assert client.post(url).status_code in (302, 403)
    translated.refresh_from_db()
    assert translated.current_workflow_state is None
