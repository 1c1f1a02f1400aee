"""In Chromium, in the Georgian admin: the Kutaisi office's editor changes its hours and
posts a temporary notice, submits it to Standard review, and cannot open Batumi's page."""

import datetime

import pytest
from wagtail.models import WorkflowState

from offices.factories import OfficeIndexPageFactory, OfficePageFactory
from offices.models import OfficePage
from press import roles
from tests.browser import requires_chromium
from tests.desk import log_in, member, prepare_live_database

pytestmark = [requires_chromium, pytest.mark.browser]


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def test_office_editor_updates_its_office_only(transactional_db, live_server, desktop_page):
    homes = prepare_live_database()
    index = OfficeIndexPageFactory(parent=homes["ka"])
    kutaisi = OfficePageFactory(parent=index, title="ქუთაისის ერთეული")
    batumi = OfficePageFactory(parent=index, title="ბათუმის ერთეული")
    roles.setup_editorial()
    kutaisi.refresh_from_db()
    editor = member("kutaisi", kutaisi.editors_group.name)
    page, base = desktop_page, live_server.url
    edit_url = f"{base}/admin/pages/{kutaisi.pk}/edit/"

    log_in(page, base, editor)
    page.goto(edit_url)
    assert page.locator("html").get_attribute("lang") == "ka"
    # Friday closes early; a notice for a closure.
    page.fill("#id_opening_hours-4-closes", "16:00")
    page.fill("#id_notice_title", "დაკეტილია რემონტის გამო")
    page.fill("#id_notice_text", "მიმართეთ წყალტუბოს ერთეულს.")
    page.fill("#id_notice_from", "2026-06-01")
    page.fill("#id_notice_until", "2026-06-10")
    assert page.locator("button[name='action-publish']").count() == 0
    submit = page.locator("button[name='action-submit']")
    if not submit.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        submit.click()
    state = WorkflowState.objects.get(object_id=str(kutaisi.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == roles.STANDARD_WORKFLOW
    draft = OfficePage.objects.get(pk=kutaisi.pk).get_latest_revision_as_object()
    assert draft.notice_title == "დაკეტილია რემონტის გამო"
    assert draft.notice_until == datetime.date(2026, 6, 10)
    assert draft.opening_hours.all()[4].closes == datetime.time(16)
    assert not OfficePage.objects.get(pk=kutaisi.pk).notice_title  # live page unchanged

    # Batumi's page is not theirs: the admin sends them away.
    batumi_url = f"{base}/admin/pages/{batumi.pk}/edit/"
    page.goto(batumi_url)
    assert page.url != batumi_url
    assert page.locator("#id_notice_title").count() == 0
