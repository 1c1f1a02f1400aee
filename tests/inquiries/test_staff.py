"""Public Reception's side: only its group sees requests (listing, search, inspect, edit,
export, history report); replies go by e-mail in the citizen's language and are logged;
closing with an outcome; anonymisation after the configured period; the statistics."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from helpers import dates
from inquiries.factories import InquiryFactory, request_type
from inquiries.models import ANONYMISED, Inquiry, InquirySettings
from inquiries.roles import PUBLIC_RECEPTION
from inquiries.statistics import year_statistics
from offices.factories import OfficeIndexPageFactory, OfficePageFactory
from press import roles
from tests.desk import admin_form_data, member, setup_roles

LIST_URL = reverse("wagtailsnippets_inquiries_inquiry:list")
SECRET_NAME = "ზურაბ საიდუმლოშვილი"


def edit_url(inquiry):
    return reverse("wagtailsnippets_inquiries_inquiry:edit", args=[inquiry.pk])


def inspect_url(inquiry):
    return reverse("wagtailsnippets_inquiries_inquiry:inspect", args=[inquiry.pk])


@pytest.fixture
def desk(home_pages):
    index = OfficeIndexPageFactory(parent=home_pages["ka"])
    OfficePageFactory(parent=index, title="ქუთაისის ერთეული")
    return setup_roles()


def other_groups(groups):
    return [name for name in groups if name != PUBLIC_RECEPTION]


def test_only_public_reception_sees_requests(client, desk):
    inquiry = InquiryFactory(name=SECRET_NAME, email="secret@example.ge")
    urls = [
        LIST_URL,
        LIST_URL + "?q=საიდუმლოშვილი",
        LIST_URL + "?export=csv",
        inspect_url(inquiry),
        edit_url(inquiry),
        reverse("wagtailsnippets_inquiries_inquiry:history", args=[inquiry.pk]),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_home"),
        "/admin/search/?q=საიდუმლოშვილი",
        reverse("wagtailsnippets:index"),
    ]
    groups = other_groups(desk)
    assert len(groups) >= 8  # the editorial roles, Staff, and the office's group
    for number, group in enumerate(groups):
        client.force_login(member(f"user-{number}", group))
        for url in urls:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert SECRET_NAME.encode() not in body, (group, url)
            assert b"secret@example.ge" not in body, (group, url)
            if url.startswith(LIST_URL) or "/inquiries/" in url:
                assert response.status_code in (302, 403), (group, url)

    client.force_login(member("reception", PUBLIC_RECEPTION))
    response = client.get(LIST_URL, {"q": "საიდუმლოშვილი"})
    assert list(response.context["object_list"]) == [inquiry]
    assert SECRET_NAME in client.get(inspect_url(inquiry)).content.decode()


def test_export_of_personal_data_is_in_the_audit_log(client, desk):
    inquiry = InquiryFactory(name="=cmd|' /C calc'!A0")
    client.force_login(member("reception", PUBLIC_RECEPTION))
    response = client.get(LIST_URL, {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "'=cmd" in body
    entry = ModelLogEntry.objects.get(action="inquiries.export", object_id=str(inquiry.pk))
    assert entry.user.username == "reception" and entry.data["format"] == "csv"


def test_reply_goes_in_the_citizens_language_and_closes_the_request(client, desk):
    reception = member("reception", PUBLIC_RECEPTION)  # a Georgian admin
    inquiry = InquiryFactory(language="en", name="John Smith", email="john@example.com")
    client.force_login(reception)
    data = admin_form_data(
        client,
        edit_url(inquiry),
        assignee=str(reception.pk),
        reply_text="The statistics you asked for are attached to our website's page.",
        close_with_reply="answered",
    )
    response = client.post(edit_url(inquiry), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.CLOSED and inquiry.outcome == "answered"
    assert inquiry.answered_on_time is True
    message = mail.outbox[-1]
    assert message.to == ["john@example.com"]
    assert inquiry.reference in message.subject and "Answer to your request" in message.subject
    assert "Dear John Smith" in message.body and "The statistics you asked for" in message.body
    reply = inquiry.replies.get()
    assert reply.delivered and reply.sent_by == reception
    assert ModelLogEntry.objects.filter(
        action="inquiries.reply", object_id=str(inquiry.pk)
    ).exists()


def test_refusal_needs_its_legal_ground(client, desk):
    inquiry = InquiryFactory()
    client.force_login(member("reception", PUBLIC_RECEPTION))
    response = client.post(
        edit_url(inquiry), admin_form_data(client, edit_url(inquiry), outcome="refused")
    )
    assert response.status_code == 200
    inquiry.refresh_from_db()
    assert inquiry.status != Inquiry.Status.CLOSED


def test_requests_are_anonymised_after_the_configured_period(desk):
    config = InquirySettings.load()
    config.anonymise_after_days = 30
    config.save()
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=dates.TBILISI), tick=False):
        inquiry = InquiryFactory(name=SECRET_NAME, email="secret@example.ge", phone="599 12 34 56")
        inquiry.outcome = Inquiry.Outcome.ANSWERED
        inquiry.save()
        inquiry.replies.create(
            text=f"პატივცემულო {SECRET_NAME}", email=inquiry.email, language="ka"
        )
        still_open = InquiryFactory(name="ღია მიმართვა")
    with time_machine.travel(datetime.datetime(2026, 3, 20, 10, tzinfo=dates.TBILISI), tick=False):
        call_command("anonymise_inquiries", stdout=open("/dev/null", "w"))
        inquiry.refresh_from_db()
        assert inquiry.name == SECRET_NAME  # not yet: 18 days
    with time_machine.travel(datetime.datetime(2026, 4, 2, 10, tzinfo=dates.TBILISI), tick=False):
        call_command("anonymise_inquiries", stdout=open("/dev/null", "w"))
    inquiry.refresh_from_db()
    still_open.refresh_from_db()
    assert inquiry.name == ANONYMISED and inquiry.message == ANONYMISED
    assert inquiry.email == "" and inquiry.phone == "" and inquiry.anonymised_at
    assert inquiry.replies.get().text == ANONYMISED
    assert still_open.name == "ღია მიმართვა"  # open requests are kept until answered
    # What the statistics count stays; the audit log keeps no personal data.
    assert inquiry.outcome == "answered" and inquiry.request_type_id
    assert ModelLogEntry.objects.filter(
        action="inquiries.anonymise", object_id=str(inquiry.pk)
    ).exists()
    for entry in ModelLogEntry.objects.filter(object_id=str(inquiry.pk)):
        assert SECRET_NAME not in f"{entry.label} {entry.data}"


def test_statistics_count_by_month_type_outcome_and_time(client, desk):
    public_information = request_type("public_information")
    with time_machine.travel(datetime.datetime(2026, 1, 12, 10, tzinfo=dates.TBILISI), tick=False):
        on_time = InquiryFactory(request_type=public_information)
        late = InquiryFactory()
    on_time.outcome = "answered"
    on_time.closed_at = None
    with time_machine.travel(datetime.datetime(2026, 1, 15, 10, tzinfo=dates.TBILISI), tick=False):
        on_time.save()
    with time_machine.travel(datetime.datetime(2026, 3, 1, 10, tzinfo=dates.TBILISI), tick=False):
        late.outcome = "partly"
        late.save()
        InquiryFactory(request_type=request_type("complaint"))
    stats = year_statistics(2026)
    january = stats.months[0]
    assert january[0] == 1 and january[2] == 2
    assert january[1] == {"public_information": 1, "question": 1}
    assert stats.by_outcome == {"answered": 1, "partly": 1}
    assert stats.on_time_share == 50  # the question was closed after its month
    client.force_login(member("director", roles.DIRECTORS_OFFICE))
    page = client.get(reverse("inquiries_statistics"), {"year": "2026"})
    assert page.status_code == 200
    csv = client.get(reverse("inquiries_statistics"), {"year": "2026", "export": "csv"})
    assert "50" in csv.content.decode()
    client.force_login(member("analyst", roles.ANALYSTS))
    assert client.get(reverse("inquiries_statistics")).status_code in (302, 403)
