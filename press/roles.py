"""The editorial roles as Wagtail groups, their permissions and the review workflows.

`setup_editorial` applies them idempotently (seed_demo runs it). The README's role matrix
is this module in prose; change both together.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms import roles as app_roles
from press.models import ReviewTask

COMMUNICATIONS_SPECIALISTS = "Communications specialists"
SENIOR_SPECIALISTS = "Senior specialists"
HEAD_OF_PR = "Head of PR division"
DIRECTORS_OFFICE = "Director's Office"
WEB_EDITORS = "Web editors"
ANALYSTS = "Analysts"  # shared with the demo seeding (demo/steps/analytics.py)
STAFF = "Staff"  # shared with staff.access

PRESS_WORKFLOW = "Press release approval"
STANDARD_WORKFLOW = "Standard review"
HEAD_REVIEW_TASK = "Head of PR division review"
DIRECTOR_APPROVAL_TASK = "Director's Office approval"
WEB_EDITOR_REVIEW_TASK = "Web editor review"

NEWS_SECTION = "news.NewsIndexPage"

MEDIA_EDITING = ["add", "change", "choose"]
CONTACT_EDITING = tuple(
    f"press.{action}_{model}"
    for model in ("mediacontact", "contactlist")
    for action in ("add", "change", "view")
)


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
    Role(
        COMMUNICATIONS_SPECIALISTS,
        news_pages=("add",),
        other_pages=("add",),
        media=tuple(MEDIA_EDITING),
        model_permissions=("press.view_mediacontact",),
    ),
    Role(
        SENIOR_SPECIALISTS,
        news_pages=("add", "change"),
        other_pages=("add", "change"),
        media=tuple(MEDIA_EDITING),
        model_permissions=CONTACT_EDITING,
    ),
    Role(
        HEAD_OF_PR,
        news_pages=("add", "change"),
        other_pages=("add", "change"),
        media=tuple(MEDIA_EDITING),
        model_permissions=CONTACT_EDITING
        + ("press.view_delivery", "press.review_forced_publication"),
    ),
    Role(
        DIRECTORS_OFFICE,
        news_pages=("add", "change", "publish", "lock", "unlock"),
        other_pages=("add", "change", "publish"),
        media=tuple(MEDIA_EDITING),
        model_permissions=CONTACT_EDITING
        + ("press.view_delivery", "press.force_publish", "press.review_forced_publication"),
    ),
    Role(
        WEB_EDITORS,
        other_pages=("add", "change", "publish"),
        media=tuple(MEDIA_EDITING),
    ),
    Role(ANALYSTS),
    Role(STAFF, admin=False),
]

# Media and contacts: which model permissions go with "add/change/choose" of media.
_MEDIA_MODELS = ["media_archive.ArchiveImage", "media_archive.ArchiveDocument"]


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page"
    )


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


def _grant_media(group, actions):
    root = Collection.get_first_root_node()
    for model_label in _MEDIA_MODELS:
        model = apps.get_model(model_label)
        content_type = ContentType.objects.get_for_model(model)
        for action in actions:
            permission = Permission.objects.filter(
                content_type=content_type, codename=f"{action}_{model._meta.model_name}"
            ).first()
            if permission:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )


def setup_roles():
    news, others = section_pages()
    groups = {}
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        groups[role.name] = group
        if role.admin:
            group.permissions.add(_permission("wagtailadmin.access_admin"))
        for dotted in role.model_permissions:
            group.permissions.add(_permission(dotted))
        for pages, actions in ((news, role.news_pages), (others, role.other_pages)):
            for page in pages:
                for action in actions:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=page, permission=_page_permission(action)
                    )
        _grant_media(group, role.media)
    analytics_permission = Permission.objects.filter(
        content_type__app_label="analytics", codename="view_reports"
    ).first()
    if analytics_permission:
        groups[ANALYSTS].permissions.add(analytics_permission)
        groups[WEB_EDITORS].permissions.add(analytics_permission)
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
