"""Media contacts in the admin: CSV import with every bad row reported by its line in the
editor's Georgian, and an export that imports back unchanged."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from press import roles
from press.factories import ContactListFactory, MediaContactFactory
from press.models import MediaContact
from tests.press.conftest import staff_user
from tests.press.test_contact_import import CSV

IMPORT_URL = "/admin/press/contacts/import/"


def _upload(client, content, name="contacts.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content, "text/csv")})


def _georgian(msgid):
    with translation.override("ka"):
        return translation.gettext(msgid)


def test_senior_specialist_imports_and_sees_each_bad_row_by_line_in_georgian(client, news_section):
    client.force_login(staff_user("senior", roles.SENIOR_SPECIALISTS))
    listing = client.get(reverse("wagtailsnippets_press_mediacontact:list"))
    assert IMPORT_URL in listing.content.decode()
    response = _upload(client, CSV.encode("utf-8-sig"))
    assert response.status_code == 200
    html = response.content.decode()
    for line in (3, 4, 5):
        assert f"<td>{line}</td>" in html
    assert _georgian("the name is missing") in html
    assert _georgian("the name is missing") != "the name is missing"
    assert "anna(at)example.org" in html
    assert MediaContact.objects.count() == 2


def test_export_imports_back_without_change(client, news_section):
    media = ContactListFactory(name="ქართული მედია")
    MediaContactFactory(email="nino@example.ge", lists=[media], topics="პენსიები")
    MediaContactFactory(email="wire@example.org", language="en")
    client.force_login(staff_user("senior", roles.SENIOR_SPECIALISTS))
    exported = client.get(reverse("wagtailsnippets_press_mediacontact:list"), {"export": "csv"})
    assert exported.status_code == 200
    content = b"".join(exported.streaming_content) if exported.streaming else exported.content
    response = _upload(client, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert MediaContact.objects.count() == 2
    nino = MediaContact.objects.get(email="nino@example.ge")
    assert list(nino.lists.values_list("name", flat=True)) == ["ქართული მედია"]
    assert nino.topics == "პენსიები"


def test_import_refuses_a_role_without_contact_editing_and_a_file_that_is_not_utf8(
    client, news_section
):
    client.force_login(staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS))
    refused = _upload(client, CSV.encode())
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    client.force_login(staff_user("senior", roles.SENIOR_SPECIALISTS))
    response = _upload(
        client, "name,email\nნინო,nino@example.ge\n".encode("cp1252", "replace") + b"\xff\xfe\x00"
    )
    assert response.status_code == 200
    assert "UTF-8" in response.content.decode()
    assert not MediaContact.objects.exists()
