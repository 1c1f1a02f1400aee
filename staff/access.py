"""Who may read the staff section, and the private places its content lives in."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext
from wagtail.models import BaseViewRestriction, CollectionViewRestriction

from cms.roles import STAFF, rename_group
from media_archive.collections import root_collection

STAFF_GROUP_NAME = STAFF
# "Internal documents for staff"; editors choose it by this name.
PRIVATE_COLLECTION_NAME = "თანამშრომელთა შიდა დოკუმენტები"
# The names these had before they were Georgian, renamed on older databases.
LEGACY_GROUP_NAME = "Staff"
LEGACY_COLLECTION_NAME = "Staff documents"


def staff_group():
    rename_group(LEGACY_GROUP_NAME, STAFF_GROUP_NAME)
    return Group.objects.get_or_create(name=STAFF_GROUP_NAME)[0]


def restrict_to_staff(restriction_model, **target):
    """A "groups" view restriction for the Staff group on `target` (page= or collection=),
    created unless the target already has a restriction of its own."""
    restriction = restriction_model.objects.filter(**target).first()
    if restriction is None:
        restriction = restriction_model.objects.create(
            restriction_type=BaseViewRestriction.GROUPS, **target
        )
        restriction.groups.add(staff_group())
    return restriction


def private_collection():
    """The collection for casework document templates: only staff can download its files."""
    root = root_collection()
    children = root.get_children()
    collection = children.filter(name=PRIVATE_COLLECTION_NAME).first()
    legacy = children.filter(name=LEGACY_COLLECTION_NAME).first()
    if collection is None and legacy is not None:
        legacy.name = PRIVATE_COLLECTION_NAME
        legacy.save(update_fields=["name"])
        collection = legacy
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION_NAME)
    restrict_to_staff(CollectionViewRestriction, collection=collection)
    return collection


def is_private_collection(collection):
    """True when the collection or one of its ancestors has a view restriction."""
    return CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).exists()


def not_private_message():
    return gettext(
        "This document is in a collection anyone can download from. Move it to the "
        "“%(collection)s” collection first."
    ) % {"collection": PRIVATE_COLLECTION_NAME}
