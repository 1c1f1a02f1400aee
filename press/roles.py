"""The editorial roles as Wagtail groups, their permissions and the review workflows.

`setup_editorial` applies them idempotently (seed_demo runs it), also to a database made
before: groups, workflows and tasks are renamed to their Georgian names, Wagtail's stock
"Editors"/"Moderators" groups and "Moderators approval" workflow go, and each role ends with
exactly the rights below. The README's role matrix is this module in prose; change both
together.

The rights are the codenames Wagtail's own permission policies check: images, documents and
audio/video through `wagtailimages.*_image`, `wagtaildocs.*_document` and
`wagtailmedia.*_media` on the root collection (inherited by every collection under it), pages
through page permissions on the sections. Custom image/document models do not have
policies of their own: Wagtail checks the permissions of its stock models.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from cms import roles as app_roles
from media_archive import collections
from press.models import ReviewTask

# Group, workflow and task names are in Georgian: editors read them in the admin. The
# comment gives the English meaning.
COMMUNICATIONS_SPECIALISTS = "კომუნიკაციების სპეციალისტები"  # Communications specialists
SENIOR_SPECIALISTS = "უფროსი სპეციალისტები"  # Senior specialists
HEAD_OF_PR = "საზოგადოებასთან ურთიერთობის სამმართველოს უფროსი"  # Head of PR division
DIRECTORS_OFFICE = "დირექტორის აპარატი"  # Director's Office
WEB_EDITORS = app_roles.WEB_EDITORS  # Web editors
ANALYSTS = app_roles.ANALYSTS  # Analysts; shared with demo.steps.analytics
STAFF = app_roles.STAFF  # Staff; shared with staff.access

PRESS_WORKFLOW = "პრესრელიზის დამტკიცება"  # Press release approval
STANDARD_WORKFLOW = "სტანდარტული განხილვა"  # Standard review
HEAD_REVIEW_TASK = "სამმართველოს უფროსის განხილვა"  # Head of PR division review
DIRECTOR_APPROVAL_TASK = "დირექტორის აპარატის დამტკიცება"  # Director's Office approval
WEB_EDITOR_REVIEW_TASK = "ვებრედაქტორის განხილვა"  # Web editor review

# The English names of databases seeded before, renamed where found.
LEGACY_GROUP_NAMES = {
    "Communications specialists": COMMUNICATIONS_SPECIALISTS,
    "Senior specialists": SENIOR_SPECIALISTS,
    "Head of PR division": HEAD_OF_PR,
    "Director's Office": DIRECTORS_OFFICE,
    "Web editors": WEB_EDITORS,
    "Analysts": ANALYSTS,
    "Staff": STAFF,
}
LEGACY_WORKFLOW_NAMES = {
    "Press release approval": PRESS_WORKFLOW,
    "Standard review": STANDARD_WORKFLOW,
}
LEGACY_TASK_NAMES = {
    "Head of PR division review": HEAD_REVIEW_TASK,
    "Director's Office approval": DIRECTOR_APPROVAL_TASK,
    "Web editor review": WEB_EDITOR_REVIEW_TASK,
}
# What Wagtail's migrations create. Removed; where people still belong to a stock group, or
# a page's history runs through the stock workflow, it stays under a Georgian name (the
# workflow switched off) so that nobody loses access or history without an administrator.
STOCK_GROUPS = {
    "Editors": "Wagtail-ის რედაქტორები (ძველი ჯგუფი)",
    "Moderators": "Wagtail-ის მოდერატორები (ძველი ჯგუფი)",
}
STOCK_WORKFLOW = "Moderators approval"
STOCK_WORKFLOW_KEPT = "მოდერატორების დამტკიცება (გამორთული)"

NEWS_SECTION = "news.NewsIndexPage"

# Images, documents, audio/video: upload ("add", which also lets the uploader edit and
# delete their own items), choose in the editor ("choose"), edit anyone's ("change": for
# Wagtail's policies, deleting is changing, so this is also deleting anyone's).
MEDIA_OWN = ("add", "choose")
MEDIA_EDITING = ("add", "change", "choose")
COLLECTION_MODELS = (
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
    ("wagtailmedia", "media"),
)
# wagtailmedia registers no "choose" permission: its chooser offers what one may change.
NO_CHOOSE_PERMISSION = {"wagtailmedia"}
TRANSLATE = "wagtail_localize.submit_translation"
CONTACT_EDITING = tuple(
    f"press.{action}_{model}"
    for model in ("mediacontact", "contactlist")
    for action in ("add", "change", "view")
)
ANALYTICS_REPORTS = "analytics.view_reports"


@dataclass(frozen=True)
class Role:
    name: str
    admin: bool = True
    news_pages: tuple = ()
    other_pages: tuple = ()
    media: tuple = ()
    model_permissions: tuple = ()
    extra: dict = field(default_factory=dict)


ROLES = [
    # Wagtail's "add" lets a user create pages and edit the ones they own, and submit them
    # for review; "change" lets them edit anyone's. So specialists draft their own releases,
    # senior specialists edit everyone's, and only the Director's Office publishes news.
    # Everyone who writes pages may translate them: the translation goes through the same
    # review as its source (press.translation).
    Role(
        COMMUNICATIONS_SPECIALISTS,
        news_pages=("add",),
        other_pages=("add",),
        media=MEDIA_OWN,
        model_permissions=("press.view_mediacontact", TRANSLATE),
    ),
    Role(
        SENIOR_SPECIALISTS,
        news_pages=("add", "change"),
        other_pages=("add", "change"),
        media=MEDIA_EDITING,
        model_permissions=CONTACT_EDITING + (TRANSLATE,),
    ),
    Role(
        HEAD_OF_PR,
        news_pages=("add", "change"),
        other_pages=("add", "change"),
        media=MEDIA_EDITING,
        model_permissions=CONTACT_EDITING
        + (
            TRANSLATE,
            "press.view_delivery",
            "press.review_forced_publication",
            "press.send_advance_copy",
        ),
    ),
    Role(
        DIRECTORS_OFFICE,
        news_pages=("add", "change", "publish", "lock", "unlock"),
        other_pages=("add", "change", "publish"),
        media=MEDIA_EDITING,
        model_permissions=CONTACT_EDITING
        + (
            TRANSLATE,
            "press.view_delivery",
            "press.force_publish",
            "press.review_forced_publication",
            "press.send_advance_copy",
        ),
    ),
    Role(
        WEB_EDITORS,
        other_pages=("add", "change", "publish"),
        media=MEDIA_EDITING,
        model_permissions=(TRANSLATE, ANALYTICS_REPORTS),
    ),
    Role(ANALYSTS, model_permissions=(ANALYTICS_REPORTS,)),
    Role(STAFF, admin=False),
]


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page"
    )


def collection_permissions(actions):
    """The permissions Wagtail's collection policies check for these actions, as
    "app_label.codename"; a missing one fails loudly instead of being skipped."""
    return [
        f"{app_label}.{action}_{model}"
        for app_label, model in COLLECTION_MODELS
        for action in actions
        if not (action == "choose" and app_label in NO_CHOOSE_PERMISSION)
    ]


def section_pages():
    """(news index pages, other top-level sections) of every locale's home page."""
    homes = Page.objects.filter(depth=2)
    news_model = _model_or_none(NEWS_SECTION)
    news = list(news_model.objects.all()) if news_model else []
    news_ids = {page.pk for page in news}
    others = [
        child
        for home in homes
        for child in home.get_children()
        if child.pk not in news_ids and child.specific_class.__name__ != "StaffIndexPage"
    ]
    return news, others


def _model_or_none(dotted):
    try:
        return apps.get_model(dotted)
    except LookupError:
        return None


def _rename_legacy():
    for old_name, new_name in LEGACY_GROUP_NAMES.items():
        app_roles.rename_group(old_name, new_name)
    for model, names in ((Workflow, LEGACY_WORKFLOW_NAMES), (Task, LEGACY_TASK_NAMES)):
        for old_name, new_name in names.items():
            if not model.objects.filter(name=new_name).exists():
                model.objects.filter(name=old_name).update(name=new_name)


def remove_stock_setup():
    """Wagtail's "Editors"/"Moderators" groups and "Moderators approval" workflow: deleted
    where nothing depends on them, otherwise renamed to Georgian (workflow switched off)."""
    for name, kept_name in STOCK_GROUPS.items():
        for group in Group.objects.filter(name=name):
            if group.user_set.exists():
                group.name = kept_name
                group.save(update_fields=["name"])
            else:
                group.delete()
    for workflow in Workflow.objects.filter(name=STOCK_WORKFLOW):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        if WorkflowState.objects.filter(workflow=workflow).exists():
            Workflow.objects.filter(pk=workflow.pk).update(name=STOCK_WORKFLOW_KEPT, active=False)
        else:
            workflow.delete()
    for task in GroupApprovalTask.objects.filter(name=STOCK_WORKFLOW):
        if TaskState.objects.filter(task=task).exists():
            GroupApprovalTask.objects.filter(pk=task.pk).update(
                name=STOCK_WORKFLOW_KEPT, active=False
            )
        elif not WorkflowTask.objects.filter(task=task).exists():
            task.delete()


def _set_page_permissions(group, grants):
    """Exactly these (page, action) grants for the group."""
    wanted = set()
    for page, action in grants:
        permission = _page_permission(action)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        wanted.add((page.pk, permission.pk))
    for grant in GroupPagePermission.objects.filter(group=group):
        if (grant.page_id, grant.permission_id) not in wanted:
            grant.delete()


def _set_collection_permissions(group, actions):
    """Exactly these media actions for the group, on the root collection."""
    root = collections.root_collection()
    wanted = [_permission(dotted) for dotted in collection_permissions(actions)]
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=wanted
    ).delete()


def setup_collections():
    """The archive's collections under the root, in Georgian; stray roots adopted."""
    collections.root_collection()
    collections.photo_archive()
    collections.press_documents()
    collections.adopt_stray_roots()


def setup_roles():
    """Each role's group with exactly its rights. Apps' extensions (cms.roles) add theirs
    afterwards, in the same run of setup_editorial."""
    _rename_legacy()
    remove_stock_setup()
    setup_collections()
    news, others = section_pages()
    groups = {}
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        groups[role.name] = group
        model_permissions = (
            (app_roles.ADMIN_ACCESS,) if role.admin else ()
        ) + role.model_permissions
        group.permissions.set([_permission(dotted) for dotted in model_permissions])
        _set_page_permissions(
            group,
            [(page, action) for page in news for action in role.news_pages]
            + [(page, action) for page in others for action in role.other_pages],
        )
        _set_collection_permissions(group, role.media)
    return groups


def _review_task(name, groups):
    task, _created = ReviewTask.objects.get_or_create(name=name)
    task.groups.set(groups)
    return task


def _workflow(name, tasks):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowTask.objects.filter(workflow=workflow).exclude(
        task__in=[task.pk for task in tasks]
    ).delete()
    return workflow


def setup_workflows(groups):
    press = _workflow(
        PRESS_WORKFLOW,
        [
            _review_task(HEAD_REVIEW_TASK, [groups[HEAD_OF_PR]]),
            _review_task(DIRECTOR_APPROVAL_TASK, [groups[DIRECTORS_OFFICE]]),
        ],
    )
    standard = _workflow(
        STANDARD_WORKFLOW,
        [_review_task(WEB_EDITOR_REVIEW_TASK, [groups[WEB_EDITORS], groups[DIRECTORS_OFFICE]])],
    )
    news, _others = section_pages()
    for home in Page.objects.filter(depth=2):
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": standard})
    for page in news:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": press})
    return press, standard


# The roles by their constant's name, for the apps that extend them (cms.roles): the key
# stays when a group's name changes.
ROLE_KEYS = {
    "COMMUNICATIONS_SPECIALISTS": COMMUNICATIONS_SPECIALISTS,
    "SENIOR_SPECIALISTS": SENIOR_SPECIALISTS,
    "HEAD_OF_PR": HEAD_OF_PR,
    "DIRECTORS_OFFICE": DIRECTORS_OFFICE,
    "WEB_EDITORS": WEB_EDITORS,
    "ANALYSTS": ANALYSTS,
    "STAFF": STAFF,
}


@transaction.atomic
def setup_editorial():
    groups = setup_roles()
    setup_workflows(groups)
    # The Director's Office desk, Public Reception, the territorial offices' groups…
    groups.update(app_roles.extend_roles({key: groups[name] for key, name in ROLE_KEYS.items()}))
    return groups
