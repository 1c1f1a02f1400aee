"""Bulk editing of the catalogue: any catalogue field written to, or cleared on, every
selected photo, video or recording; and the selection's catalogue as a CSV file.

Wagtail's bulk-action framework provides the selection, the confirmation page and the
transaction; here every item is checked against the catalogue's own rules before any is
written, so a selection is changed completely or not at all.

Each field has its own "clear" box: an empty field means "leave as it is", so emptying a
field on a hundred photos needs a choice of its own. Documents, pages and albums are picked
with Wagtail's choosers (which offer only what the user may choose), never a <select> of
every row; the server checks the choice against the same rights.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property, keep_lazy_text
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import widgets
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.widgets import AdminSnippetChooser

from helpers import georgian
from media_archive import catalogue_export
from media_archive.models import (
    Album,
    ArchiveDocument,
    ArchiveImage,
    ArchiveMedia,
    ConsentStatus,
    RightsKind,
    Sensitivity,
)
from media_archive.vocabulary_widgets import PeopleInput, VocabularyInput

# The model's labels, which start in lower case, for a form of their own (Georgian-safe).
label = keep_lazy_text(georgian.capfirst)

UNCHANGED = [("", _("— leave unchanged —"))]
CLEAR_PREFIX = "clear_"
# The fields a bulk edit may write, in the order of the edit form's sections. Blank in the
# form means "leave as it is"; the ones in CLEARABLE have a "clear" box beside them.
BULK_FIELDS = (
    "caption_ka",
    "caption_en",
    "description_ka",
    "description_en",
    "date_taken",
    "credit",
    "event_name",
    "event_page",
    "place_name",
    "album",
    "people_shown",
    "minors_shown",
    "consent_status",
    "consent_expiry",
    "consent_document",
    "rights_kind",
    "licence",
    "rights_expiry",
    "sensitivity",
    "file_plan_code",
    "retention_years",
)
# Sensitivity always has a value (public or internal); "minors shown" is yes or no, its
# "no" is the clearing.
CLEARABLE = tuple(name for name in BULK_FIELDS if name not in ("sensitivity", "minors_shown"))
MINORS_CHOICES = UNCHANGED + [("yes", _("Yes")), ("no", _("No"))]


class ChosenOnlyFromAllowed:
    """A chooser widget that, when the form comes back with errors, shows the posted choice
    only if it is a real id of something the user may choose: Wagtail's own would fail on
    "abc" (a 500) and show the title of any row whose id was typed in."""

    allowed = None  # a queryset, set by the form

    def get_instance(self, value):
        if value is None or isinstance(value, self.model_class):
            return super().get_instance(value)
        if not str(value).isdigit():
            return None
        allowed = self.allowed if self.allowed is not None else self.model_class.objects.all()
        return allowed.filter(pk=int(value)).first()


class DocumentChooser(ChosenOnlyFromAllowed, AdminDocumentChooser):
    pass


class PageChooser(ChosenOnlyFromAllowed, widgets.AdminPageChooser):
    def get_instance(self, value):
        instance = super().get_instance(value)
        return instance.specific if instance is not None else None


class AlbumChooser(ChosenOnlyFromAllowed, AdminSnippetChooser):
    pass


def _cleared_value(model, name):
    """What "clear" writes: NULL where the column allows it, else the empty string."""
    field = model._meta.get_field(name)
    return None if field.null else ""


class CatalogueBulkEditForm(forms.Form):
    caption_ka = forms.CharField(
        label=label(_("caption in Georgian")), max_length=500, required=False
    )
    caption_en = forms.CharField(
        label=label(_("caption in English")), max_length=500, required=False
    )
    description_ka = forms.CharField(
        label=label(_("description in Georgian")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    description_en = forms.CharField(
        label=label(_("description in English")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    date_taken = forms.DateTimeField(
        label=label(_("date taken")), required=False, widget=widgets.AdminDateTimeInput
    )
    credit = forms.CharField(label=_("Photographer / credit"), max_length=255, required=False)
    event_name = forms.CharField(
        label=_("Event"), max_length=255, required=False, widget=VocabularyInput("events")
    )
    event_page = forms.ModelChoiceField(
        label=label(_("event page")),
        queryset=Page.objects.all(),
        required=False,
        widget=PageChooser,
    )
    place_name = forms.CharField(
        label=label(_("place")), max_length=255, required=False, widget=VocabularyInput("places")
    )
    album = forms.ModelChoiceField(
        label=_("Album"),
        queryset=Album.objects.all(),
        required=False,
        widget=AlbumChooser(Album),
    )
    people_shown = forms.CharField(
        label=label(_("people shown")),
        required=False,
        help_text=_("One name per line, left to right."),
        widget=PeopleInput(attrs={"rows": 3}),
    )
    minors_shown = forms.ChoiceField(
        label=label(_("minors shown")), choices=MINORS_CHOICES, required=False
    )
    consent_status = forms.ChoiceField(
        label=_("Consent"),
        choices=UNCHANGED + [c for c in ConsentStatus.choices if c[0]],
        required=False,
    )
    consent_expiry = forms.DateField(
        label=_("Consent expires on"), required=False, widget=widgets.AdminDateInput
    )
    consent_document = forms.ModelChoiceField(
        label=_("Consent document"),
        queryset=ArchiveDocument.objects.none(),  # the user's own choosable ones: __init__
        required=False,
        widget=DocumentChooser,
    )
    rights_kind = forms.ChoiceField(
        label=_("Rights"),
        choices=UNCHANGED + [c for c in RightsKind.choices if c[0]],
        required=False,
    )
    licence = forms.CharField(label=_("Licence"), max_length=255, required=False)
    rights_expiry = forms.DateField(
        label=_("Rights expire on"), required=False, widget=widgets.AdminDateInput
    )
    sensitivity = forms.ChoiceField(
        label=_("Sensitivity"), choices=UNCHANGED + list(Sensitivity.choices), required=False
    )
    file_plan_code = forms.CharField(label=_("File-plan code"), max_length=50, required=False)
    retention_years = forms.IntegerField(
        label=label(_("retention period (years)")), min_value=0, max_value=1000, required=False
    )
    tags = forms.CharField(
        label=_("Add tags"), required=False, widget=widgets.AdminTagWidget, max_length=1000
    )

    def __init__(self, *args, user=None, model=ArchiveImage, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = model
        if user is not None:
            documents = policy_registry.get_by_type(ArchiveDocument)
            self.fields[
                "consent_document"
            ].queryset = documents.instances_user_has_any_permission_for(user, ["choose"])
        else:
            self.fields["consent_document"].queryset = ArchiveDocument.objects.all()
        self.fields["consent_document"].widget.allowed = self.fields["consent_document"].queryset
        # A "clear" box after each clearable field, so it renders beside it.
        ordered = {}
        for name, field in self.fields.items():
            ordered[name] = field
            if name in CLEARABLE:
                ordered[CLEAR_PREFIX + name] = forms.BooleanField(
                    label=_("Clear “%(field)s” on every item") % {"field": field.label},
                    required=False,
                )
        self.fields = ordered

    def changes(self):
        """{field: value} for every field the editor filled in or asked to clear."""
        if not hasattr(self, "cleaned_data"):
            return {}
        changes = {}
        for name in BULK_FIELDS:
            value = self.cleaned_data.get(name)
            if self.cleaned_data.get(CLEAR_PREFIX + name):
                changes[name] = _cleared_value(self.model, name)
            elif name == "minors_shown":
                if value in ("yes", "no"):
                    changes[name] = value == "yes"
            elif value not in ("", None):
                changes[name] = value
        return changes

    def tags_to_add(self):
        from taggit.utils import parse_tags

        return parse_tags(self.cleaned_data.get("tags") or "")

    def clean(self):
        cleaned = super().clean()
        for name in CLEARABLE:
            if cleaned.get(CLEAR_PREFIX + name) and cleaned.get(name) not in ("", None):
                self.add_error(name, _("Either fill this field in or tick “clear”, not both."))
        if not self.errors and not self.changes() and not self.tags_to_add():
            raise ValidationError(_("Fill in or clear at least one field."))
        return cleaned


class ArchiveBulkAction(BulkAction):
    """What the archive's bulk actions share: the archive models, their permission
    policies, and the selection limited to what the user may change."""

    models = [ArchiveImage, ArchiveMedia]

    @cached_property
    def permission_policy(self):
        if self.model is ArchiveMedia:
            from wagtailmedia.permissions import permission_policy

            return permission_policy
        return policy_registry.get_by_type(self.model)

    def check_perm(self, item):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", item
        )

    def get_all_objects_in_listing_query(self, parent_id):
        items = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        if parent_id is not None:
            items = items.filter(collection_id=parent_id)
        return items.values_list("pk", flat=True)

    @classmethod
    def get_queryset(cls, model, object_ids):
        # Ids come from the query string: anything not a number is no item, not a 500.
        ids = [pk for pk in object_ids if str(pk).isdigit()]
        return list(model.objects.filter(pk__in=ids).order_by("pk"))


class CatalogueBulkEditAction(ArchiveBulkAction):
    display_name = _("Edit catalogue")
    action_type = "edit_catalogue"
    aria_label = _("Edit the catalogue fields of the selected items")
    template_name = "media_archive/bulk_edit_catalogue.html"
    action_priority = 15
    form_class = CatalogueBulkEditForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "model": self.model}

    def prepare_action(self, items, items_without_access):
        """Refuse the whole edit, naming each item, if any item would break a catalogue
        rule (consent on file without the signed document, a licence not named)."""
        form = self.cleaned_form
        changes = form.changes()
        problems = []
        for item in items:
            for name, value in changes.items():
                setattr(item, name, value)
            unchanged = [f.name for f in item._meta.fields if f.name not in changes]
            try:
                item.clean_fields(exclude=unchanged)
                item.clean()
            except ValidationError as error:
                problems.append(f"«{item.title}»: {' '.join(error.messages)}")
        if problems:
            form.add_error(
                None,
                _("Nothing was changed. %(problems)s") % {"problems": "; ".join(problems)},
            )
            return self.form_invalid(form)
        return None

    def get_execution_context(self):
        return {"changes": self.cleaned_form.changes(), "tags": self.cleaned_form.tags_to_add()}

    @classmethod
    def execute_action(cls, items, changes=None, tags=None, **kwargs):
        for item in items:
            for name, value in (changes or {}).items():
                setattr(item, name, value)
            item.catalogue_read_from_file = True  # the files are not touched
            if changes:
                item.save(update_fields=list(changes))
            if tags:
                item.tags.add(*tags)
        return len(items), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "The catalogue of %(count)d item has been updated.",
            "The catalogue of %(count)d items has been updated.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class CatalogueExportAction(ArchiveBulkAction):
    """The selection's catalogue as a CSV file for Excel (UTF-8 with a byte-order mark,
    Georgian headers). Only the items the user may change are written."""

    display_name = _("Export catalogue (CSV)")
    action_type = "export_catalogue"
    aria_label = _("Download the catalogue of the selected items as a CSV file")
    template_name = "media_archive/bulk_export_catalogue.html"
    action_priority = 16

    def prepare_action(self, items, items_without_access):
        return catalogue_export.csv_response(self.model, items)

    @classmethod
    def execute_action(cls, items, **kwargs):  # the file is answered by prepare_action
        return len(items), 0
