"""The README's role matrix, row by row and word by word, against what Wagtail's own
permission checks answer for a member of each group `setup_editorial` makes: every right a
cell names is granted, every right of the same column it does not name is refused."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.models import PageViewRestriction
from wagtail.permissions import policy_registry
from wagtailmedia import get_permission_policy as wagtailmedia_policy

from cms.factories import ContentPageFactory
from media_archive.factories import (
    ArchiveDocumentFactory,
    ArchiveImageFactory,
    ArchiveMediaFactory,
)
from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from press import roles
from press.models import ReviewTask
from staff.access import restrict_to_staff

README = Path(__file__).resolve().parents[2] / "README.md"
PAGE_RIGHTS = ("create", "edit own", "edit all", "submit", "publish", "lock", "translate")
MEDIA_RIGHTS = ("upload", "edit all", "choose")
ALSO = {
    # Reading them only: the rows that edit them say so.
    "view contacts": lambda user, pages: (
        user.has_perm("press.view_mediacontact") and not user.has_perm("press.change_mediacontact")
    ),
    "edit contacts and lists": lambda user, pages: (
        user.has_perm("press.change_mediacontact") and user.has_perm("press.change_contactlist")
    ),
    "send log": lambda user, pages: user.has_perm("press.view_delivery"),
    "mark reviewed": lambda user, pages: user.has_perm("press.review_forced_publication"),
    "force publish": lambda user, pages: user.has_perm("press.force_publish"),
    "advance copies": lambda user, pages: user.has_perm("press.send_advance_copy"),
    "withdraw/unpublish news": lambda user, pages: (
        pages["live_release"].permissions_for_user(user).can_unpublish()
    ),
    "analytics reports": lambda user, pages: user.has_perm("analytics.view_reports"),
    "read staff-only pages": lambda user, pages: pages["staff_only"].accept_request(
        _request_of(user)
    ),
}
REVIEWS = {
    "reviews step 1": roles.HEAD_REVIEW_TASK,
    "approves step 2": roles.DIRECTOR_APPROVAL_TASK,
    'reviews "Standard review"': roles.WEB_EDITOR_REVIEW_TASK,
}


def _request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = {}
    return request


def readme_rows():
    """{group name: {column: cell}} of the README's role matrix."""
    text = README.read_text()
    table = text[text.index("| Role (group) | Admin |") :].split("\n\n")[0].splitlines()
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    rows = {}
    for line in table[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        group = re.sub(r"\s*\(.*\)$", "", cells[0])
        rows[group] = dict(zip(header[1:], cells[1:], strict=True))
    return rows


def words_of(cell):
    """The cell's rights: "create, edit own; reviews step 1" -> {"create", "edit own", …}."""
    return {word.strip() for word in re.split(r"[,;]", cell) if word.strip() not in ("", "—")}


@pytest.fixture
def pages(home_pages, locales):
    news = NewsIndexPageFactory(parent=home_pages["ka"])
    about = ContentPageFactory(parent=home_pages["ka"], title="სააგენტოს შესახებ")
    roles.setup_editorial()
    colleague = get_user_model().objects.create_user("colleague")
    staff_only = ContentPageFactory(parent=about, title="შიდა")
    restrict_to_staff(PageViewRestriction, page=staff_only)
    return {
        "news": news,
        "other": about,
        "colleague": colleague,
        "live_release": PressReleasePageFactory(parent=news, owner=colleague),
        "staff_only": PageViewRestriction.objects.get(page=staff_only),
    }


def page_rights(user, section, colleague):
    own = _draft_in(section, owner=user)
    theirs = _draft_in(section, owner=colleague)
    on_section = section.permissions_for_user(user)
    on_own, on_theirs = own.permissions_for_user(user), theirs.permissions_for_user(user)
    may_create = on_section.can_add_subpage()
    return {
        "create": may_create,
        # "edit own" is the narrower right: one's own pages and not the others'.
        "edit own": on_own.can_edit() and not on_theirs.can_edit(),
        "edit all": on_theirs.can_edit(),
        "submit": on_own.can_edit() and on_own.can_submit_for_moderation(),
        "publish": on_theirs.can_publish(),
        "lock": on_theirs.can_lock(),
        # A translation is a new page in the section's translation: creating it there.
        "translate": user.has_perm(roles.TRANSLATE) and may_create,
    }


def _draft_in(section, owner):
    if section.specific_class.__name__ == "NewsIndexPage":
        return PressReleasePageFactory(parent=section, owner=owner, live=False)
    return ContentPageFactory(parent=section, owner=owner, live=False)


def media_rights(user, colleague):
    """Each right must hold for images, documents and (but choosing) audio/video alike.
    "edit all" is changing an item someone else uploaded: Wagtail lets every uploader
    change their own."""
    items = [
        ArchiveImageFactory(uploaded_by_user=colleague),
        ArchiveDocumentFactory(uploaded_by_user=colleague),
        ArchiveMediaFactory(uploaded_by_user=colleague),
    ]
    policies = [
        policy_registry.get_by_type(type(items[0])),
        policy_registry.get_by_type(type(items[1])),
        wagtailmedia_policy(),
    ]
    rights = {}
    for word, action in (("upload", "add"), ("edit all", "change"), ("choose", "choose")):
        answers = [
            policy.user_has_permission_for_instance(user, action, item)
            if word == "edit all"
            else policy.user_has_permission(user, action)
            for policy, item in zip(policies, items, strict=True)
            # wagtailmedia has no "choose": its chooser offers what one may change.
            if not (action == "choose" and policy is policies[2])
        ]
        assert len(set(answers)) == 1, (word, answers)
        rights[word] = answers[0]
    return rights


@pytest.mark.parametrize("group_name", [role.name for role in roles.ROLES])
def test_the_readme_row_is_what_the_group_may_do(pages, group_name):
    row = readme_rows()[group_name]
    user = get_user_model().objects.create_user("member")
    user.groups.add(Group.objects.get(name=group_name))

    assert row["Admin"] == ("yes" if user.has_perm("wagtailadmin.access_admin") else "no")
    for column, section in (("News section", "news"), ("Other sections", "other")):
        stated = words_of(row[column])
        actual = page_rights(user, pages[section], pages["colleague"])
        for word in PAGE_RIGHTS:
            assert actual[word] == (word in stated), (column, word)
        # The review steps of the section's own workflow.
        workflow = pages[section].get_workflow()
        for phrase, task_name in REVIEWS.items():
            task = ReviewTask.objects.get(name=task_name)
            if not workflow.workflow_tasks.filter(task=task).exists():
                continue
            reviews = bool(task.get_actions(_draft_in(pages[section], pages["colleague"]), user))
            assert reviews == (phrase in stated), (column, phrase)
        assert stated <= set(PAGE_RIGHTS) | set(REVIEWS), stated - set(PAGE_RIGHTS)
    stated = words_of(row["Images, documents, audio/video"])
    assert stated <= set(MEDIA_RIGHTS)
    assert media_rights(user, pages["colleague"]) == {word: word in stated for word in MEDIA_RIGHTS}
    stated = words_of(row["Also"])
    assert stated <= set(ALSO), stated - set(ALSO)
    for phrase, check in ALSO.items():
        assert bool(check(user, pages)) == (phrase in stated), phrase


def test_every_role_has_its_row():
    assert set(readme_rows()) == {role.name for role in roles.ROLES}
