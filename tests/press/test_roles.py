import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection, Workflow
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from cms.factories import ContentPageFactory
from media_archive.models import ArchiveImage
from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from press import roles
from press.models import ReviewTask


@pytest.fixture
def sections(home_pages):
    news = NewsIndexPageFactory(parent=home_pages["ka"])
    about = ContentPageFactory(parent=home_pages["ka"], title="სააგენტოს შესახებ")
    roles.setup_editorial()
    return {"news": news, "about": about}


def member_of(group_name, username=None):
    user = get_user_model().objects.create_user(
        username or group_name.lower().replace(" ", "-").replace("'", ""), password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def can(user, page):
    permissions = page.permissions_for_user(user)
    return {
        "add": permissions.can_add_subpage(),
        "edit": permissions.can_edit(),
        "publish": permissions.can_publish(),
    }


def test_setup_is_idempotent(sections):
    counts = (Group.objects.count(), Workflow.objects.count(), ReviewTask.objects.count())
    roles.setup_editorial()
    assert (Group.objects.count(), Workflow.objects.count(), ReviewTask.objects.count()) == counts


def test_press_releases_follow_the_two_step_approval(sections):
    workflow = sections["news"].get_workflow()
    assert workflow.name == roles.PRESS_WORKFLOW
    assert [task.name for task in workflow.tasks] == [
        roles.HEAD_REVIEW_TASK,
        roles.DIRECTOR_APPROVAL_TASK,
    ]
    assert sections["about"].get_workflow().name == roles.STANDARD_WORKFLOW


def test_communications_specialist_drafts_own_releases_only(sections):
    specialist = member_of(roles.COMMUNICATIONS_SPECIALISTS)
    colleague_release = PressReleasePageFactory(parent=sections["news"])
    own_release = PressReleasePageFactory(parent=sections["news"], owner=specialist)
    assert can(specialist, sections["news"])["add"]
    assert can(specialist, own_release) == {"add": False, "edit": True, "publish": False}
    assert not can(specialist, colleague_release)["edit"]
    assert specialist.has_perm("wagtailadmin.access_admin")


def test_senior_specialist_edits_every_release_but_cannot_publish(sections):
    senior = member_of(roles.SENIOR_SPECIALISTS)
    release = PressReleasePageFactory(parent=sections["news"])
    assert can(senior, release)["edit"] and not can(senior, release)["publish"]
    assert senior.has_perm("press.change_mediacontact")


def test_head_of_division_reviews_but_cannot_publish(sections):
    head = member_of(roles.HEAD_OF_PR)
    release = PressReleasePageFactory(parent=sections["news"])
    assert not can(head, release)["publish"]
    head_task = ReviewTask.objects.get(name=roles.HEAD_REVIEW_TASK)
    director_task = ReviewTask.objects.get(name=roles.DIRECTOR_APPROVAL_TASK)
    assert head_task.get_actions(release, head)
    assert director_task.get_actions(release, head) == []


def test_directors_office_approves_and_publishes(sections):
    director = member_of(roles.DIRECTORS_OFFICE)
    release = PressReleasePageFactory(parent=sections["news"])
    assert can(director, release)["publish"]
    assert ReviewTask.objects.get(name=roles.DIRECTOR_APPROVAL_TASK).get_actions(release, director)
    assert director.has_perm("press.force_publish")


def test_web_editor_publishes_ordinary_pages_but_not_news(sections):
    editor = member_of(roles.WEB_EDITORS)
    assert can(editor, sections["about"]) == {"add": True, "edit": True, "publish": True}
    release = PressReleasePageFactory(parent=sections["news"])
    assert can(editor, release) == {"add": False, "edit": False, "publish": False}


def test_analyst_reads_reports_and_edits_nothing(sections):
    analyst = member_of(roles.ANALYSTS)
    assert analyst.has_perm("wagtailadmin.access_admin")
    assert analyst.has_perm("analytics.view_reports")
    for page in (sections["news"], sections["about"]):
        assert can(analyst, page) == {"add": False, "edit": False, "publish": False}


def test_staff_have_no_admin_access(sections):
    staff_member = member_of(roles.STAFF)
    assert not staff_member.has_perm("wagtailadmin.access_admin")


@pytest.mark.parametrize(
    ("group_name", "may_upload"),
    [
        (roles.COMMUNICATIONS_SPECIALISTS, True),
        (roles.WEB_EDITORS, True),
        (roles.ANALYSTS, False),
        (roles.STAFF, False),
    ],
)
def test_media_upload_rights(sections, group_name, may_upload):
    user = member_of(group_name)
    policy = CollectionOwnershipPermissionPolicy(ArchiveImage, auth_model=ArchiveImage)
    assert policy.user_has_permission(user, "add") is may_upload
    assert Collection.get_first_root_node() is not None
