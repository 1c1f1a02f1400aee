"""The archive's collections: under Wagtail's root collection, named in Georgian, since
editors pick them in every upload form and chooser. The roles (press.roles) are granted
their rights on the root, so every collection here inherits them."""

from django.db import transaction
from wagtail.models import Collection

ROOT = "ყველა კოლექცია"  # "All collections": Wagtail's migrations call the root "Root"
PHOTO_ARCHIVE = "ფოტოარქივი"  # "Photo archive": images, audio and video
PRESS_DOCUMENTS = "პრესის დოკუმენტები"  # "Press documents"

# Wagtail's own names for what code creates, shown to editors until renamed.
STOCK_ROOT_NAMES = {"Root"}


def root_collection():
    """The root collection, with its Georgian name (a flushed database has none: made)."""
    root = Collection.get_first_root_node()
    if root is None:
        return Collection.add_root(name=ROOT)
    if root.name in STOCK_ROOT_NAMES:
        root.name = ROOT
        root.save(update_fields=["name"])
    return root


def collection_named(name):
    """The collection `name` directly under the root, created if missing."""
    root = root_collection()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def photo_archive():
    return collection_named(PHOTO_ARCHIVE)


def press_documents():
    return collection_named(PRESS_DOCUMENTS)


@transaction.atomic
def adopt_stray_roots():
    """Collections beside the root (wagtail-factories' "Test collection" made one per demo
    image): their items move to the archive's collections and they go. Returns how many."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtailmedia.models import get_media_model

    root = root_collection()
    strays = list(Collection.get_root_nodes().exclude(pk=root.pk))
    if not strays:
        return 0
    stray_trees = Collection.objects.none()
    for stray in strays:
        stray_trees |= Collection.objects.filter(path__startswith=stray.path)
    stray_ids = list(stray_trees.values_list("pk", flat=True))
    get_image_model().objects.filter(collection__in=stray_ids).update(collection=photo_archive())
    get_media_model().objects.filter(collection__in=stray_ids).update(collection=photo_archive())
    get_document_model().objects.filter(collection__in=stray_ids).update(
        collection=press_documents()
    )
    for stray in strays:
        stray.refresh_from_db()
        stray.delete()
    return len(strays)
