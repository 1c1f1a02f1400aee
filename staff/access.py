"""Who may read the staff section, and the private places its content lives in."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

STAFF_GROUP_NAME = "Staff"
PRIVATE_COLLECTION_NAME = "Staff documents"


def staff_group():
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
    # A flushed database (transactional tests) has no root collection.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.get_children().filter(name=PRIVATE_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION_NAME)
    restrict_to_staff(CollectionViewRestriction, collection=collection)
    return collection


def is_private_collection(collection):
    """True when the collection or one of its ancestors has a view restriction."""
    return CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).exists()


NOT_PRIVATE_MESSAGE = _(
    "This document is in a collection anyone can download from. Move it to the "
    "“Staff documents” collection first."
)
