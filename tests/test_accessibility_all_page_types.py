"""Every page type of the demo site, in both languages, through axe-core in Chromium: zero
WCAG 2.2 A/AA violations and no request to another host; nothing scrolls sideways at 320 px
(WCAG 1.4.10, which axe does not see); the main menu starts where the header's name does at
390 and 1366 px; every share image answers 200 with an image. Page types come from Wagtail's
registry, so a new page type is checked as soon as the demo has a live public page of it."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, get_page_models

from staff.access import staff_group
from staff.models import CaseworkModulePage, StaffIndexPage
from tests.browser import axe_violations, requires_chromium

pytestmark = [requires_chromium, pytest.mark.browser]

LANGUAGES = ("ka", "en")
# Types the demo must cover in both languages (others' types are checked when they exist).
REQUIRED_TYPES = {"HomePage", "ContentPage", "FAQPage", "ContactPage", "PublicInformationPage"}


def public_page_of_each_type():
    """[(type name, language, url)]: one live public page per concrete type and language."""
    targets = []
    for model in get_page_models():
        if model is Page:
            continue
        for language in LANGUAGES:
            page = (
                model.objects.live()
                .public()
                .exact_type(model)
                .filter(locale__language_code=language)
                .order_by("path")
                .first()
            )
            if page is not None:
                targets.append((model.__name__, language, page.url))
    return targets


PHONE, NARROWEST, DESKTOP = 390, 320, 1366
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The left edges of the header's name and of the first visible entry of the main menu.
MENU_EDGES = """() => {
  const name = document.querySelector('.site-header__name');
  const menu = [...document.querySelectorAll('.main-nav__wide a, .main-nav__compact summary')]
    .find((element) => element.offsetParent !== null);
  return name && menu ? [name.getBoundingClientRect().left, menu.getBoundingClientRect().left]
    : null;
}"""
SHARE_IMAGE = "() => document.querySelector('meta[property=\"og:image\"]')?.content"


def _layout_problems(browser_page):
    """Sideways scrolling at 320 px, a menu out of line with the header at 390 and 1366 px."""
    problems = []
    for width in (PHONE, NARROWEST, DESKTOP):
        browser_page.set_viewport_size({"width": width, "height": 844})
        if width == NARROWEST and (overflow := browser_page.evaluate(OVERFLOW)) > 0:
            problems.append(f"scrolls sideways by {overflow} px at {width} px")
        edges = browser_page.evaluate(MENU_EDGES)
        if width != NARROWEST and edges and abs(edges[0] - edges[1]) > 1:
            problems.append(f"menu at {edges[1]:.0f} px, header at {edges[0]:.0f} px ({width} px)")
    browser_page.set_viewport_size({"width": PHONE, "height": 844})
    return problems


def _check(browser_page, url, failures, share_images=None):
    response = browser_page.goto(url)
    if response is None or response.status != 200:
        failures[url] = [f"status {response.status if response else 'none'}"]
        return
    problems = axe_violations(browser_page)
    if share_images is not None:
        problems += _layout_problems(browser_page)
        image = browser_page.evaluate(SHARE_IMAGE)
        if not image:
            problems.append("no og:image")
        elif image not in share_images:
            answer = browser_page.request.get(image)
            share_images[image] = (answer.status, answer.headers.get("content-type", ""))
    if problems:
        failures[url] = problems


def test_every_page_type_in_both_languages(demo_site, live_server, browser_page):
    targets = public_page_of_each_type()
    covered = {(name, language) for name, language, _url in targets}
    assert {(name, language) for name in REQUIRED_TYPES for language in LANGUAGES} <= covered

    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    failures = {}
    share_images = {}
    for _name, _language, url in targets:
        _check(browser_page, live_server.url + url, failures, share_images)

    # The staff pages and their log-in page, as a member of the Staff group sees them.
    staff_urls = [
        model.objects.live().filter(locale__language_code=language).first().url
        for model in (StaffIndexPage, CaseworkModulePage)
        for language in LANGUAGES
    ]
    user = get_user_model().objects.create_user("worker", password="pw-for-axe-12345")
    user.groups.add(staff_group())
    browser_page.goto(live_server.url + staff_urls[0])  # redirected to the log-in page
    login_violations = axe_violations(browser_page)
    if login_violations:
        failures["log-in page"] = login_violations
    browser_page.fill(".login-form input[name=username]", "worker")
    browser_page.fill(".login-form input[name=password]", "pw-for-axe-12345")
    browser_page.click(".login-form button[type=submit]")
    browser_page.wait_for_load_state()
    assert browser_page.url == live_server.url + staff_urls[0]
    for url in staff_urls:
        _check(browser_page, live_server.url + url, failures)

    assert failures == {}
    assert [url for url in requested if not url.startswith(live_server.url)] == []
    assert share_images and all(
        status == 200 and kind.startswith("image/") for status, kind in share_images.values()
    ), share_images
