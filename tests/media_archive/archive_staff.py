"""The archive's staff as the tests' users: a member of the senior specialists, the role
`setup_editorial` gives the editing of every photo, video and recording, in the Georgian
admin. And a collection that role has no rights on, for what it must not see."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission

from press import roles
from tests.desk import member

CLOSED_COLLECTION = "დახურული ფონდი"  # "Closed fund"


def archivist(username="archivist"):
    roles.setup_editorial()
    return member(username, roles.SENIOR_SPECIALISTS)


def collection_editor(collection, username="collection-editor"):
    """Someone who may edit the photos of `collection` only (no rights on the root)."""
    group, _created = Group.objects.get_or_create(name="ერთი კოლექციის რედაქტორები")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for app_label, codename in (
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtailmedia", "change_media"),
        ("wagtaildocs", "choose_document"),
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    user = member(username)
    user.groups.add(group)
    return user


def closed_collection():
    from media_archive import collections

    root = collections.root_collection()
    return root.get_children().filter(name=CLOSED_COLLECTION).first() or root.add_child(
        name=CLOSED_COLLECTION
    )
