"""Admin upload and edit forms (settings: WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILMEDIA): every new file goes through the checks
`import_media` makes (what it really is, whether it decodes, ffprobe for recordings) and is
refused with a reason in the admin's language before anything is stored; an exact
duplicate is refused with a link to the item the archive already holds."""

import shutil
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.widgets import AdminImageChooser
from wagtailmedia.forms import BaseMediaForm

from media_archive import duplicates, extraction, ingest
from media_archive.vocabulary_widgets import PeopleInput, VocabularyInput

# Catalogue fields with a default: a photo uploaded several at a time takes the default
# and is catalogued afterwards (in the queue), instead of waiting for an "Update" each.
FIELDS_WITH_DEFAULTS = ("album_position", "sensitivity")


def _new_upload(form):
    uploaded = form.cleaned_data.get("file")
    if "file" in form.changed_data and uploaded is not None and hasattr(uploaded, "read"):
        return uploaded
    return None


def _refusal(reason):
    return ValidationError(capfirst(str(reason)), code="refused")


def check_uploaded_image(uploaded):
    """Refuse what `import_media` refuses: a name that lies about the content, a file that
    does not decode to the end (truncated, corrupt), an image bomb."""
    try:
        uploaded.seek(0)
        ingest.check_declared_type(uploaded.name, uploaded.read(64), ingest.IMAGE_EXTENSIONS)
        uploaded.seek(0)
        pillow_image = ingest.open_checked_image(uploaded, uploaded.name)
        extraction.extract_image_metadata(pillow_image)
    except ingest.Rejected as error:
        raise _refusal(error) from error
    finally:
        uploaded.seek(0)


def check_uploaded_recording(uploaded):
    """ffprobe reads the upload before it is stored, as it does for `import_media`."""
    try:
        uploaded.seek(0)
        ingest.check_declared_type(uploaded.name, uploaded.read(64), ingest.MEDIA_EXTENSIONS)
        uploaded.seek(0)
        if hasattr(uploaded, "temporary_file_path"):
            extraction.probe_media(uploaded.temporary_file_path())
        else:
            suffix = Path(uploaded.name).suffix.lower()
            with tempfile.NamedTemporaryFile(prefix="ssa-upload-", suffix=suffix) as copy:
                shutil.copyfileobj(uploaded, copy)
                copy.flush()
                extraction.probe_media(copy.name)
    except ingest.Rejected as error:
        raise _refusal(error) from error
    except extraction.MediaToolMissing as error:
        raise _refusal(error) from error
    except extraction.MediaProbeError as error:
        ingest.logger.info("uploaded recording refused: %s: %s", uploaded.name, error)
        raise _refusal(error.reason) from error
    finally:
        uploaded.seek(0)


def refuse_exact_duplicate(uploaded, instance):
    if uploaded is None or not hasattr(uploaded, "read"):
        return
    existing = duplicates.find_exact_duplicate(duplicates.sha256_of(uploaded))
    if existing is not None and not (
        type(existing) is type(instance) and existing.pk == instance.pk
    ):
        raise ValidationError(
            format_html(
                '{} <a href="{}">{}</a>',
                _("This file is already in the archive:"),
                duplicates.admin_edit_url(existing),
                existing.title,
            ),
            code="duplicate",
        )


# Choosers, not <select>s of every page and document (and nothing leaks into the chooser);
# people, places and events suggested from their vocabularies as one types.
CATALOGUE_WIDGETS = {
    "consent_document": AdminDocumentChooser,
    "event_page": AdminPageChooser,
    "event_name": VocabularyInput("events"),
    "place_name": VocabularyInput("places"),
    "people_shown": PeopleInput,
}


class CatalogueFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.fields.get("file"), WagtailImageField):
            # BaseImageForm's formfield_callback builds the field; ours adds the checks.
            self.fields["file"].__class__ = CheckedImageField
        for name in FIELDS_WITH_DEFAULTS:
            if name in self.fields:
                self.fields[name].required = False

    def clean(self):
        cleaned_data = super().clean()
        for name in FIELDS_WITH_DEFAULTS:
            if name in self.fields and cleaned_data.get(name) in (None, ""):
                cleaned_data[name] = self.instance._meta.get_field(name).get_default()
        return cleaned_data

    def keep_uploaders_file_name(self, uploaded):
        # The name on the uploader's disk, not the one storage gives the file.
        self.instance.original_filename = Path(uploaded.name).name[:500]


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, with the archive's checks first: Wagtail decodes the file to
    learn its size, and a truncated file raises Pillow's OSError there (a 500)."""

    def to_python(self, data):
        if data is not None and hasattr(data, "read") and getattr(data, "size", 0):
            check_uploaded_image(data)
        return super().to_python(data)


class ArchiveImageForm(CatalogueFormMixin, BaseImageForm):
    class Meta(BaseImageForm.Meta):
        widgets = {
            **BaseImageForm.Meta.widgets,
            **CATALOGUE_WIDGETS,
            # The reviewer sees the similar image and clears the flag once checked.
            "near_duplicate_of": AdminImageChooser,
        }

    def clean_file(self):
        uploaded = _new_upload(self)
        if uploaded is not None:
            refuse_exact_duplicate(uploaded, self.instance)
            self.keep_uploaders_file_name(uploaded)
        return self.cleaned_data.get("file")


class ArchiveMediaForm(CatalogueFormMixin, BaseMediaForm):
    class Meta(BaseMediaForm.Meta):
        widgets = {**BaseMediaForm.Meta.widgets, **CATALOGUE_WIDGETS}

    def clean_file(self):
        uploaded = _new_upload(self)
        if uploaded is not None:
            check_uploaded_recording(uploaded)
            refuse_exact_duplicate(uploaded, self.instance)
            self.keep_uploaders_file_name(uploaded)
        return self.cleaned_data.get("file")

    def clean_thumbnail(self):
        thumbnail = self.cleaned_data.get("thumbnail")
        if "thumbnail" in self.changed_data and thumbnail and hasattr(thumbnail, "read"):
            check_uploaded_image(thumbnail)
        return thumbnail


# What each document type's file starts with. A document is downloaded by the public as
# it was uploaded: a page of HTML or script under a .pdf name must not get through.
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "rtf": (b"{\\rtf",),
}
TEXT_DOCUMENTS = {"csv", "txt"}


def check_uploaded_document(uploaded):
    extension = Path(uploaded.name).suffix.lower().lstrip(".")
    uploaded.seek(0)
    head = uploaded.read(4096)
    uploaded.seek(0)
    if ingest.sniff_kind(head) == "html":
        raise _refusal(_("the file is a web page or script, not a document"))
    signatures = DOCUMENT_SIGNATURES.get(extension)
    if signatures is not None and not head.startswith(signatures):
        raise _refusal(
            _("the name says %(declared)s but the content is not a %(declared)s file")
            % {"declared": extension.upper()}
        )
    if extension in TEXT_DOCUMENTS and b"\x00" in head:
        raise _refusal(
            _("the name says %(declared)s but the content is not text")
            % {"declared": extension.upper()}
        )


class ArchiveDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = _new_upload(self)
        if uploaded is not None:
            check_uploaded_document(uploaded)
        return self.cleaned_data.get("file")
