"""The whole press-release process walked in Chromium, in the Georgian admin, by one user per
role of `setup_editorial` (never a superuser), and what each role must not do refused in the
same browser:

a specialist writes a release with a lead image and a document chosen from the archive
through the choosers and submits it; the head of division asks for changes, the specialist
reads the request in the editor and resubmits; two approvals schedule it for its embargo; an
anonymous visitor finds it on no public channel; the head sends an advance copy; the
scheduler publishes it and it goes out in each contact's language; a translation goes through
the same review and is sent only to those who had nothing; the Director's Office withdraws
it with an explanation, and publishes another release without review, with a reason.

One browser, one context per user, every request recorded: the admin asks no host but the
site's own.
"""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Collection, PageLogEntry, WorkflowState

from media_archive.factories import ArchiveDocumentFactory, ArchiveImageFactory
from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from news.models import PressReleasePage
from press import roles
from press.factories import ContactListFactory, MediaContactFactory
from press.models import Delivery, Distribution, ForcePublication, Withdrawal
from tests.browser import requires_chromium
from tests.press.conftest import staff_user
from tests.press.test_georgian_admin import english_words
from tests.utils import make_locales, make_site_tree, translate

pytestmark = [
    requires_chromium,
    pytest.mark.browser,
    # Not finished (issue 15): on SQLite the document chosen in the body's chooser is stored
    # as None although the form's hidden input holds its id (on PostgreSQL it is stored);
    # steps 9-12 (translation in wagtail-localize's editor, withdrawal, publication without
    # review) have not yet run through once. Steps 1-8 pass on PostgreSQL.
    pytest.mark.skip(reason="unfinished browser walk of issue 15, see the module's marker"),
]
PASSWORD = "password-1505"
CANARY = "ემბარგო-სავალი-4471"
TITLE = f"ახალი დღის ცენტრი {CANARY}"
ENGLISH_TITLE = "The Agency opens a new day centre"
COMMENT = "დაამატეთ დირექტორის ციტატა."
EXPLANATION = "რელიზი შეიცავდა შეცდომას თარიღში."
FORCE_REASON = "სასწრაფო განცხადება ღამით."


class Walk:
    """The live server, and a logged-in Chromium tab per user, each request recorded."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base = base_url
        self.requests = []
        self.tabs = {}
        self.contexts = []
        self.mail = []

    def tab(self, username=None):
        if username in self.tabs:
            return self.tabs[username]
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.contexts.append(context)
        context.on("request", lambda request: self.requests.append(request.url))
        page = context.new_page()
        page.set_default_timeout(20_000)
        if username:
            page.goto(f"{self.base}/admin/login/")
            page.fill('input[name="username"]', username)
            page.fill('input[name="password"]', PASSWORD)
            page.click('button[type="submit"]')
            page.wait_for_url(f"{self.base}/admin/")
            settle(page)
        self.tabs[username] = page
        return page

    def file_mail(self):
        """Keep what was sent so far aside; the next assertions read only what follows."""
        self.mail.extend(mail.outbox)
        mail.outbox.clear()

    def close(self):
        for context in self.contexts:
            context.close()


def settle(page):
    """Wait until the page has stopped talking to the server: the live server shares the
    test's SQLite connection, so the test reads the database only while no request runs."""
    page.wait_for_load_state("networkidle")


def go(page, url):
    response = page.goto(url)
    settle(page)
    return response


def submitted(page, do):
    """Do what submits a form, and wait for the answer to load and settle."""
    with page.expect_navigation():
        do()
    settle(page)
    settle(page)


def choose_action(page, button):
    """Click an action of the editor's footer menu, opening the menu if it is folded."""
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def act_in_editor(page, edit_url, action, comment=None):
    """A workflow action (approve, reject) in the page editor, as a reviewer does it."""
    go(page, edit_url)
    button = page.locator(f'[data-workflow-action-name="{action}"]').first
    with page.expect_navigation():
        choose_action(page, button)
        if comment is not None:
            page.locator(".modal textarea[name='comment']").fill(comment)
            page.locator(".modal form button[type='submit']").click()
    settle(page)


def refused(page, url):
    """Open `url` as this user: the admin answers 403 or sends them to the dashboard."""
    response = go(page, url)
    return response.status == 403 or page.url.rstrip("/").endswith("/admin")


def body_text(page):
    return page.locator("body").inner_text()


def press_mail():
    """(recipient, subject) of what media contacts received (staff get workflow mail)."""
    return sorted(
        (message.to[0], message.subject)
        for message in mail.outbox
        if not message.to[0].endswith("@ssa.gov.ge")
    )


@pytest.fixture
def newsroom(transactional_db):
    locales = make_locales()
    # The live server's transactional tests empty the database after each other, taking the
    # root collection that migrations made.
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    homes = make_site_tree()
    news = NewsIndexPageFactory(parent=homes["ka"], title="სიახლეები", slug="news")
    translate(news, locales["en"], title="News", slug="news")
    roles.setup_editorial()
    # Georgian names: the admin and the workflow e-mails show them.
    people = {
        "specialist": (roles.COMMUNICATIONS_SPECIALISTS, "ნინო", "ბერიძე"),
        "head": (roles.HEAD_OF_PR, "გიორგი", "კაპანაძე"),
        "director": (roles.DIRECTORS_OFFICE, "თამარ", "ლომიძე"),
        "analyst": (roles.ANALYSTS, "დავით", "გელაშვილი"),
        "webeditor": (roles.WEB_EDITORS, "ეკა", "ხარაძე"),
    }
    users = {
        username: staff_user(username, group, first_name=first, last_name=last)
        for username, (group, first, last) in people.items()
    }
    for user in users.values():
        user.set_password(PASSWORD)
        user.save()
    media = ContactListFactory(name="მედია")
    MediaContactFactory(lists=[media], language="ka", email="tv@example.ge")
    MediaContactFactory(lists=[media], language="en", email="wire@example.org")
    MediaContactFactory(language="ka", email="agency@example.ge", receives_advance_copies=True)
    return {
        "news": news,
        "locales": locales,
        "list": media,
        "users": users,
        "photo": ArchiveImageFactory(title="ფოტო არქივიდან"),
        "document": ArchiveDocumentFactory(title="დებულება არქივიდან"),
    }


def test_the_press_release_flow_in_the_georgian_admin(newsroom, live_server, browser, settings):
    # The editor's "who else is editing" ping would reach the server at any moment.
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    base = live_server.url
    walk = Walk(browser, base)
    news = newsroom["news"]
    # Half an hour ahead: the staff's sessions (idle limit 2 hours) outlive the jump to it.
    embargo = timezone.localtime(
        (timezone.now() + datetime.timedelta(minutes=30)).replace(second=0, microsecond=0)
    )
    try:
        _walk(walk, newsroom, embargo)
    finally:
        walk.close()
    # Nothing the admin or the site loaded came from another host.
    own = urlsplit(base).netloc
    foreign = sorted(
        {url for url in walk.requests if urlsplit(url).scheme in ("http", "https")}
        - {url for url in walk.requests if urlsplit(url).netloc == own}
    )
    assert foreign == []
    assert len(walk.requests) > 50
    # Wagtail's workflow e-mails to the staff, whose admin speaks Georgian: in Georgian.
    walk.file_mail()
    staff_mail = [message for message in walk.mail if message.to[0].endswith("@ssa.gov.ge")]
    assert len(staff_mail) >= 5
    for message in staff_mail:
        # The English translation's title is what an editor typed.
        subject, body = (
            text.replace(ENGLISH_TITLE, "") for text in (message.subject, message.body)
        )
        assert english_words(subject) == set(), message.subject
        assert english_words(body) == set(), message.body
    assert news.pk


def _walk(walk, newsroom, embargo):
    base, news = walk.base, newsroom["news"]
    photo, document, media = newsroom["photo"], newsroom["document"], newsroom["list"]

    # 1. The specialist writes the release: a lead image and a document chosen from the
    # archive, the media list, the embargo; no Publish is offered to them; they submit.
    specialist = walk.tab("specialist")
    assert specialist.locator("html").get_attribute("lang") == "ka"
    go(specialist, f"{base}/admin/pages/add/news/pressreleasepage/{news.pk}/")
    assert specialist.locator('button[name="action-publish"]').count() == 0
    specialist.fill("#id_title", TITLE)
    specialist.fill("#id_lead", "სააგენტო თბილისში ახალ დღის ცენტრს ხსნის.")
    specialist.fill("#id_embargo_until", embargo.strftime("%Y-%m-%d %H:%M"))
    specialist.keyboard.press("Escape")
    specialist.fill("#id_media_contact_name", "ნინო ბერიძე")
    specialist.check(f"input[name='distribution_lists'][value='{media.pk}']")
    specialist.click("#id_featured_image-chooser [data-chooser-action-choose]")
    specialist.locator(".modal a[data-chooser-modal-choice]", has_text=photo.title).click()
    expect(specialist.locator("#id_featured_image")).to_have_value(str(photo.pk))
    # The body's first "+" (the body is the first stream field of the form).
    add_block = specialist.locator("button.c-sf-add-button").first
    option = specialist.get_by_role("option", name="ბმული დოკუმენტზე")
    add_block.click()
    option.wait_for()
    option.click()
    expect(specialist.locator("input[name='body-0-type']")).to_have_value("document")
    document_chooser = specialist.locator(
        "[data-chooser-url*='documents'] [data-chooser-action-choose]"
    ).first
    document_chooser.click()
    specialist.locator(".modal a[data-chooser-modal-choice]", has_text=document.title).click()
    specialist.locator(".modal").wait_for(state="hidden")
    expect(specialist.locator("input[name='body-0-value-document']")).to_have_value(
        str(document.pk)
    )
    submitted(
        specialist,
        lambda: choose_action(specialist, specialist.locator('button[name="action-submit"]')),
    )
    release = PressReleasePage.objects.get(title=TITLE)
    draft = release.get_latest_revision_as_object()
    assert draft.featured_image_id == photo.pk
    body = json.loads(release.get_latest_revision().content["body"])
    assert [block["value"]["document"] for block in body] == [document.pk]
    state = release.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == roles.HEAD_REVIEW_TASK
    edit_url = f"{base}/admin/pages/{release.pk}/edit/"

    # 2. The head of division asks for changes, with a comment.
    head = walk.tab("head")
    act_in_editor(head, edit_url, "reject", comment=COMMENT)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # 3. The specialist reads it at the top of the editor, changes the lead and resubmits.
    go(specialist, edit_url)
    assert COMMENT in specialist.locator(".changes-requested-comment").inner_text()
    statuses = " ".join(specialist.locator("h3[id^='status-sidebar-']").all_text_contents())
    assert "მოთხოვნილია ცვლილებები" in statuses and "განხილვაზე" not in statuses
    specialist.fill("#id_lead", "„ეს ცენტრი ასობით ოჯახს დაეხმარება“, — განაცხადა დირექტორმა.")
    submitted(
        specialist,
        lambda: choose_action(specialist, specialist.locator('button[name="action-submit"]')),
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # 4. Both approvals: scheduled for the embargo, not live.
    act_in_editor(head, edit_url, "approve")
    director = walk.tab("director")
    act_in_editor(director, edit_url, "approve")
    state.refresh_from_db()
    release.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert not release.live
    assert release.get_latest_revision().approved_go_live_at == embargo

    # 5. Nowhere public: the page's address, the listing, the feeds, search, the sitemap.
    anonymous = walk.tab(None)
    assert go(anonymous, f"{base}{release.url}").status == 404
    for path in (
        news.url,
        news.url + "feed/rss/",
        news.url + "feed/atom/",
        news.url + "press-releases/feed/rss/",
        news.url + "press-releases/feed/atom/",
        f"/ka/search/?q={CANARY}",
        "/sitemap.xml",
    ):
        response = go(anonymous, base + path)
        assert response.status == 200, path
        text = response.text()
        assert f"/{release.slug}/" not in text, path
        if "search" not in path:  # the search page repeats the query
            assert CANARY not in text, path

    # 6. Refusals: the analyst sees no embargoed title anywhere in the admin, the web editor
    # cannot get into news.
    analyst = walk.tab("analyst")
    assert CANARY not in body_text(analyst)  # the dashboard
    assert analyst.locator("a[href='/admin/press/scheduled/']").count() == 0
    assert refused(analyst, f"{base}/admin/press/scheduled/")
    assert refused(analyst, f"{base}/admin/pages/{news.pk}/")
    assert refused(analyst, edit_url)
    go(analyst, f"{base}/admin/pages/search/?q={CANARY}")
    assert CANARY not in body_text(analyst)
    webeditor = walk.tab("webeditor")
    assert refused(webeditor, f"{base}/admin/pages/{news.pk}/")
    assert refused(webeditor, edit_url)
    assert refused(webeditor, f"{base}/admin/pages/add/news/pressreleasepage/{news.pk}/")
    assert refused(webeditor, f"{base}/admin/press/scheduled/")
    go(webeditor, f"{base}/admin/pages/search/?q={CANARY}")
    assert CANARY not in body_text(webeditor)
    # …while the head of division finds it among the scheduled items.
    go(head, f"{base}/admin/press/scheduled/")
    assert CANARY in body_text(head)

    # 7. The head of division sends the advance copy to the trusted contact.
    go(head, f"{base}/admin/press/advance-copy/{release.pk}/")
    head.locator("input[name='contacts']").first.check()
    submitted(head, lambda: head.locator("main form [type='submit']").click())
    assert press_mail() == [("agency@example.ge", press_mail()[0][1])]
    assert press_mail()[0][1].startswith("ემბარგო ")
    walk.file_mail()

    # 8. The scheduler publishes it at the embargo; everything after happens later that day.
    with time_machine.travel(embargo + datetime.timedelta(minutes=1), tick=True):
        call_command("publish_scheduled", verbosity=0)
        _after_the_embargo(walk, newsroom, release, edit_url)


def _after_the_embargo(walk, newsroom, release, edit_url):
    base, news = walk.base, newsroom["news"]
    release.refresh_from_db()
    assert release.live
    anonymous = walk.tab(None)
    assert go(anonymous, f"{base}{release.url}").status == 200
    assert CANARY in body_text(anonymous)
    go(anonymous, base + news.url)
    assert CANARY in body_text(anonymous)
    # Each contact once, in their language: no English version exists yet, so the English
    # reader gets the original now rather than nothing.
    assert press_mail() == [("tv@example.ge", TITLE), ("wire@example.org", TITLE)]
    assert Delivery.objects.filter(distribution__kind=Distribution.Kind.PUBLICATION).count() == 2
    MediaContactFactory(lists=[newsroom["list"]], language="en", email="late@example.org")
    walk.file_mail()

    # 9. The specialist translates it into English: a draft of theirs, not published.
    specialist = walk.tab("specialist")
    go(specialist, base + reverse("wagtail_localize:submit_page_translation", args=[release.pk]))
    specialist.check(f"input[name='locales'][value='{newsroom['locales']['en'].pk}']")
    submitted(specialist, lambda: specialist.locator("main form [type='submit']").click())
    translated = release.get_translation(newsroom["locales"]["en"]).specific
    assert not translated.live
    assert translated.owner == newsroom["users"]["specialist"]
    assert not PageLogEntry.objects.filter(page=translated, action="wagtail.publish").exists()
    # In wagtail-localize's editor: the title's segment translated; no Publish for them.
    title_segment = specialist.locator("li.segment, li", has_text=TITLE).last
    title_segment.locator("button").first.click()
    title_segment.locator("textarea").fill(ENGLISH_TITLE)
    title_segment.locator("textarea").press("Enter")
    expect(title_segment).to_contain_text(ENGLISH_TITLE)
    assert specialist.get_by_role("button", name=re.compile("Publish|გამოქვეყნ")).count() == 0
    # A forged "publish" of the translation, from the same session, is refused too.
    csrf = next(c["value"] for c in specialist.context.cookies() if c["name"] == "csrftoken")
    forged = specialist.request.post(
        f"{base}/admin/pages/{translated.pk}/edit/",
        form={"csrfmiddlewaretoken": csrf, "action-publish": "action-publish"},
        headers={"Referer": f"{base}/admin/"},
        max_redirects=0,
    )
    assert forged.status in (302, 403)
    translated.refresh_from_db()
    assert not translated.live

    # 10. Submitted to the same workflow, approved twice: sent only to whoever had nothing.
    go(specialist, f"{base}/admin/press/translation/{translated.pk}/submit/")
    submitted(specialist, lambda: specialist.locator("main form [type='submit']").click())
    state = translated.current_workflow_state
    assert state.workflow.name == roles.PRESS_WORKFLOW
    translated_edit = f"{base}/admin/pages/{translated.pk}/edit/"
    act_in_editor(walk.tab("head"), translated_edit, "approve")
    director = walk.tab("director")
    act_in_editor(director, translated_edit, "approve")
    translated.refresh_from_db()
    assert translated.live and translated.title == ENGLISH_TITLE
    assert press_mail() == [("late@example.org", ENGLISH_TITLE)]
    walk.file_mail()

    # 11. The Director's Office withdraws the Georgian release with a public explanation.
    go(director, f"{base}/admin/press/withdraw/{release.pk}/")
    director.fill("textarea[name='explanation']", EXPLANATION)
    submitted(director, lambda: director.locator("main form [type='submit']").click())
    assert Withdrawal.objects.filter(page_id=release.pk).exists()
    go(anonymous, f"{base}{release.url}")
    assert EXPLANATION in body_text(anonymous)
    go(anonymous, base + news.url)
    assert CANARY not in body_text(anonymous)
    assert PageLogEntry.objects.filter(page_id=release.pk, action="press.withdraw").exists()

    # 12. …and publishes another release without review: only with a reason.
    urgent = PressReleasePageFactory(
        parent=news, live=False, owner=newsroom["users"]["specialist"], title="სასწრაფო"
    )
    urgent.save_revision(user=newsroom["users"]["specialist"])
    urgent_edit = f"{base}/admin/pages/{urgent.pk}/edit/"
    go(director, urgent_edit)
    submitted(
        director, lambda: choose_action(director, director.locator('button[name="action-publish"]'))
    )
    urgent.refresh_from_db()
    assert not urgent.live  # no reason given: refused with a message in the form
    director.fill("textarea[name='force_publish_reason']", FORCE_REASON)
    submitted(
        director, lambda: choose_action(director, director.locator('button[name="action-publish"]'))
    )
    urgent.refresh_from_db()
    assert urgent.live
    assert ForcePublication.objects.get(page_id=urgent.pk).reason == FORCE_REASON
    # The "not reviewed" banner is shown, and counts as no error on the Content tab.
    go(director, urgent_edit)
    assert FORCE_REASON in body_text(director)
    assert director.locator(".w-tabs__errors:visible").count() == 0
