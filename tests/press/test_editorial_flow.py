"""The whole press-release process, driven by real users in each role: draft, submit,
rejection with comment, resubmission, two approvals, embargo, scheduled publication and
distribution to the media."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from media_archive.factories import ArchiveImageFactory
from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from press import roles
from press.factories import ContactListFactory, MediaContactFactory
from press.models import Delivery
from tests.press.admin_forms import edit_form_data, edit_url
from tests.press.conftest import staff_user

CANARY = "ემბარგოიანი-კანარი-7731"


def act(client, user, page, action, task_state, comment=""):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def submit(client, user, page, **changes):
    """The author's "Submit for review" (or "Resubmit") in the page editor."""
    client.force_login(user)
    data = edit_form_data(client, page, **changes)
    data["action-submit"] = "action-submit"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.context["form"].errors
    return response


def anonymous_status(client, url):
    client.logout()
    return client.get(url).status_code


@pytest.fixture
def newsroom(home_pages):
    news = NewsIndexPageFactory(parent=home_pages["ka"])
    roles.setup_editorial()
    media = ContactListFactory(name="ქართული მედია")
    MediaContactFactory.create_batch(3, lists=[media])
    MediaContactFactory(lists=[media], language="en", email="correspondent@example.org")
    return {
        "news": news,
        "list": media,
        "specialist": staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS),
        "head": staff_user("head", roles.HEAD_OF_PR, language="en"),
        "director": staff_user("director", roles.DIRECTORS_OFFICE),
    }


def test_press_release_from_draft_to_the_journalists_inbox(
    client, newsroom, django_capture_on_commit_callbacks
):
    specialist, head, director = newsroom["specialist"], newsroom["head"], newsroom["director"]
    embargo = (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)

    # The specialist drafts the release under embargo, with a photo, and submits it in
    # the editor.
    photo = ArchiveImageFactory(title=f"ფოტო {CANARY}")
    release = PressReleasePageFactory(
        parent=newsroom["news"],
        owner=specialist,
        live=False,
        title=f"ახალი პროგრამა {CANARY}",
        embargo_until=embargo,
        featured_image=photo,
    )
    release.distribution_lists.set([newsroom["list"]])
    release.save()
    release.save_revision(user=specialist)
    assert release.permissions_for_user(specialist).can_submit_for_moderation()
    submit(client, specialist, release)
    workflow_state = WorkflowState.objects.get(object_id=str(release.pk))
    assert workflow_state.requested_by == specialist
    mail.outbox.clear()

    # The head of division asks for changes: a comment is required…
    task_state = workflow_state.current_task_state
    act(client, head, release, "reject", task_state)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # …and with one, the author hears of it, in Georgian.
    act(client, head, release, "reject", task_state, comment="დაამატეთ ციტატა.")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert [message.to for message in mail.outbox] == [["specialist@ssa.gov.ge"]]
    assert "დაამატეთ ციტატა." in mail.outbox[0].body

    # Resubmitted with the quote, approved by the head (the author is told the next step),
    # then by the Director's Office.
    submit(client, specialist, release, lead="„ეს პროგრამა ათასობით ოჯახს დაეხმარება“.")
    workflow_state = WorkflowState.objects.get(pk=workflow_state.pk)
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_state.current_task_state.task.name == roles.HEAD_REVIEW_TASK
    mail.outbox.clear()
    act(client, head, release, "approve", workflow_state.current_task_state)
    workflow_state.refresh_from_db()
    assert workflow_state.current_task_state.task.name == roles.DIRECTOR_APPROVAL_TASK
    step_mails = [message for message in mail.outbox if message.to == ["specialist@ssa.gov.ge"]]
    assert step_mails and roles.DIRECTOR_APPROVAL_TASK in step_mails[0].body
    with django_capture_on_commit_callbacks(execute=True):
        act(client, director, release, "approve", workflow_state.current_task_state)

    # Approved, but the embargo holds: scheduled, not live, nowhere to be seen.
    release.refresh_from_db()
    assert not release.live
    assert release.get_latest_revision().approved_go_live_at == embargo
    client.logout()
    results_page = client.get(f"/ka/search/?q={CANARY}").content.decode()
    assert f"/{release.slug}/" not in results_page  # the query is echoed; no result links it
    assert CANARY not in client.get("/sitemap.xml").content.decode()
    news_url = newsroom["news"].url
    for feed in ("feed/rss/", "feed/atom/", "press-releases/feed/rss/"):
        feed_response = client.get(news_url + feed)
        assert feed_response.status_code == 200 and CANARY not in feed_response.content.decode()
    assert CANARY not in client.get(news_url).content.decode()
    # Its photo is refused to an anonymous visitor: the rendition pages would use, and the
    # original upload.
    assert anonymous_status(client, photo.get_rendition("width-800").url) == 404
    assert anonymous_status(client, photo.file.url) == 404
    assert not Delivery.objects.exists()

    # The clock passes the embargo; the scheduler publishes and the release goes out.
    with time_machine.travel(embargo + datetime.timedelta(minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled", verbosity=0)
        release.refresh_from_db()
        assert release.live
        assert client.get(release.url).status_code == 200
        # Published, its photo is served like any public page's (the original upload,
        # with its camera metadata, stays with the staff).
        assert anonymous_status(client, photo.get_rendition("width-800").url) == 200
        sent = Delivery.objects.filter(status=Delivery.Status.SENT)
        assert sent.count() == 4
        journalists = [message for message in mail.outbox if message.to[0].endswith("example.ge")]
        assert len(journalists) == 3 and CANARY in journalists[0].subject

        # The unsubscribe link in the e-mail works.
        link = next(
            line for line in journalists[0].body.splitlines() if "/press/unsubscribe/" in line
        )
        path = link[link.index("/ka/press/") :].strip()
        assert client.post(path).status_code == 200
        assert not sent.get(email=journalists[0].to[0]).contact.is_active
