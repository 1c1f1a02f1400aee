"""Who may see an archive item, and what a public copy of it may carry.

One place decides whether an item may appear on the public site (`is_publishable`, and
its database twin `publishable_q`); the chooser, page validation, galleries and downloads
all ask here.
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images.models import Filter

# Two internals, each checked by tests/test_upstream_canaries.py: Wagtail's reference
# scanner (ReferenceIndex._extract_references_from_object, for pages not saved yet) in
# `archive_references`, and Pillow's cached sub-IFDs (Exif._ifds) in `strip_private_exif`.
WRITTEN_FOR = ("wagtail 8.0.1", "pillow 13.0.0")

# EXIF tags that identify a place or a device, never a picture's content.
# What stays: the date, camera model, orientation, exposure, and the Artist and Copyright
# tags (the credit and rights the agency publishes with the picture anyway).
_EXIF_IFD_PRIVATE_TAGS = (
    0xA430,  # CameraOwnerName
    0xA431,  # BodySerialNumber
    0xA435,  # LensSerialNumber
    0xA420,  # ImageUniqueID: ties the public copy to the camera's own numbering
    0x9286,  # UserComment: free text, often names and places
    0x927C,  # MakerNote: vendor blobs carry serial numbers and sometimes positions
)
_IFD0_PRIVATE_TAGS = (
    ExifTags.Base.GPSInfo,  # the GPS pointer
    0xC62F,  # CameraSerialNumber (DNG)
    0x013C,  # HostComputer
    0x9C9B,  # XPTitle, XPComment, XPAuthor, XPKeywords, XPSubject: Windows' own fields,
    0x9C9C,  # where Explorer writes the owner's name and notes
    0x9C9D,
    0x9C9E,
    0x9C9F,
)


def is_publishable(item, on=None):
    """Whether the item may be shown or offered for download on the public site: public
    sensitivity, rights recorded and not expired, consent not needed (and no minors shown)
    or on file and not expired."""
    on = on or timezone.localdate()
    if item.sensitivity != "public":
        return False
    if not item.rights_kind or (item.rights_expiry and item.rights_expiry < on):
        return False
    if item.consent_status == "not_needed":
        return not item.minors_shown
    if item.consent_status == "on_file":
        return item.consent_expiry is None or item.consent_expiry >= on
    return False


def publishable_q(on=None):
    """`is_publishable` as a query filter; tests hold the two to the same answers."""
    on = on or timezone.localdate()
    rights_valid = ~Q(rights_kind="") & (Q(rights_expiry__isnull=True) | Q(rights_expiry__gte=on))
    consent_valid = Q(consent_status="not_needed", minors_shown=False) | (
        Q(consent_status="on_file") & (Q(consent_expiry__isnull=True) | Q(consent_expiry__gte=on))
    )
    return Q(sensitivity="public") & rights_valid & consent_valid


def blocking_reasons(item, on=None):
    """Why an item may not be published, in words for the editor."""
    on = on or timezone.localdate()
    reasons = []
    if item.sensitivity != "public":
        reasons.append(_("marked internal"))
    if not item.rights_kind:
        reasons.append(_("rights not recorded"))
    elif item.rights_expiry and item.rights_expiry < on:
        reasons.append(_("rights expired"))
    if item.consent_status == "not_needed" and item.minors_shown:
        reasons.append(_("minors shown without consent on file"))
    elif item.consent_status == "on_file":
        if item.consent_expiry and item.consent_expiry < on:
            reasons.append(_("consent expired"))
    elif item.consent_status != "not_needed":
        reasons.append(_("consent not recorded"))
    return reasons


def strip_private_exif(exif_bytes):
    """EXIF without GPS, serial numbers, owner name or maker notes; everything else (date,
    camera model, orientation, copyright) kept."""
    exif = PILImage.Exif()
    exif.load(exif_bytes)
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    for tag in _EXIF_IFD_PRIVATE_TAGS:
        exif_ifd.pop(tag, None)
    for tag in _IFD0_PRIVATE_TAGS:
        exif.pop(tag, None)
    # Pillow writes a cached GPS sub-IFD back even after its pointer is removed.
    exif._ifds.pop(ExifTags.IFD.GPSInfo, None)
    return exif.tobytes()


def strip_private_metadata(pillow_image):
    """Remove place and device identifiers from a Pillow image's metadata, in place."""
    info = pillow_image.info
    if info.get("exif"):
        info["exif"] = strip_private_exif(info["exif"])
    # XMP (with its editing history) and comments may repeat GPS positions and names;
    # renditions need neither. IPTC and Photoshop blocks carry bylines and contacts.
    for key in ("xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"):
        info.pop(key, None)
    return pillow_image


class _StrippingWillowImage:
    """Willow's image as `Filter.run` receives it; the first Pillow conversion (auto-orient,
    always the first operation) loses the private metadata before any save sees it."""

    def __init__(self, willow_image):
        self._willow_image = willow_image

    def __getattr__(self, name):
        return getattr(self._willow_image, name)

    def auto_orient(self):
        oriented = self._willow_image.auto_orient()
        strip_private_metadata(oriented.image)
        return oriented


class PrivateMetadataStrippingFilter(Filter):
    @contextmanager
    def get_willow_image(self, image, source=None):
        with super().get_willow_image(image, source) as willow_image:
            yield _StrippingWillowImage(willow_image)


# Page validation ------------------------------------------------------------------------


def archive_references(page):
    """{model: {key, …}} of the archive images and media the page refers to, wherever it
    does: foreign keys, StreamField blocks, rich text embeds, inline child objects.

    Found the way Wagtail's reference index finds them (its scanner, not its table: the page
    may be unsaved, or a revision's content), so a new field or block type of any page is
    covered without a change here.
    """
    from wagtail.models import ReferenceIndex

    from media_archive.models import ArchiveImage, ArchiveMedia

    models_by_content_type = {
        ReferenceIndex._get_base_content_type(model).id: model
        for model in (ArchiveImage, ArchiveMedia)
    }
    keys_by_model = {}
    for content_type_id, object_id, *_paths in ReferenceIndex._extract_references_from_object(page):
        model = models_by_content_type.get(content_type_id)
        if model is not None:
            keys_by_model.setdefault(model, set()).add(int(object_id))
    return keys_by_model


def archive_items_in(page):
    """The archive items themselves (see `archive_references`), by title."""
    found = []
    for model, keys in archive_references(page).items():
        found.extend(model.objects.filter(pk__in=keys).order_by("title", "pk"))
    return found


def validate_page_media(page):
    """Refuse a page that would show an item the public may not see, naming each item and
    why; every public page type runs this when it is cleaned (cms.models.BasePage)."""
    blocked = []
    for item in archive_items_in(page):
        if not is_publishable(item):
            reasons = ", ".join(str(reason) for reason in blocking_reasons(item))
            blocked.append(f"«{item.title}» ({reasons})")
    if blocked:
        raise ValidationError(
            _("These archive items may not appear on public pages: %(items)s")
            % {"items": "; ".join(blocked)}
        )


# Held back: used only where the public cannot look ------------------------------------


def can_see_everything(user):
    """Staff who work with the archive (may add, change or choose images or video and
    audio in some collection) see every archive item and file, published or not. Admin
    access alone is not enough: an analyst reads reports, not originals with their GPS."""
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    if user.is_superuser:
        return True
    from wagtail.permissions import policy_registry

    from media_archive.models import ArchiveImage, ArchiveMedia

    return any(
        policy_registry.get_by_type(model).user_has_any_permission(
            user, ["add", "change", "choose"]
        )
        for model in (ArchiveImage, ArchiveMedia)
    )


def _publicly_visible_page_ids():
    """Ids (as text, the reference index's type) of live pages without a view restriction
    on themselves or any ancestor (an ancestor's tree path is a prefix of the page's)."""
    from django.db.models import CharField, Exists, OuterRef
    from django.db.models.functions import Cast, Length, Substr
    from wagtail.models import Page, PageViewRestriction

    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return (
        Page.objects.filter(live=True)
        .exclude(Exists(restricted))
        .annotate(pk_text=Cast("pk", output_field=CharField()))
        .values("pk_text")
    )


def held_back_q(model, item_ref="pk"):
    """Filter for the held-back items: shown by at least one page, live content or latest
    draft, and by no live page that the public can see.

    An item used only on a staff-only page, on a page not live yet (an embargoed press
    release) or only in an unpublished draft of a live page is held back: listing or
    serving it would show the public what the page itself does not yet. `item_ref` names
    the item's key on the filtered model (e.g. "image_id" when filtering renditions).

    Both subqueries are uncorrelated, so the database evaluates each once per query, not
    once per item: items used on pages are few beside the whole archive.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import IntegerField
    from django.db.models.functions import Cast
    from wagtail.models import Page, ReferenceIndex

    from media_archive.models import DraftReference

    item_type = ContentType.objects.get_for_model(model)
    on_pages = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), to_content_type=item_type
    )
    on_public_pages = on_pages.filter(object_id__in=_publicly_visible_page_ids()).values(
        "to_object_id"
    )
    live_content_only = (
        on_pages.exclude(to_object_id__in=on_public_pages)
        .annotate(item_pk=Cast("to_object_id", output_field=IntegerField()))
        .values("item_pk")
    )
    drafts_only = (
        DraftReference.objects.filter(content_type=item_type)
        .exclude(
            object_id__in=on_public_pages.annotate(
                item_pk=Cast("to_object_id", output_field=IntegerField())
            ).values("item_pk")
        )
        .values("object_id")
    )
    return Q(**{f"{item_ref}__in": live_content_only}) | Q(**{f"{item_ref}__in": drafts_only})


def not_held_back_q(model, item_ref="pk"):
    """Filter for items that are not held back (see `held_back_q`)."""
    return ~held_back_q(model, item_ref)


def is_held_back(item):
    model = type(item)
    return model.objects.filter(held_back_q(model), pk=item.pk).exists()


def is_public(item):
    """Publishable, and not held back: what anonymous visitors may see and fetch."""
    return is_publishable(item) and not is_held_back(item)


def public_q(model, on=None):
    """`is_public` as a query filter, for galleries and downloads."""
    return publishable_q(on) & not_held_back_q(model)
