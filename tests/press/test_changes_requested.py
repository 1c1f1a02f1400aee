"""The reviewer's request for changes is at the top of the author's editor, not only in the
page's history."""

from bs4 import BeautifulSoup
from django.urls import reverse

from news.factories import PressReleasePageFactory
from press import roles
from tests.press.conftest import staff_user
from tests.press.test_editorial_flow import act

COMMENT = "დაამატეთ მინისტრის ციტატა."


def test_author_sees_the_requested_changes_in_the_editor_until_resubmitting(client, news_section):
    specialist = staff_user("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    head = staff_user("head", roles.HEAD_OF_PR)
    release = PressReleasePageFactory(parent=news_section, owner=specialist, live=False)
    release.save_revision(user=specialist)
    state = release.get_workflow().start(release, specialist)
    edit = reverse("wagtailadmin_pages:edit", args=[release.pk])
    client.force_login(specialist)
    assert COMMENT not in client.get(edit).content.decode()
    act(client, head, release, "reject", state.current_task_state, comment=COMMENT)
    client.force_login(specialist)
    html = client.get(edit).content.decode()
    assert COMMENT in html and "changes-requested-comment" in html
    # The status panel says the page is back with its author, not "In Moderation".
    statuses = [
        " ".join(heading.get_text(" ").split())
        for heading in BeautifulSoup(html, "html.parser").select("h3[id^='status-sidebar-']")
    ]
    assert any(status.endswith("მოთხოვნილია ცვლილებები") for status in statuses), statuses
    assert not any(status.endswith("განხილვაზე") for status in statuses), statuses
    state.refresh_from_db()
    state.resume(specialist)
    assert COMMENT not in client.get(edit).content.decode()
