"""The staff section is for the Staff group only: page privacy is added by itself, the pages
fail closed without it, and the document templates need a staff login to download."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import BaseViewRestriction, PageViewRestriction

from media_archive.factories import ArchiveDocumentFactory
from staff.access import STAFF_GROUP_NAME, private_collection, staff_group
from staff.factories import (
    CaseworkModulePageFactory,
    CaseworkSystemFactory,
    PrivateDocumentFactory,
    StaffIndexPageFactory,
)
from tests.utils import translate

CANARY = "CANARY-staff-7f3a"


@pytest.fixture
def staff_section(home_pages, locales):
    index = StaffIndexPageFactory(parent=home_pages["ka"], title="თანამშრომლებისთვის")
    document = PrivateDocumentFactory(title=f"შაბლონი {CANARY}")
    system = CaseworkSystemFactory(name_ka="დეს", name_en="DES", url="https://des.example.ge/")
    module = CaseworkModulePageFactory(
        parent=index,
        title="შვილად აყვანა",
        intro=f"პროცედურა {CANARY}",
        procedure=[
            ("step", {"title": "რეგისტრაცია", "description": "<p>ა</p>", "responsible": ""})
        ],
        document_templates=[("template", {"document": document, "title": "", "description": ""})],
    )
    module.casework_systems.set([system])
    module.save_revision().publish()
    english_index = translate(index, locales["en"], title="For staff", slug="for-staff")
    return {"index": index, "module": module, "document": document, "en_index": english_index}


def _user(client, *, staff):
    user = get_user_model().objects.create_user("worker", password="pw-12345-long")
    if staff:
        user.groups.add(staff_group())
    client.force_login(user)
    return user


def test_section_is_restricted_to_the_staff_group_in_every_language(staff_section):
    for index in (staff_section["index"], staff_section["en_index"]):
        restriction = PageViewRestriction.objects.get(page=index)
        assert restriction.restriction_type == BaseViewRestriction.GROUPS
        assert list(restriction.groups.values_list("name", flat=True)) == [STAFF_GROUP_NAME]
    assert not staff_section["index"].show_in_menus


def test_anonymous_visitors_are_sent_to_log_in(client, staff_section):
    response = client.get(staff_section["module"].url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    login = client.get(response["Location"])
    assert login.status_code == 200
    html = login.content.decode()
    assert CANARY not in html
    assert 'autocomplete="current-password"' in html


def test_logged_in_non_staff_cannot_read_it(client, staff_section):
    _user(client, staff=False)
    response = client.get(staff_section["module"].url)
    assert response.status_code == 302


def test_staff_read_the_module_with_its_templates_and_systems(client, staff_section):
    _user(client, staff=True)
    response = client.get(staff_section["module"].url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    assert CANARY in html
    assert staff_section["document"].url in html
    assert 'href="https://des.example.ge/"' in html
    index = client.get(staff_section["index"].url).content.decode()
    assert staff_section["module"].title in index


def test_pages_fail_closed_when_the_privacy_setting_is_removed(client, staff_section):
    PageViewRestriction.objects.filter(page=staff_section["index"]).delete()
    _user(client, staff=True)
    assert client.get(staff_section["module"].url).status_code == 404
    assert client.get(staff_section["index"].url).status_code == 404


def test_document_templates_download_only_for_staff(client, staff_section):
    url = staff_section["document"].url
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]
    _user(client, staff=True)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_private_collection_is_made_once(db):
    assert private_collection().pk == private_collection().pk
    assert staff_group().pk == staff_group().pk


def test_a_template_from_a_public_collection_is_refused(db):
    from staff.blocks import DocumentTemplateBlock

    block = DocumentTemplateBlock()
    public_document = ArchiveDocumentFactory()
    with pytest.raises(Exception) as error:
        block.clean(block.to_python({"document": public_document.pk, "title": ""}))
    assert "document" in error.value.block_errors
    block.clean(block.to_python({"document": PrivateDocumentFactory().pk, "title": ""}))
