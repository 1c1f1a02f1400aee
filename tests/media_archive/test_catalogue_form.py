"""The image edit form in the catalogue's sections, as the archive's staff see it in the
Georgian admin; saving it still writes every field."""

import datetime
import re
import zoneinfo

import pytest

from media_archive.catalogue_sections import SECTIONS
from media_archive.factories import ArchiveImageFactory
from media_archive.models import ArchiveImage
from tests.media_archive.archive_staff import archivist

TBILISI = zoneinfo.ZoneInfo("Asia/Tbilisi")


@pytest.fixture
def staff(client, db):
    client.force_login(archivist())
    return client


def section_html(html, key):
    match = re.search(
        rf'<fieldset class="archive-catalogue-section[^"]*" id="catalogue-section-{key}">'
        r"(.*?)</fieldset>",
        html,
        re.S,
    )
    assert match, key
    return match.group(1)


@pytest.mark.django_db
def test_the_edit_form_is_in_four_georgian_sections_each_field_in_its_own(staff):
    image = ArchiveImageFactory(
        retention_years=10, date_taken=datetime.datetime(2020, 3, 1, 12, tzinfo=TBILISI)
    )
    html = staff.get(f"/admin/images/{image.pk}/").content.decode()

    legends = re.findall(r'<legend class="w-h3 w-mb-4">(.*?)</legend>', html)
    assert legends == [
        "აღწერა",
        "ადამიანები და თანხმობა",
        "უფლებები და ლიცენზია",
        "არქივი და შენახვა",
    ]
    expected = {
        "description": ["caption_ka", "date_taken", "credit", "place_name", "tags"],
        "people": ["people_shown", "minors_shown", "consent_status", "consent_document"],
        "rights": ["rights_kind", "licence", "rights_expiry", "sensitivity"],
        "archive": ["file_plan_code", "retention_years", "near_duplicate_of"],
    }
    for key, names in expected.items():
        part = section_html(html, key)
        for name in names:
            assert f'name="{name}"' in part, (key, name)
    # The date the retention ends, computed, shown with the retention fields.
    assert "1 მარტი, 2030" in section_html(html, "archive")


@pytest.mark.django_db
def test_every_field_of_the_form_is_in_some_section():
    from wagtail.images.forms import get_image_form

    form = get_image_form(ArchiveImage)(instance=ArchiveImageFactory())
    from media_archive.catalogue_sections import sections_of

    placed = [field.name for _key, _title, fields in sections_of(form) for field in fields]
    assert sorted(placed) == sorted(field.name for field in form.visible_fields())
    named = {name for _key, _title, names in SECTIONS for name in names}
    assert {field.name for field in form.visible_fields()} - named == set()


@pytest.mark.django_db
def test_the_sectioned_form_still_saves(staff):
    image = ArchiveImageFactory(title="შესანახი")
    url = f"/admin/images/{image.pk}/"
    data = admin_form_data_for_image(staff, url)
    data["caption_ka"] = "ახალი წარწერა"
    data["file_plan_code"] = "02-11"
    response = staff.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    image.refresh_from_db()
    assert (image.caption_ka, image.file_plan_code) == ("ახალი წარწერა", "02-11")


def admin_form_data_for_image(client, url):
    from bs4 import BeautifulSoup

    html = client.get(url).content.decode()
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"method": "POST"}) or (
        BeautifulSoup(html, "html.parser").find("form", attrs={"method": "post"})
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("file", "submit"):
            continue
        if field.name == "textarea":
            data[name] = field.text.lstrip("\n")
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data
