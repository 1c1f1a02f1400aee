"""Every page type of the demo site, in both languages, through axe-core in Chromium: zero
WCAG 2.2 A/AA violations and no request to another host. Page types come from Wagtail's
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


def _check(browser_page, url, failures):
    response = browser_page.goto(url)
    if response is None or response.status != 200:
        failures[url] = [f"status {response.status if response else 'none'}"]
        return
    violations = axe_violations(browser_page)
    if violations:
        failures[url] = violations


def test_every_page_type_in_both_languages(demo_site, live_server, browser_page):
    targets = public_page_of_each_type()
    covered = {(name, language) for name, language, _url in targets}
    assert {(name, language) for name in REQUIRED_TYPES for language in LANGUAGES} <= covered

    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    failures = {}
    for _name, _language, url in targets:
        _check(browser_page, live_server.url + url, failures)

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
