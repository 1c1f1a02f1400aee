"""In Chromium, in the Georgian admin: a specialist registers an item, assigns it and uploads
the reply; the Director's Office approves it; the specialist marks it sent."""

import pytest

from correspondence.factories import UnitFactory
from correspondence.models import CorrespondenceItem
from press import roles
from tests.browser import requires_chromium
from tests.desk import log_in, member, prepare_live_database, save_in_editor

pytestmark = [requires_chromium, pytest.mark.browser]


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ka-GE")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def choose_step(page, step):
    page.locator(f"input[name='transition'][value='{step}']").check()


def test_item_is_registered_and_followed_to_sent(transactional_db, live_server, desktop_page):
    prepare_live_database()
    roles.setup_editorial()
    specialist = member("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    director = member("director", roles.DIRECTORS_OFFICE)
    unit = UnitFactory(name="სოციალური დახმარების დეპარტამენტი")
    page, base = desktop_page, live_server.url

    log_in(page, base, specialist)
    page.goto(f"{base}/admin/snippets/correspondence/correspondenceitem/add/")
    assert page.locator("html").get_attribute("lang") == "ka"
    page.fill("#id_received_at", "2026-04-08 12:00")
    page.select_option("#id_channel", "post")
    page.fill("#id_sender_organisation", "სახალხო დამცველის აპარატი")
    page.fill("#id_subject", "ინფორმაცია პენსიების შესახებ")
    save_in_editor(page)
    item = CorrespondenceItem.objects.get()
    assert item.status == "registered" and item.number == "2026/00001"
    edit_url = f"{base}/admin/snippets/correspondence/correspondenceitem/edit/{item.pk}/"

    page.goto(edit_url)
    page.select_option("#id_unit", str(unit.pk))
    page.select_option("#id_assignee", str(specialist.pk))
    choose_step(page, "assign")
    save_in_editor(page)
    page.goto(edit_url)
    page.set_input_files(
        "#id_reply_document",
        files=[{"name": "pasukhi.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 reply"}],
    )
    choose_step(page, "draft")
    save_in_editor(page)
    item.refresh_from_db()
    assert item.status == "drafted"

    log_in(page, base, director)
    page.goto(edit_url)
    choose_step(page, "approve")
    save_in_editor(page)
    item.refresh_from_db()
    assert item.status == "approved" and item.approved_by == director

    log_in(page, base, specialist)
    page.goto(edit_url)
    assert page.locator("input[name='transition'][value='approve']").count() == 0
    choose_step(page, "send")
    save_in_editor(page)
    item.refresh_from_db()
    assert item.status == "sent"
    # The register's listing shows it as sent, in Georgian.
    page.goto(f"{base}/admin/snippets/correspondence/correspondenceitem/")
    assert "გაგზავნილი" in page.locator("main").inner_text()
