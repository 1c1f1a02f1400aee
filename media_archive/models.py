"""The archive's own image, document and audio/video models, with the catalogue the
agency keeps for every photo, video and recording: who, what, when, where, rights and
consent.

They exist from the first migration so that the catalogue fields could be added to them
later without swapping Wagtail's models under live data.
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index
from wagtailmedia.models import AbstractMedia

from cms.hooks import ANALYSED_FIELD, search_terms
from media_archive import privacy


class Sensitivity(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")


class RightsKind(models.TextChoices):
    UNKNOWN = "", _("Not recorded")
    AGENCY = "agency", _("Owned by the agency")
    LICENSED = "licensed", _("Licensed")
    THIRD_PARTY = "third_party", _("Third party")


class ConsentStatus(models.TextChoices):
    UNKNOWN = "", _("Not recorded")
    NOT_NEEDED = "not_needed", _("Not needed")
    ON_FILE = "on_file", _("On file")


class Album(index.Indexed, models.Model):
    """One album per event. Not a Wagtail collection: collections decide who may edit
    what, albums decide what the public sees together, with a cover and an order."""

    title_ka = models.CharField(_("title in Georgian"), max_length=255)
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    event_date = models.DateField(_("event date"), null=True, blank=True, db_index=True)
    event_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover = models.ForeignKey(
        "media_archive.ArchiveImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_folder = models.CharField(
        _("imported from folder"), max_length=500, blank=True, db_index=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    search_fields = [index.SearchField("title_ka"), index.SearchField("title_en")]

    class Meta:
        ordering = ["-event_date", "title_ka"]
        verbose_name = _("album")
        verbose_name_plural = _("albums")

    def __str__(self):
        return self.title

    @property
    def title(self):
        if translation.get_language() == "en" and self.title_en:
            return self.title_en
        return self.title_ka

    @property
    def title_language(self):
        """The language `title` is in, for a `lang` attribute."""
        return "en" if translation.get_language() == "en" and self.title_en else "ka"


class CatalogueFields(models.Model):
    """What the archive records about every photo, video and recording."""

    caption_ka = models.CharField(_("caption in Georgian"), max_length=500, blank=True)
    caption_en = models.CharField(_("caption in English"), max_length=500, blank=True)
    description_ka = models.TextField(_("description in Georgian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    date_taken = models.DateTimeField(_("date taken"), null=True, blank=True, db_index=True)
    credit = models.CharField(_("photographer / credit"), max_length=255, blank=True, db_index=True)
    place_name = models.CharField(_("place"), max_length=255, blank=True)
    # Coordinates stay in the catalogue for staff; no public page, rendition or download
    # carries them.
    latitude = models.DecimalField(
        _("latitude (private)"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude (private)"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    album = models.ForeignKey(
        Album,
        verbose_name=_("album"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    album_position = models.PositiveIntegerField(_("position in album"), default=0)
    event_name = models.CharField(_("event"), max_length=255, blank=True, db_index=True)
    event_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    people_shown = models.TextField(
        _("people shown"), blank=True, help_text=_("One name per line, left to right.")
    )
    rights_kind = models.CharField(
        _("rights"), max_length=20, choices=RightsKind.choices, blank=True, db_index=True
    )
    licence = models.CharField(_("licence"), max_length=255, blank=True)
    rights_expiry = models.DateField(_("rights expire on"), null=True, blank=True, db_index=True)
    consent_status = models.CharField(
        _("consent"), max_length=20, choices=ConsentStatus.choices, blank=True, db_index=True
    )
    consent_expiry = models.DateField(_("consent expires on"), null=True, blank=True, db_index=True)
    minors_shown = models.BooleanField(_("minors shown"), default=False)
    consent_document = models.ForeignKey(
        "media_archive.ArchiveDocument",
        verbose_name=_("consent document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kept as an internal document; never shown on the public site."),
    )
    # No index of its own: nine items in ten are public, and an index on it only lures
    # SQLite into reading the whole table through it. The gallery indexes below lead with it.
    sensitivity = models.CharField(
        _("sensitivity"),
        max_length=20,
        choices=Sensitivity.choices,
        default=Sensitivity.PUBLIC,
    )
    file_plan_code = models.CharField(
        _("file-plan code"),
        max_length=50,
        blank=True,
        db_index=True,
        help_text=_("Code of the file nomenclature, e.g. 01-07."),
    )
    retention_years = models.PositiveSmallIntegerField(
        _("retention period (years)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for permanent retention."),
    )
    original_filename = models.CharField(_("original file name"), max_length=500, blank=True)
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True, db_index=True)
    perceptual_hash = models.CharField(
        _("perceptual hash"), max_length=16, blank=True, db_index=True
    )
    near_duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("possible duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when a visually similar item exists; clear it once reviewed."),
    )
    technical_metadata = models.JSONField(_("technical metadata"), default=dict, blank=True)
    # Stored so that the gallery groups, filters and sorts through indexes instead of
    # working each out per row (`gallery_columns`, kept by save(); imports that write rows
    # directly must fill them the same way).
    year_taken = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    gallery_date = models.DateTimeField(null=True, blank=True, editable=False)

    CATALOGUE_FIELD_NAMES = (
        "caption_ka",
        "caption_en",
        "description_ka",
        "description_en",
        "date_taken",
        "credit",
        "place_name",
        "latitude",
        "longitude",
        "album",
        "album_position",
        "event_name",
        "event_page",
        "people_shown",
        "rights_kind",
        "licence",
        "rights_expiry",
        "consent_status",
        "consent_expiry",
        "minors_shown",
        "consent_document",
        "sensitivity",
        "file_plan_code",
        "retention_years",
    )

    class Meta:
        abstract = True

    search_analysed_terms = search_terms

    def save(self, *args, **kwargs):
        if self.created_at is None:
            self.created_at = timezone.now()  # the gallery date of an item without a date
        for name, value in gallery_columns(self.date_taken, self.created_at).items():
            setattr(self, name, value)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"date_taken", "created_at"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "year_taken", "gallery_date"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.consent_status == ConsentStatus.ON_FILE and not self.consent_document_id:
            errors["consent_document"] = _("Attach the signed consent when consent is on file.")
        if self.rights_kind in (RightsKind.LICENSED, RightsKind.THIRD_PARTY) and not self.licence:
            errors["licence"] = _("Name the licence or the agreement.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_publishable(self):
        return privacy.is_publishable(self)

    @property
    def caption(self):
        if translation.get_language() == "en" and self.caption_en:
            return self.caption_en
        return self.caption_ka

    @property
    def caption_language(self):
        """The language `caption` is in; without a caption the title stands in, which the
        archive writes in Georgian."""
        return "en" if translation.get_language() == "en" and self.caption_en else "ka"

    @property
    def catalogue_description(self):
        if translation.get_language() == "en" and self.description_en:
            return self.description_en
        return self.description_ka

    @property
    def retention_ends_on(self):
        if self.retention_years is None or self.date_taken is None:
            return None
        taken = timezone.localtime(self.date_taken).date()
        try:
            return taken.replace(year=taken.year + self.retention_years)
        except ValueError:  # 29 February
            return taken.replace(year=taken.year + self.retention_years, day=28)


def gallery_columns(date_taken, created_at):
    """The stored gallery columns of an item: the year it was taken, in the agency's time
    zone, and the date the gallery sorts it by (taken, else added)."""
    return {
        "year_taken": timezone.localtime(date_taken).year if date_taken else None,
        "gallery_date": date_taken or created_at,
    }


def _has_new_upload(item):
    """A file chosen in a form and not stored yet, or stored by Wagtail's two-step multiple
    upload without being read; imports read the file themselves."""
    return bool(
        item.file
        and (not item.file._committed or not item.sha256)
        and not getattr(item, "catalogue_read_from_file", False)
    )


@contextmanager
def new_files_removed_on_failure(item, file_field_names):
    """A save that fails after storing a newly chosen file (the database refusing the row,
    a tag, anything) removes that file again: no file under MEDIA_ROOT without its row."""
    new_files = [
        getattr(item, name)
        for name in file_field_names
        if getattr(item, name) and not getattr(item, name)._committed
    ]
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for stored in new_files:
            if stored._committed and stored.name:
                stored.storage.delete(stored.name)
        raise


CATALOGUE_SEARCH_FIELDS = [
    index.SearchField("caption_ka"),
    index.SearchField("caption_en"),
    index.SearchField("description_ka"),
    index.SearchField("description_en"),
    index.SearchField("people_shown"),
    index.SearchField("event_name"),
    index.SearchField("place_name"),
    index.AutocompleteField("credit"),
    # Georgian stems of the catalogue text, so that the site search finds inflected forms.
    index.SearchField(ANALYSED_FIELD),
    index.FilterField("sensitivity"),
    index.FilterField("rights_kind"),
    index.FilterField("consent_status"),
    index.FilterField("date_taken"),
]


# The columns privacy.publishable_q reads, after `sensitivity`.
_PUBLISHABLE_COLUMNS = [
    "rights_kind",
    "consent_status",
    "minors_shown",
    "rights_expiry",
    "consent_expiry",
]


def gallery_indexes(prefix, facets=("year_taken", "event_name", "credit")):
    """What the public gallery reads. One index per facet, in the facet's order and
    carrying every column the public filter needs: each facet is counted from its index
    alone, in order, without reading a row. And the newest items first, for the first
    page of results."""
    names = {"year_taken": "year", "event_name": "event", "credit": "credit", "type": "type"}
    return [
        *(
            models.Index(
                fields=["sensitivity", facet, *_PUBLISHABLE_COLUMNS],
                name=f"{prefix}_public_{names[facet]}",
            )
            for facet in facets
        ),
        models.Index(fields=["sensitivity", "gallery_date", "id"], name=f"{prefix}_public_newest"),
    ]


# What an image's renditions are made from, beside its file.
_FOCAL_POINT_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")


class ArchiveImage(CatalogueFields, AbstractImage):
    # The perceptual hash cut into four 16-bit bands, each indexed: two hashes within
    # NEAR_DUPLICATE_MAX_DISTANCE bits share a band exactly or within one bit
    # (duplicates.near_duplicate_candidates_q), so the search needs no scan of every hash.
    phash_band_0 = models.PositiveIntegerField(null=True, blank=True, editable=False)
    phash_band_1 = models.PositiveIntegerField(null=True, blank=True, editable=False)
    phash_band_2 = models.PositiveIntegerField(null=True, blank=True, editable=False)
    phash_band_3 = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Every rendition a public page shows of it exists (media_archive.renditions); until
    # then visitors see a placeholder. The admin counts the images still waiting.
    public_renditions_ready = models.BooleanField(default=False, editable=False)

    admin_form_fields = (
        Image.admin_form_fields + CatalogueFields.CATALOGUE_FIELD_NAMES + ("near_duplicate_of",)
    )
    search_fields = AbstractImage.search_fields + CATALOGUE_SEARCH_FIELDS

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        indexes = [
            *gallery_indexes("archive_img"),
            models.Index(fields=["phash_band_0"], name="archive_img_phash_band_0"),
            models.Index(fields=["phash_band_1"], name="archive_img_phash_band_1"),
            models.Index(fields=["phash_band_2"], name="archive_img_phash_band_2"),
            models.Index(fields=["phash_band_3"], name="archive_img_phash_band_3"),
        ]

    archive_kind = "image"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        from media_archive import renditions
        from media_archive.duplicates import hash_bands

        update_fields = kwargs.get("update_fields")
        picture_changed = (
            update_fields is None or bool({"file", *_FOCAL_POINT_FIELDS} & set(update_fields))
        ) and getattr(self, "_stored_picture", None) != self._picture_key()
        if picture_changed:
            self.public_renditions_ready = False
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "public_renditions_ready"}
        elif update_fields is None and not self._state.adding and self.pk is not None:
            # The flag is the worker's: a copy of the row loaded before the worker finished
            # must not write its old value back.
            deferred = self.get_deferred_fields()
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key
                and field.name != "public_renditions_ready"
                and field.attname not in deferred
            ]
        keywords = []
        if _has_new_upload(self):
            from media_archive.ingest import read_uploaded_image

            keywords = read_uploaded_image(self)
        bands = hash_bands(self.perceptual_hash)
        for number, band in enumerate(bands):
            setattr(self, f"phash_band_{number}", band)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "perceptual_hash" in update_fields:
            kwargs["update_fields"] = {*update_fields, *(f"phash_band_{n}" for n in range(4))}
        with new_files_removed_on_failure(self, ["file"]):
            super().save(*args, **kwargs)
            if keywords:
                self.tags.add(*keywords[:50])
        if picture_changed:
            self._stored_picture = self._picture_key()
            if not getattr(self, "renditions_left_to_caller", False):
                renditions.enqueue([self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        image = super().from_db(db, field_names, values)
        image._stored_picture = image._picture_key()
        return image

    def _picture_key(self):
        """What the renditions are made from: the file and the focal point."""
        return (
            self.file.name if "file" in self.__dict__ else None,
            self.__dict__.get("focal_point_x"),
            self.__dict__.get("focal_point_y"),
            self.__dict__.get("focal_point_width"),
            self.__dict__.get("focal_point_height"),
        )

    def get_rendition(self, filter):
        from media_archive import renditions

        if renditions.may_make_renditions():
            return super().get_rendition(filter)
        return next(iter(renditions.existing_or_placeholders(self, [filter]).values()))

    def get_renditions(self, *filters):
        from media_archive import renditions

        if renditions.may_make_renditions():
            return super().get_renditions(*filters)
        return renditions.existing_or_placeholders(self, filters)

    @property
    def public_renditions_made(self):
        """Whether the gallery's picture of it can be shown (else its placeholder)."""
        from media_archive import renditions

        return renditions.is_ready(self)

    def generate_rendition_file(self, filter, *, source=None):
        # Willow copies EXIF into JPEG and PNG renditions; ours leave out GPS and serials.
        return super().generate_rendition_file(
            privacy.PrivateMetadataStrippingFilter(spec=filter.spec), source=source
        )


class ArchiveRendition(AbstractRendition):
    image = models.ForeignKey(ArchiveImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        # media_archive.serving finds a rendition by the file a visitor asks for.
        indexes = [models.Index(fields=["file"], name="archive_rendition_file")]

    # A rendition not made yet (media_archive.renditions.placeholder) shows the placeholder.
    is_placeholder = False

    @property
    def url(self):
        if self.is_placeholder:
            from media_archive import renditions

            return renditions.placeholder_url()
        return super().url


class ArchiveDocument(AbstractDocument):
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = Document.admin_form_fields + ("description",)

    def clean(self):
        # A form that has refused the upload (and said why) leaves no file here; Wagtail's
        # extension check would add "file extension „“ is not allowed" under the reason.
        if self.file:
            super().clean()

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class ArchiveMedia(CatalogueFields, AbstractMedia):
    """Video and audio, through wagtailmedia."""

    transcript_ka = models.TextField(_("transcript in Georgian"), blank=True)
    transcript_en = models.TextField(_("transcript in English"), blank=True)
    # The copy the public plays and downloads: the upload with its metadata (location,
    # device serials) removed by ffmpeg. The upload itself stays, for staff only.
    public_file = models.FileField(
        _("public copy"), upload_to="media_public", blank=True, editable=False, max_length=255
    )

    admin_form_fields = (
        AbstractMedia.admin_form_fields
        + CatalogueFields.CATALOGUE_FIELD_NAMES
        + ("transcript_ka", "transcript_en")
    )
    # The site search narrows archive items to the public ones by key.
    search_fields = (
        AbstractMedia.search_fields + CATALOGUE_SEARCH_FIELDS + [index.FilterField("id")]
    )

    class Meta(AbstractMedia.Meta):
        verbose_name = _("media item")
        verbose_name_plural = _("media items")
        indexes = [
            *gallery_indexes("archive_media", ("year_taken", "event_name", "credit", "type")),
            # media_archive.serving finds the item by the file a visitor asks for.
            models.Index(fields=["public_file"], name="archive_media_public_file"),
            models.Index(fields=["thumbnail"], name="archive_media_thumbnail"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        new_upload = _has_new_upload(self)
        with new_files_removed_on_failure(self, ["file", "thumbnail"]):
            super().save(*args, **kwargs)
        if new_upload:
            from media_archive.ingest import read_uploaded_media

            read_uploaded_media(self)

    @property
    def archive_kind(self):
        return self.type

    @property
    def transcript(self):
        if translation.get_language() == "en" and self.transcript_en:
            return self.transcript_en
        return self.transcript_ka


class DraftReference(models.Model):
    """An archive item that a page's latest revision shows. Wagtail's reference index reads
    the page's own row, which holds the live content (or, for a page never published, its
    first version), so an item added in a later draft is missing there; privacy.held_back_q
    reads both. Kept up to date by media_archive.draft_references."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "content_type", "object_id"], name="draft_reference_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="draft_reference_item")]

    def __str__(self):
        return f"{self.page_id} → {self.content_type_id}:{self.object_id}"


from media_archive.pages import ArchiveGalleryPage  # noqa: E402, F401  (registers the page type)
from media_archive.vocabularies import Event, Person, Place  # noqa: E402, F401  (their models)
