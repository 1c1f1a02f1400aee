"""The public request form: a valid request gets a reference number on screen and by
e-mail; bad input gets clear errors in the visitor's language and stores nothing; a
honeypot and a limit per address instead of a captcha; never cached."""

import pytest
from django.core import mail

from inquiries.defaults import ensure_default_request_types
from inquiries.models import Inquiry, InquirySettings, RequestType

pytestmark = pytest.mark.django_db


def valid_data(**changes):
    ensure_default_request_types()
    data = {
        "request_type": str(RequestType.objects.get(kind="public_information").pk),
        "name": "ნინო ბერიძე",
        "email": "nino@example.ge",
        "phone": "",
        "address": "",
        "message": "გთხოვთ, მომაწოდოთ 2025 წლის სოციალური დახმარების სტატისტიკა.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_request_gets_a_reference_on_screen_and_by_email(client, form_pages):
    url = form_pages["ka"].url
    response = client.post(url, valid_data())
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    inquiry = Inquiry.objects.get()
    assert inquiry.reference.startswith("SSA-") and inquiry.language == "ka"
    assert inquiry.due_date is not None
    receipt = client.get(response["Location"])
    page = receipt.content.decode()
    assert inquiry.reference in page
    assert "no-store" in receipt["Cache-Control"]
    assert len(mail.outbox) == 1
    assert inquiry.reference in mail.outbox[0].subject + mail.outbox[0].body
    assert mail.outbox[0].to == ["nino@example.ge"]
    assert "მიმართვა" in mail.outbox[0].body  # Georgian, the page's language


def test_english_request_is_acknowledged_in_english(client, form_pages):
    client.post(form_pages["en"].url, valid_data(name="John Smith", email="john@example.com"))
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "en"
    assert "We have received your request" in mail.outbox[0].body


def test_the_form_page_is_never_cached(client, form_pages):
    response = client.get(form_pages["ka"].url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


BAD_INPUT = {
    "empty": {key: "" for key in ("request_type", "name", "email", "message", "consent")},
    "too long": {"message": "ა" * 100_000},
    "script tags": {"message": "<script>alert(1)</script>"},
    "markup in the name": {"name": '<img src=x onerror="alert(1)">'},
    "invalid e-mail": {"email": "nino@@example"},
    "no consent": {"consent": None},
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
@pytest.mark.parametrize(
    ("language", "expected"),
    [("ka", "გთხოვთ, გაასწოროთ"), ("en", "Please correct the following")],
)
def test_bad_input_gets_clear_errors_in_the_visitors_language(
    client, form_pages, case, language, expected
):
    changes = BAD_INPUT[case]
    data = valid_data(**changes) if case != "empty" else {key: "" for key in changes}
    response = client.post(form_pages[language].url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert expected in page
    assert 'role="alert"' in page and 'aria-invalid="true"' in page or case == "no consent"
    assert "<script>alert(1)</script>" not in page
    assert Inquiry.objects.count() == 0
    assert mail.outbox == []


def test_error_messages_name_the_problem(client, form_pages):
    response = client.post(form_pages["en"].url, valid_data(message="ა" * 100_000))
    assert "at most 5000 characters (you wrote 100000)" in response.content.decode()
    response = client.post(form_pages["en"].url, valid_data(message="<script>x</script>"))
    assert "does not accept HTML tags" in response.content.decode()
    response = client.post(form_pages["ka"].url, valid_data(email="nino@@example"))
    assert "name@example.ge" in response.content.decode()


def test_the_honeypot_stores_nothing(client, form_pages):
    response = client.post(form_pages["ka"].url, valid_data(website="http://spam.example"))
    assert response.status_code == 200
    assert Inquiry.objects.count() == 0


def test_repeated_submissions_from_one_address_are_refused(client, form_pages):
    url = form_pages["en"].url
    limit = InquirySettings.load().submissions_per_hour
    for number in range(limit):
        response = client.post(url, valid_data(message=f"Question number {number}", email=""))
        assert response.status_code == 302
    response = client.post(url, valid_data(message="One too many", email=""))
    assert response.status_code == 429
    assert "Please wait an hour" in response.content.decode()
    assert Inquiry.objects.count() == limit
    # Another address is not held up by this one.
    response = client.post(
        url, valid_data(message="Another person", email=""), REMOTE_ADDR="192.0.2.7"
    )
    assert response.status_code == 302


def test_repeated_submissions_with_one_email_are_refused(client, form_pages):
    url = form_pages["ka"].url
    limit = InquirySettings.load().submissions_per_hour
    for number in range(limit):
        client.post(url, valid_data(message=f"კითხვა {number}"), REMOTE_ADDR=f"192.0.2.{number}")
    response = client.post(url, valid_data(message="კიდევ ერთი"), REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 429
    assert "ერთ საათს" in response.content.decode()
    assert Inquiry.objects.count() == limit


def test_a_forged_receipt_shows_nothing(client, form_pages):
    response = client.get(form_pages["ka"].url, {"receipt": "SSA-2026-00001"})
    assert response.status_code == 200
    assert "SSA-2026-00001" not in response.content.decode()


def test_personal_data_request_needs_a_way_to_answer(client, form_pages):
    ensure_default_request_types()
    kind = RequestType.objects.get(kind="personal_data")
    response = client.post(
        form_pages["en"].url, valid_data(request_type=str(kind.pk), email="", address="")
    )
    assert "needs an e-mail or a postal address" in response.content.decode()
    assert Inquiry.objects.count() == 0
