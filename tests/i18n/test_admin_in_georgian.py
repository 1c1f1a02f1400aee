"""A Georgian-speaking editor walks the main admin screens in Chromium and sees no English in
the visible interface text, apart from proper names and the content people entered.

Strings of the project's own code that have no Georgian yet are left to
`make translations-check`, which lists and fails on them; this test guards everything else
(Wagtail, wagtailmedia, wagtail-localize, Django), which the catalogues claim is complete."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page, PageLogEntry, Site, Task, Workflow

from cms.catalogues import extract_project_msgids, inspect_catalogue
from tests.browser import requires_chromium
from tests.utils import make_site_tree

pytestmark = [requires_chromium, pytest.mark.browser]

PASSWORD = "pw-georgian-editor-1505"  # noqa: S105 - a throwaway test account

# Proper names, abbreviations and keyboard keys the Georgian interface keeps as they are.
ALLOWED_WORDS = {
    "Wagtail",
    "URL",
    "ID",
    "JavaScript",
    "CSV",
    "XLSX",
    "Ctrl",
    "Alt",
    "Shift",
    "Enter",
    "Esc",
    "Cmd",
    "SVG",
    "PDF",
    "HTML",
    "RSS",
    "SEO",
    "English",  # the name of the language in the language choices
    # Social networks named in the site settings.
    "Facebook",
    "Instagram",
    "LinkedIn",
    "Twitter",
    "YouTube",
    # Wagtail's users listing hard-codes the is_active boolean as screen-reader text.
    "True",
    "False",
}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

# Rendered text, plus placeholders and button values; of a drop-down only the chosen option.
# Time zone names come from the browser's own locale data (proper names), and the one
# hidden submit button of Wagtail's header search hard-codes "Search" (not translatable).
VISIBLE_TEXT = """() => {
    const chosen = [];
    for (const select of document.querySelectorAll('select')) {
        if (select.selectedIndex >= 0 && !select.name.endsWith('current_time_zone')) {
            chosen.push(select.options[select.selectedIndex].text);
        }
        select.style.display = 'none';
    }
    const parts = [document.body.innerText, ...chosen];
    for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
        if (el.offsetParent !== null) parts.push(el.getAttribute('placeholder'));
    }
    for (const el of document.querySelectorAll('input[type=submit], input[type=button]')) {
        if (el.offsetParent !== null && !el.closest('.w-sr-only')) parts.push(el.value);
    }
    return parts.join('\\n');
}"""


def admin_screens(home):
    settings_path = "/admin/settings/cms/sitesettings/"
    return {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{home.pk}/",
        "page editor": f"/admin/pages/{home.pk}/edit/",
        "new page": f"/admin/pages/add/cms/contentpage/{home.pk}/",
        "images": "/admin/images/",
        "documents": "/admin/documents/",
        "media": "/admin/media/",
        "snippets": "/admin/snippets/",
        "workflows": "/admin/workflows/list/",
        "tasks": "/admin/workflows/tasks/index/",
        "reports: locked pages": "/admin/reports/locked/",
        "reports: site history": "/admin/reports/site-history/",
        "reports: aging pages": "/admin/reports/aging-pages/",
        "settings": settings_path,
        "users": "/admin/users/",
        "account": "/admin/account/",
    }


def user_content():
    """Text people entered (titles, names), which may legitimately be English; this includes
    the workflow, task and group Wagtail's own migrations create ("Moderators approval")."""
    texts = set(Page.objects.values_list("title", flat=True))
    texts |= set(PageLogEntry.objects.values_list("label", flat=True))
    texts |= set(Site.objects.values_list("site_name", flat=True))
    texts |= set(Site.objects.values_list("hostname", flat=True))
    for model in (Workflow, Task, Group, Collection):
        texts |= set(model.objects.values_list("name", flat=True))
    for user in get_user_model().objects.all():
        texts |= {user.username, user.email, user.get_full_name()}
    return {text for text in texts if text}


def project_strings_without_georgian():
    """English of the project's strings that its catalogue does not translate yet."""
    catalogue = settings.BASE_DIR / "locale" / "ka" / "LC_MESSAGES" / "django.po"
    msgids = extract_project_msgids()
    if not catalogue.exists():
        return {msgid for _context, msgid in msgids}
    return {msgid for _context, msgid in inspect_catalogue(catalogue, msgids).missing}


def english_words(text, allowed_texts):
    # Case-insensitively: the admin capitalises verbose names ("menus" -> "Menus").
    for allowed in sorted(allowed_texts, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(allowed)}(?!\w)", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\S+@\S+|https?://\S+|\S+\.(?:jpg|png|pdf|svg)\b", " ", text)
    return sorted({word for word in LATIN_WORD.findall(text) if word not in ALLOWED_WORDS})


@pytest.fixture
def georgian_editor(transactional_db):
    homes = make_site_tree()
    editor = get_user_model().objects.create_superuser(
        "redaktori", "redaktori@ssa.gov.ge", PASSWORD, first_name="ნინო", last_name="ბერიძე"
    )
    for home in homes.values():  # published by someone, as the reports expect
        home.save_revision(user=editor).publish(user=editor)
    return homes["ka"]


def test_georgian_editor_sees_no_english_in_the_admin(
    georgian_editor, live_server, browser, capsys
):
    # An English-language browser: the admin must still speak Georgian.
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/admin/login/")
        page.fill("input[name=username]", "redaktori")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/admin/")

        allowed_texts = user_content() | project_strings_without_georgian()
        found = {}
        for screen, path in admin_screens(georgian_editor).items():
            response = page.goto(live_server.url + path)
            assert response.ok, f"{screen}: {path} answered {response.status}"
            page.wait_for_load_state("networkidle")
            words = english_words(page.evaluate(VISIBLE_TEXT), allowed_texts)
            if words:
                found[screen] = words
    finally:
        context.close()

    if found:
        with capsys.disabled():
            print("\nEnglish words in the Georgian admin:")
            for screen, words in found.items():
                print(f"  {screen}: {', '.join(words)}")
    assert found == {}
