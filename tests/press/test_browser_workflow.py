"""In Chromium: a specialist submits a press release in the admin, the head of division
approves it there, then the Director's Office; the release ends up scheduled for its
embargo time, not live."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Collection, WorkflowState

from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from press import roles
from tests.browser import requires_chromium
from tests.press.conftest import staff_user
from tests.utils import make_locales, make_site_tree

pytestmark = [requires_chromium, pytest.mark.browser]
PASSWORD = "password-1505"


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('button[type="submit"]')
    page.wait_for_url(f"{base_url}/admin/")


def choose_action(page, button):
    """Click an action of the editor's footer menu, opening the menu if it is folded."""
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def test_release_is_submitted_and_approved_in_the_admin(
    transactional_db, live_server, desktop_page
):
    make_locales()
    # The live server's transactional tests empty the database after each other, taking the
    # root collection that migrations made; roles give collection permissions on it.
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    news = NewsIndexPageFactory(parent=make_site_tree()["ka"])
    roles.setup_editorial()
    specialist = staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    staff_user("head", roles.HEAD_OF_PR)
    staff_user("director", roles.DIRECTORS_OFFICE)
    for user in type(specialist).objects.all():
        user.set_password(PASSWORD)
        user.save()
    embargo = (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    release = PressReleasePageFactory(
        parent=news, live=False, owner=specialist, title="ახალი პროგრამა", embargo_until=embargo
    )
    release.save_revision(user=specialist)
    page, base = desktop_page, live_server.url
    edit_url = f"{base}/admin/pages/{release.pk}/edit/"

    # The specialist submits: no Publish button is offered to them.
    log_in(page, base, "specialist")
    page.goto(edit_url)
    assert page.locator('button[name="action-publish"]').count() == 0
    choose_action(page, page.locator('button[name="action-submit"]'))
    page.wait_for_url(lambda url: url != edit_url)
    state = WorkflowState.objects.get(object_id=str(release.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == roles.HEAD_REVIEW_TASK

    # The head of division approves in the editor.
    log_in(page, base, "head")
    page.goto(edit_url)
    choose_action(page, page.locator('[data-workflow-action-name="approve"]').first)
    page.wait_for_url(lambda url: url != edit_url)
    state.refresh_from_db()
    assert state.current_task_state.task.name == roles.DIRECTOR_APPROVAL_TASK

    # The Director's Office approves: the release is scheduled for the embargo time.
    log_in(page, base, "director")
    page.goto(edit_url)
    choose_action(page, page.locator('[data-workflow-action-name="approve"]').first)
    page.wait_for_url(lambda url: url != edit_url)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    release.refresh_from_db()
    assert not release.live
    assert release.get_latest_revision().approved_go_live_at == embargo
