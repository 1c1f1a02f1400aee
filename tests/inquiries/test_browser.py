"""In Chromium: the public request form with JavaScript off in Georgian and English (errors,
then a reference number), axe-core finding no WCAG 2.2 AA violation on the form, its error
state and its receipt; Public Reception answers a request in the Georgian admin and the
citizen's e-mail is in the citizen's language."""

import pytest
from django.core import mail

from inquiries.factories import CONSENT_EN, InquiryFactory, InquiryFormPageFactory
from inquiries.models import Inquiry, InquirySettings
from inquiries.roles import PUBLIC_RECEPTION
from press import roles
from tests.browser import axe_violations, requires_chromium
from tests.desk import log_in, member, prepare_live_database, save_in_editor
from tests.utils import translate

pytestmark = [requires_chromium, pytest.mark.browser]

TEXTS = {
    "ka": {"errors": "გთხოვთ, გაასწოროთ შემდეგი", "received": "თქვენი მიმართვა მიღებულია"},
    "en": {"errors": "Please correct the following", "received": "Your request has been received"},
}


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def submit(page):
    with page.expect_navigation():
        page.locator("form.inquiry-form button[type='submit']").click()


def fill_in(page, language):
    page.locator("input[name='request_type']").first.check()
    page.fill("#id_name", "ნინო ბერიძე" if language == "ka" else "John Smith")
    page.fill("#id_email", f"{language}@example.ge")
    page.fill(
        "#id_message",
        "გთხოვთ, მომაწოდოთ ინფორმაცია." if language == "ka" else "Please send me the figures.",
    )
    page.check("#id_consent")


def test_form_works_without_javascript_and_passes_axe_in_both_languages(
    transactional_db, live_server, no_js_page, desktop_page
):
    homes = prepare_live_database()
    config = InquirySettings.load()
    config.submissions_per_hour = 10  # every request of this test comes from 127.0.0.1
    config.save()
    ka = InquiryFormPageFactory(parent=homes["ka"], slug="mimartva")
    en = translate(
        ka,
        homes["en"].locale,
        title="Contact the agency",
        slug="contact-form",
        consent_text=CONSENT_EN,
    )
    for language, form_page in (("ka", ka), ("en", en)):
        url = live_server.url + form_page.url
        # JavaScript off, on a 320 px phone: errors in the page's language, then a receipt.
        page = no_js_page
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == language
        assert no_horizontal_scroll(page)
        submit(page)
        assert TEXTS[language]["errors"] in page.content()
        assert no_horizontal_scroll(page)
        assert Inquiry.objects.filter(language=language).count() == 0
        fill_in(page, language)
        submit(page)
        inquiry = Inquiry.objects.get(language=language)
        assert TEXTS[language]["received"] in page.content()
        assert inquiry.reference in page.locator(".inquiry-receipt__number").inner_text()

        # axe-core (it needs JavaScript): the form, its error state and the receipt.
        page = desktop_page
        page.goto(url)
        assert axe_violations(page) == []
        submit(page)
        assert TEXTS[language]["errors"] in page.content()
        assert axe_violations(page) == []
        fill_in(page, language)
        page.fill("#id_email", "")
        submit(page)
        assert TEXTS[language]["received"] in page.content()
        assert axe_violations(page) == []
    assert sorted(message.to[0] for message in mail.outbox) == ["en@example.ge", "ka@example.ge"]


def test_public_reception_answers_in_the_citizens_language(
    transactional_db, live_server, desktop_page
):
    prepare_live_database()
    roles.setup_editorial()
    reception = member("reception", PUBLIC_RECEPTION)  # Georgian admin
    inquiry = InquiryFactory(
        language="en",
        name="John Smith",
        email="john@example.com",
        message="When is my pension paid?",
    )
    page, base = desktop_page, live_server.url
    log_in(page, base, reception)
    page.goto(f"{base}/admin/snippets/inquiries/inquiry/")
    assert page.locator("html").get_attribute("lang") == "ka"
    assert inquiry.reference in page.locator("main").inner_text()
    page.goto(f"{base}/admin/snippets/inquiries/inquiry/edit/{inquiry.pk}/")
    page.select_option("#id_assignee", str(reception.pk))
    page.fill("#id_reply_text", "Pensions are paid in the first week of each month.")
    page.select_option("#id_close_with_reply", "answered")
    save_in_editor(page)
    inquiry.refresh_from_db()
    assert inquiry.status == "closed" and inquiry.outcome == "answered"
    reply = mail.outbox[-1]
    assert reply.to == ["john@example.com"]
    assert reply.subject.startswith("Answer to your request")
    assert "Dear John Smith" in reply.body and "first week of each month" in reply.body
    # The Georgian admin confirms in Georgian.
    assert "პასუხი გაეგზავნა" in page.content()
