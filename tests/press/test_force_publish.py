"""Publishing a press release without review: the Director's Office only, only with a
reason; the release is marked "not reviewed" until someone else reviews it."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission, PageLogEntry, Revision, WorkflowState

from news.factories import PressReleasePageFactory
from press import roles
from press.force_publish import LOG_FORCE_PUBLISH, LOG_MARK_REVIEWED
from press.models import ForcePublication
from tests.press.admin_forms import edit_form_data, edit_url
from tests.press.conftest import either_language, staff_user

REASON = "სასწრაფო განცხადება ხანძრის შესახებ; უფროსი შვებულებაშია."


@pytest.fixture(autouse=True)
def _english():
    """The assertions below read the English messages (the tests' default language is ka)."""
    with translation.override("en"):
        yield


@pytest.fixture
def people(news_section):
    return {
        "specialist": staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS, language="en"),
        "senior": staff_user("senior", roles.SENIOR_SPECIALISTS, language="en"),
        "head": staff_user("head", roles.HEAD_OF_PR, language="en"),
        "director": staff_user("director", roles.DIRECTORS_OFFICE, language="en"),
        "deputy": staff_user("deputy", roles.DIRECTORS_OFFICE, language="en"),
    }


@pytest.fixture
def draft(news_section, people):
    release = PressReleasePageFactory(
        parent=news_section, live=False, owner=people["specialist"], title="ხანძარი"
    )
    release.save_revision(user=people["specialist"])
    return release


def publish(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    data["action-publish"] = "action-publish"
    return client.post(edit_url(page), data)


def reload(page):
    return page.specific_class.objects.get(pk=page.pk)


def test_the_directors_office_sees_publish_without_review_and_the_reason_field(
    client, people, draft
):
    client.force_login(people["director"])
    html = client.get(edit_url(draft)).content.decode()
    assert "Publish without review" in html
    assert 'name="force_publish_reason"' in html

    client.force_login(people["senior"])
    html = client.get(edit_url(draft)).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="force_publish_reason"' not in html


def test_publishing_without_a_reason_is_refused_and_nothing_is_saved(client, people, draft):
    client.force_login(people["director"])
    revisions = Revision.page_revisions.filter(object_id=str(draft.pk)).count()

    response = publish(client, draft)

    assert response.status_code == 200
    [error] = response.context["form"].errors["force_publish_reason"]
    assert error in either_language(
        "Give the reason for publishing without review; it is recorded in the history."
    )
    assert not reload(draft).live
    assert Revision.page_revisions.filter(object_id=str(draft.pk)).count() == revisions
    assert not ForcePublication.objects.exists()


def test_publishing_with_a_reason_is_logged_and_marks_the_release_not_reviewed(
    client, people, draft
):
    client.force_login(people["director"])

    response = publish(client, draft, force_publish_reason=REASON)

    assert response.status_code == 302
    release = reload(draft)
    assert release.live
    publication = ForcePublication.objects.get()
    assert (publication.page_id, publication.published_by, publication.reason) == (
        draft.pk,
        people["director"],
        REASON,
    )
    assert publication.revision == release.live_revision
    entry = PageLogEntry.objects.get(page=draft, action=LOG_FORCE_PUBLISH)
    assert entry.data["reason"] == REASON and entry.user == people["director"]
    with translation.override("en"):
        assert release.status_string == "live, not reviewed"

    # Every editor sees the mark: in the section's listing and in the edit view.
    client.force_login(people["senior"])
    listing = client.get(reverse("wagtailadmin_explore", args=[draft.get_parent().pk]))
    assert "live, not reviewed" in listing.content.decode()
    html = client.get(edit_url(draft)).content.decode()
    assert "Published without review" in html and REASON in html
    # The history names the reason.
    history = client.get(reverse("wagtailadmin_pages:history", args=[draft.pk]))
    assert REASON in history.content.decode()


def test_a_release_under_embargo_is_only_scheduled_even_without_review(client, people, draft):
    embargo = (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    draft.embargo_until = embargo
    draft.save_revision(user=people["specialist"])
    client.force_login(people["director"])

    assert publish(client, draft, force_publish_reason=REASON).status_code == 302

    release = reload(draft)
    assert not release.live
    assert release.get_latest_revision().approved_go_live_at == embargo
    # The decision is in the history now; "not reviewed" only once it is public.
    assert PageLogEntry.objects.get(page=draft, action=LOG_FORCE_PUBLISH).data["reason"] == REASON
    assert not ForcePublication.objects.exists()
    with translation.override("en"):
        assert "not reviewed" not in release.status_string

    with time_machine.travel(embargo + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled", verbosity=0)
    release = reload(draft)
    assert release.live
    publication = ForcePublication.objects.get(page=draft)
    assert (publication.published_by, publication.reason) == (people["director"], REASON)
    assert publication.revision == release.live_revision and publication.reviewed_at is None


@pytest.mark.parametrize("who", ["specialist", "senior", "head"])
def test_nobody_else_can_publish_a_release_past_the_workflow(client, people, draft, who):
    draft.owner = people[who]
    draft.save(update_fields=["owner"])
    client.force_login(people[who])

    publish(client, draft, force_publish_reason=REASON)

    assert not reload(draft).live
    assert not ForcePublication.objects.exists()


def test_a_publisher_without_the_force_publish_right_is_refused(client, people, draft):
    # E.g. a group given "publish" on the news section by hand, without the editorial right.
    group = Group.objects.create(name="Ad hoc publishers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=draft.get_parent(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    GroupPagePermission.objects.create(
        group=group,
        page=draft.get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    publisher = staff_user("publisher", language="en")
    publisher.groups.add(group)
    client.force_login(publisher)
    assert "Publish without review" not in client.get(edit_url(draft)).content.decode()

    response = publish(client, draft, force_publish_reason=REASON)

    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors()
    assert error in either_language(
        "Press releases are published through the review workflow: submit the release for review."
    )
    assert not reload(draft).live


def force_published(client, people, draft):
    client.force_login(people["director"])
    publish(client, draft, force_publish_reason=REASON)
    return reverse("press_mark_reviewed", args=[draft.pk])


def test_someone_else_marks_it_reviewed(client, people, draft):
    url = force_published(client, people, draft)

    # The publisher cannot review their own decision; a specialist cannot review at all.
    # (Wagtail's admin answers a refusal with a redirect to the dashboard.)
    for refused in ("director", "specialist"):
        client.force_login(people[refused])
        assert client.post(url)["Location"] == reverse("wagtailadmin_home")
        assert ForcePublication.objects.not_reviewed().exists()

    client.force_login(people["head"])
    assert "Mark as reviewed" in client.get(edit_url(draft)).content.decode()
    assert client.get(url).status_code == 200  # a confirmation, no change yet
    assert ForcePublication.objects.not_reviewed().exists()
    assert client.post(url)["Location"] == edit_url(draft)

    publication = ForcePublication.objects.get()
    assert publication.reviewed_by == people["head"] and publication.reviewed_at is not None
    with translation.override("en"):
        assert reload(draft).status_string == "live"
    assert PageLogEntry.objects.filter(page=draft, action=LOG_MARK_REVIEWED).exists()
    assert "Published without review" not in client.get(edit_url(draft)).content.decode()


def test_passing_the_review_workflow_afterwards_clears_the_mark(client, people, draft):
    force_published(client, people, draft)
    release = reload(draft)
    release.save_revision(user=people["specialist"])
    workflow_state = release.get_workflow().start(release, people["specialist"])
    for reviewer in (people["head"], people["deputy"]):
        workflow_state = WorkflowState.objects.get(pk=workflow_state.pk)
        task_state = workflow_state.current_task_state
        client.force_login(reviewer)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]
        )
        client.post(url, {"comment": ""})
    assert WorkflowState.objects.get(pk=workflow_state.pk).status == "approved"
    assert not ForcePublication.objects.not_reviewed().exists()
    assert ForcePublication.objects.get().reviewed_by == people["deputy"]


def test_bulk_publication_of_press_releases_is_refused(client, people, draft):
    client.force_login(people["director"])
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={draft.pk}"
    )
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert not reload(draft).live
    messages = [str(message) for message in response.context["messages"]]
    assert any("not published in bulk" in message for message in messages)
