"""The gallery in Chromium: two columns and folded filters on a 320 px phone with nothing
scrolling sideways, the filters beside a grid of several columns on a desktop, no axe
violation; the English page marks Georgian catalogue text."""

import pytest

from media_archive.factories import ArchiveImageFactory
from media_archive.models import ArchiveGalleryPage
from tests.browser import axe_violations, requires_chromium

pytestmark = [requires_chromium, pytest.mark.browser]

COLUMNS = """() => getComputedStyle(document.querySelector('.archive-results__list'))
    .gridTemplateColumns.split(' ').length"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def gallery(transactional_db, home_pages):
    for number in range(6):
        ArchiveImageFactory(
            title=f"photo-{number}",
            caption_ka=f"ძალიან გრძელი ქართული წარწერა ნომერი {number} ღონისძიებიდან",
            event_name="სოციალური მომსახურების სააგენტოს ყოველწლიური კონფერენცია",
            credit="ნინო ბერიძე",
            make_renditions=number % 2 == 0,
        )
    page = ArchiveGalleryPage(title="ფოტოარქივი", slug="photo-archive")
    home_pages["ka"].add_child(instance=page)
    return page


def test_phone_has_two_columns_folded_filters_and_no_sideways_scroll(browser, live_server, gallery):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + gallery.url)
    assert page.evaluate(COLUMNS) == 2
    assert page.evaluate(OVERFLOW) <= 0
    assert not page.locator("[data-archive-filters]").evaluate("d => d.open")
    assert not page.locator("#archive-facets-heading").is_visible()
    page.locator("[data-archive-filters] > summary").click()
    assert page.locator("#archive-facets-heading").is_visible()
    assert axe_violations(page) == []
    context.close()


def test_desktop_has_the_filters_beside_a_grid(browser, live_server, gallery):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + gallery.url)
    assert page.evaluate(COLUMNS) >= 3
    assert page.locator("#archive-facets-heading").is_visible()
    assert axe_violations(page) == []
    context.close()
