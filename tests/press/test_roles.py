import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Task, Workflow
from wagtail.permissions import policy_registry
from wagtailmedia import get_permission_policy as wagtailmedia_policy

from cms.factories import ContentPageFactory
from media_archive import collections
from media_archive.factories import ArchiveDocumentFactory, ArchiveImageFactory, ArchiveMediaFactory
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


def policy_for(model):
    """The permission policy Wagtail's own views check for `model`."""
    return policy_registry.get_by_type(model)


EDITS_MEDIA = [
    roles.COMMUNICATIONS_SPECIALISTS,
    roles.SENIOR_SPECIALISTS,
    roles.HEAD_OF_PR,
    roles.DIRECTORS_OFFICE,
    roles.WEB_EDITORS,
]


@pytest.mark.parametrize("group_name", EDITS_MEDIA + [roles.ANALYSTS, roles.STAFF])
def test_media_rights_through_wagtails_own_policies(sections, group_name):
    user = member_of(group_name)
    may = group_name in EDITS_MEDIA
    # Specialists edit and delete what they uploaded; the others anyone's.
    edits_others = may and group_name != roles.COMMUNICATIONS_SPECIALISTS
    image = ArchiveImageFactory()
    document = ArchiveDocumentFactory()
    for model in (get_image_model(), get_document_model()):
        policy = policy_for(model)
        assert policy.user_has_permission(user, "add") is may, model
        assert policy.user_has_permission(user, "choose") is may, model
    for model, item in ((get_image_model(), image), (get_document_model(), document)):
        policy = policy_for(model)
        assert policy.user_has_permission_for_instance(user, "choose", item) is may
        assert policy.user_has_permission_for_instance(user, "delete", item) is edits_others
        own = type(item).objects.get(pk=item.pk)
        own.uploaded_by_user = user
        assert policy.user_has_permission_for_instance(user, "delete", own) is may
    media_policy = wagtailmedia_policy()
    assert media_policy.user_has_permission(user, "add") is may
    clip = ArchiveMediaFactory()
    assert media_policy.user_has_permission_for_instance(user, "change", clip) is edits_others


def test_uploaders_may_put_items_in_every_archive_collection(sections):
    user = member_of(roles.COMMUNICATIONS_SPECIALISTS)
    names = set(
        policy_for(get_image_model())
        .collections_user_has_permission_for(user, "add")
        .values_list("name", flat=True)
    )
    assert {collections.ROOT, collections.PHOTO_ARCHIVE, collections.PRESS_DOCUMENTS} <= names


def test_images_and_documents_can_be_chosen_in_the_admin(sections, client):
    specialist = member_of(roles.COMMUNICATIONS_SPECIALISTS)
    image = ArchiveImageFactory(title="პრესკონფერენციის ფოტო")
    document = ArchiveDocumentFactory(title="პრესრელიზის დანართი")
    client.force_login(specialist)
    images = client.get(reverse("wagtailimages_chooser:choose"))
    documents = client.get(reverse("wagtaildocs_chooser:choose"))
    assert images.status_code == 200 and image.title in images.json()["html"]
    assert documents.status_code == 200 and document.title in documents.json()["html"]
    chosen = client.get(reverse("wagtailimages_chooser:chosen", args=[image.pk]))
    assert chosen.status_code == 200
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200


def test_every_name_code_creates_is_georgian(sections):
    for model in (Group, Workflow, Task, Collection):
        for name in model.objects.values_list("name", flat=True):
            assert not re.search(r"[A-Za-z]{3,}", name.replace("Wagtail", "")), (model, name)
    assert Collection.get_first_root_node().name == collections.ROOT
    assert Collection.get_root_nodes().count() == 1


def test_an_older_database_is_brought_to_the_matrix(home_pages):
    """English names, Wagtail's stock groups and workflow, items in stray root collections,
    rights beyond the matrix: one run of setup_editorial puts it all right."""
    news = NewsIndexPageFactory(parent=home_pages["ka"])
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2  # migrations
    assert Workflow.objects.filter(name=roles.STOCK_WORKFLOW).exists()
    old_specialists = Group.objects.create(name="Communications specialists")
    colleague = get_user_model().objects.create_user("old-specialist", password="x")
    colleague.groups.add(old_specialists)
    old_specialists.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailimages", codename="delete_image")
    )
    Workflow.objects.create(name="Press release approval")
    stray = Collection.add_root(name="Test collection")
    image = ArchiveImageFactory(collection=stray)

    roles.setup_editorial()
    roles.setup_editorial()

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not Workflow.objects.filter(name=roles.STOCK_WORKFLOW).exists()
    assert not Task.objects.filter(name=roles.STOCK_WORKFLOW).exists()
    specialists = Group.objects.get(name=roles.COMMUNICATIONS_SPECIALISTS)
    assert specialists.pk == old_specialists.pk and colleague.groups.get() == specialists
    assert not specialists.permissions.filter(codename="delete_image").exists()
    assert news.get_workflow().name == roles.PRESS_WORKFLOW
    assert not Workflow.objects.filter(name="Press release approval").exists()
    image.refresh_from_db()
    assert image.collection.name == collections.PHOTO_ARCHIVE
    assert Collection.get_root_nodes().count() == 1
    assert not policy_for(get_image_model()).user_has_permission_for_instance(
        colleague, "delete", image
    )


def test_stock_group_with_members_is_kept_under_a_georgian_name(home_pages):
    moderator = get_user_model().objects.create_user("moderator", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    roles.setup_editorial()
    assert moderator.groups.get().name == roles.STOCK_GROUPS["Moderators"]


def test_seeded_site_takes_its_hostname_from_the_public_address(locales, settings):
    from wagtail.models import Site

    from demo.seed import SeedReport
    from demo.steps.cms import ensure_home

    settings.PUBLIC_BASE_URL = "https://ssa.gov.ge"
    ensure_home(locales, SeedReport())
    assert Site.objects.get(is_default_site=True).hostname == "ssa.gov.ge"
