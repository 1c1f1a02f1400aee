"""Admin upload and edit forms: an exact duplicate is refused with a link to the item the
archive already holds (settings: WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILMEDIA)."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.images.forms import BaseImageForm
from wagtail.images.widgets import AdminImageChooser
from wagtailmedia.forms import BaseMediaForm

from media_archive import duplicates


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


# Choosers, not <select>s of every page and document (and nothing leaks into the chooser).
CATALOGUE_WIDGETS = {"consent_document": AdminDocumentChooser, "event_page": AdminPageChooser}


class ArchiveImageForm(BaseImageForm):
    class Meta(BaseImageForm.Meta):
        widgets = {
            **BaseImageForm.Meta.widgets,
            **CATALOGUE_WIDGETS,
            # The reviewer sees the similar image and clears the flag once checked.
            "near_duplicate_of": AdminImageChooser,
        }

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if "file" in self.changed_data:
            refuse_exact_duplicate(uploaded, self.instance)
        return uploaded


class ArchiveMediaForm(BaseMediaForm):
    class Meta(BaseMediaForm.Meta):
        widgets = {**BaseMediaForm.Meta.widgets, **CATALOGUE_WIDGETS}

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if "file" in self.changed_data:
            refuse_exact_duplicate(uploaded, self.instance)
        return uploaded
