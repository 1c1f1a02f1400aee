"""The correspondence register: yearly numbers that restart on 1 January, due dates in
Georgian working days, the status steps and who may take them, every change in the audit
log, private attachments, overdue list, reminders and a spreadsheet-safe export."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from correspondence.factories import CorrespondenceItemFactory, UnitFactory
from correspondence.models import Attachment, CorrespondenceItem, CorrespondenceSettings
from correspondence.reminders import send_reminders
from helpers import dates
from press import roles
from tests.desk import admin_form_data, member

Status = CorrespondenceItem.Status
LIST_URL = reverse("wagtailsnippets_correspondence_correspondenceitem:list")
ADD_URL = reverse("wagtailsnippets_correspondence_correspondenceitem:add")


def edit_url(item):
    return reverse("wagtailsnippets_correspondence_correspondenceitem:edit", args=[item.pk])


def tbilisi(*args):
    return datetime.datetime(*args, tzinfo=dates.TBILISI)


@pytest.mark.django_db
def test_numbers_restart_at_the_new_year():
    late = [CorrespondenceItemFactory(received_at=tbilisi(2026, 12, 31, 23, 30)) for _ in range(2)]
    # 20:10 UTC on 31 December is already 1 January in Tbilisi.
    first_of_new_year = CorrespondenceItemFactory(
        received_at=datetime.datetime(2026, 12, 31, 20, 10, tzinfo=datetime.UTC)
    )
    assert [item.number for item in late] == ["2026/00001", "2026/00002"]
    assert first_of_new_year.number == "2027/00001"
    # Received late on 31 December: ten working days from Monday 4 January 2027, past
    # Orthodox Christmas (7 January) and Epiphany (19 January).
    assert late[0].due_date == datetime.date(2027, 1, 20)


@pytest.mark.django_db
def test_number_format_and_period_are_configurable():
    config = CorrespondenceSettings.load()
    config.number_format = "დ-{year}-{number}"
    config.reply_working_days = 5
    config.save()
    item = CorrespondenceItemFactory(received_at=tbilisi(2026, 4, 8, 12, 0))
    assert item.number == "დ-2026-1"
    # Easter 2026 and Unity Day: five working days from 8 April end on 20 April.
    assert item.due_date == datetime.date(2026, 4, 20)


@pytest.mark.django_db
def test_a_bad_number_format_is_refused():
    from django.core.exceptions import ValidationError

    from correspondence.models import validate_number_format

    for bad in ("{year}", "{yaer}/{number}", "{number:q}"):
        with pytest.raises(ValidationError):
            validate_number_format(bad)


def _advance(client, item, step, **fields):
    data = admin_form_data(client, edit_url(item), transition=step, **fields)
    return client.post(edit_url(item), data)


def test_item_goes_from_registered_to_sent_through_the_roles(client, desk):
    specialist = member("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    director = member("director", roles.DIRECTORS_OFFICE)
    unit = UnitFactory(name="სოციალური დახმარების დეპარტამენტი")

    # The specialist registers an item from the admin form.
    client.force_login(specialist)
    data = admin_form_data(
        client,
        ADD_URL,
        channel="post",
        sender_organisation="სახალხო დამცველის აპარატი",
        subject="ინფორმაცია პენსიების შესახებ",
    )
    data["received_at"] = "2026-04-08 12:00"
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    item = CorrespondenceItem.objects.get()
    assert item.status == Status.REGISTERED and item.number.startswith("2026/")

    # Assigning needs a unit or a person.
    response = _advance(client, item, "assign")
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == Status.REGISTERED
    _advance(client, item, "assign", unit=str(unit.pk), assignee=str(specialist.pk))
    item.refresh_from_db()
    assert item.status == Status.ASSIGNED

    # "Reply drafted" needs the reply document.
    _advance(client, item, "draft")
    item.refresh_from_db()
    assert item.status == Status.ASSIGNED
    data = admin_form_data(client, edit_url(item), transition="draft")
    data["reply_document"] = SimpleUploadedFile("pasukhi.pdf", b"%PDF-1.4 reply", "application/pdf")
    client.post(edit_url(item), data)
    item.refresh_from_db()
    assert item.status == Status.DRAFTED and item.reply_document

    # The specialist may not approve; the step is not even offered.
    page = client.get(edit_url(item)).content.decode()
    assert 'value="approve"' not in page
    _advance(client, item, "approve")
    item.refresh_from_db()
    assert item.status == Status.DRAFTED

    # The Director's Office approves.
    client.force_login(director)
    _advance(client, item, "approve")
    item.refresh_from_db()
    assert item.status == Status.APPROVED and item.approved_by == director

    # The specialist sends it.
    client.force_login(specialist)
    _advance(client, item, "send")
    item.refresh_from_db()
    assert item.status == Status.SENT and item.sent_at is not None

    changes = [
        (entry.data["from"], entry.data["to"])
        for entry in ModelLogEntry.objects.filter(action="correspondence.status").order_by("pk")
    ]
    assert changes == [
        ("registered", "assigned"),
        ("assigned", "drafted"),
        ("drafted", "approved"),
        ("approved", "sent"),
    ]
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(item.pk)).exists()


def test_a_changed_reply_needs_approval_again(client, desk):
    director = member("director", roles.DIRECTORS_OFFICE)
    item = CorrespondenceItemFactory(
        status=Status.APPROVED,
        reply_document=SimpleUploadedFile("v1.pdf", b"%PDF v1"),
        approved_by=director,
    )
    client.force_login(member("senior", roles.SENIOR_SPECIALISTS))
    data = admin_form_data(client, edit_url(item))
    data["reply_document"] = SimpleUploadedFile("v2.pdf", b"%PDF v2", "application/pdf")
    client.post(edit_url(item), data)
    item.refresh_from_db()
    assert item.status == Status.DRAFTED and item.approved_by is None


def test_attachments_are_private_and_their_reading_is_logged(client, desk):
    item = CorrespondenceItemFactory()
    attachment = Attachment.objects.create(
        item=item, file=SimpleUploadedFile("scan.pdf", b"%PDF secret"), description="სკანი"
    )
    url = attachment.file.url
    assert url.startswith("/admin/private-files/correspondence/")
    client.force_login(member("analyst", roles.ANALYSTS))
    refused = client.get(url)
    assert refused.status_code in (302, 403) and not refused.get("Content-Disposition")
    client.force_login(member("specialist", roles.COMMUNICATIONS_SPECIALISTS))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF secret"
    assert "no-store" in response["Cache-Control"]
    assert ModelLogEntry.objects.filter(
        action="correspondence.download", object_id=str(item.pk)
    ).exists()
    # Nothing of it under the public media address.
    assert client.get("/media/" + attachment.file.name).status_code == 404
    assert client.get("/admin/private-files/correspondence/../../etc/passwd").status_code == 404


def test_overdue_filter_and_reminders(client, desk):
    specialist = member("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    today = dates.tbilisi_now().date()
    overdue = CorrespondenceItemFactory(
        assignee=specialist, status=Status.ASSIGNED, due_date=today - datetime.timedelta(days=3)
    )
    later = CorrespondenceItemFactory(
        assignee=specialist, status=Status.ASSIGNED, due_date=today + datetime.timedelta(days=60)
    )
    CorrespondenceItemFactory(status=Status.SENT, due_date=today - datetime.timedelta(days=3))
    client.force_login(specialist)
    response = client.get(LIST_URL, {"overdue": "true"})
    assert list(response.context["object_list"]) == [overdue]

    assert send_reminders(today) == 1
    assert len(mail.outbox) == 1 and overdue.number in mail.outbox[0].body
    assert later.number not in mail.outbox[0].body
    assert "ვადა" in mail.outbox[0].body  # in the assignee's (Georgian) admin language
    assert send_reminders(today) == 0  # once a day


def test_export_neutralises_spreadsheet_formulas(client, desk):
    CorrespondenceItemFactory(subject='=HYPERLINK("http://evil.example","x")')
    client.force_login(member("head", roles.HEAD_OF_PR))
    response = client.get(LIST_URL, {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body
    response = client.get(LIST_URL, {"export": "xlsx"})
    assert response.status_code == 200


def test_the_register_is_closed_to_groups_without_its_rights(client, desk):
    for group in (roles.ANALYSTS, roles.WEB_EDITORS):
        client.force_login(member(f"user-{len(group)}", group))
        assert client.get(LIST_URL).status_code in (302, 403)
