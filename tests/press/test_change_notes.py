"""A new version of a published press release carries a public change note, or is
declared minor; the notes appear on the public page with their dates."""

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Revision

from news.factories import PressReleasePageFactory
from press import roles
from tests.press.admin_forms import edit_form_data, edit_url
from tests.press.conftest import either_language, staff_user

NOTE = "შესწორდა ცხელი ხაზის ნომერი."


@pytest.fixture(autouse=True)
def _english():
    """The assertions below read the English messages (the tests' default language is ka)."""
    with translation.override("en"):
        yield


@pytest.fixture
def editor(news_section):
    # A senior specialist edits every release and saves drafts; the admin in English so
    # that the messages can be read before the Georgian catalogue is compiled.
    return staff_user("senior", roles.SENIOR_SPECIALISTS, language="en")


@pytest.fixture
def published(news_section):
    return PressReleasePageFactory(parent=news_section, title="პენსიის ზრდა")


def save_draft(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    data["action-save-draft"] = "action-save-draft"
    return client.post(edit_url(page), data)


def latest(page):
    return page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()


def test_saving_a_published_release_without_note_or_minor_tick_is_refused(
    client, editor, published
):
    client.force_login(editor)
    revisions = Revision.page_revisions.filter(object_id=str(published.pk)).count()

    response = save_draft(client, published, lead="ახალი ტექსტი")

    assert response.status_code == 200
    [error] = response.context["form"].errors["change_note"]
    assert error in either_language(
        "This page is published: describe the change for the public, or tick “minor change”."
    )
    assert Revision.page_revisions.filter(object_id=str(published.pk)).count() == revisions


def test_note_and_minor_tick_together_are_refused(client, editor, published):
    client.force_login(editor)
    response = save_draft(client, published, change_note=NOTE, minor_change="on")
    assert response.status_code == 200
    assert response.context["form"].errors["change_note"][0] in either_language(
        "A minor change has no public note: either clear the note or untick “minor change”."
    )


def test_note_is_added_once_with_todays_date_however_often_the_draft_is_saved(
    client, editor, published
):
    client.force_login(editor)
    assert save_draft(client, published, change_note=NOTE).status_code == 302
    # The next visit shows the draft's note; saving it amended replaces it.
    data = edit_form_data(client, published)
    assert data["change_note"] == NOTE
    assert save_draft(client, published, change_note=NOTE + " ზუსტად.").status_code == 302

    notes = latest(published).change_notes.raw_data
    assert [note["value"] for note in notes] == [
        {"date": timezone.localdate().isoformat(), "text": NOTE + " ზუსტად."}
    ]
    published.refresh_from_db()
    assert not published.change_notes  # the live version has no note until it is published


def test_a_minor_change_adds_no_note_and_stays_minor_on_the_next_visit(client, editor, published):
    client.force_login(editor)
    assert save_draft(client, published, lead="ტექსტი", minor_change="on").status_code == 302
    assert not latest(published).change_notes
    assert edit_form_data(client, published).get("minor_change") == "on"


def test_a_release_never_published_needs_no_note(client, editor, news_section):
    draft = PressReleasePageFactory(parent=news_section, live=False, owner=editor)
    draft.save_revision(user=editor)
    client.force_login(editor)
    data = edit_form_data(client, draft)
    assert "change_note" not in data  # the panel is not shown
    assert save_draft(client, draft, lead="პირველი ვერსია").status_code == 302


def test_published_notes_are_shown_on_the_page_newest_first(client, editor, published):
    client.force_login(editor)
    save_draft(client, published, change_note=NOTE)
    published.refresh_from_db()
    published.get_latest_revision().publish()
    second = latest(published)
    second.change_notes = list(second.change_notes.raw_data) + [
        {"type": "change", "value": {"date": "2026-01-02", "text": "დაემატა ფოტო."}}
    ]
    second.save_revision().publish()
    client.logout()

    html = client.get(published.url).content.decode()

    today = timezone.localdate()
    shown = f'<time datetime="{today.isoformat()}">{date_format(today, "DATE_FORMAT")}</time>'
    assert f"{shown}: {NOTE}" in html
    assert html.index(NOTE) < html.index("დაემატა ფოტო.")
