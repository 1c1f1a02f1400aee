"""Bulk editing of the catalogue: the same photographer, event, rights, consent,
sensitivity, file-plan code and tags written to every selected photo, video or recording.

Wagtail's bulk-action framework provides the selection, the confirmation page and the
transaction; here every item is checked against the catalogue's own rules before any is
written, so a selection is changed completely or not at all.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import widgets
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.permissions import policy_registry

from media_archive.models import (
    Album,
    ArchiveDocument,
    ArchiveImage,
    ArchiveMedia,
    ConsentStatus,
    RightsKind,
    Sensitivity,
)

UNCHANGED = [("", _("— leave unchanged —"))]
# The fields a bulk edit may write: blank in the form means "leave as it is".
BULK_FIELDS = (
    "credit",
    "event_name",
    "album",
    "rights_kind",
    "licence",
    "rights_expiry",
    "consent_status",
    "consent_expiry",
    "consent_document",
    "sensitivity",
    "file_plan_code",
)


class CatalogueBulkEditForm(forms.Form):
    credit = forms.CharField(label=_("Photographer / credit"), max_length=255, required=False)
    event_name = forms.CharField(label=_("Event"), max_length=255, required=False)
    album = forms.ModelChoiceField(label=_("Album"), queryset=Album.objects.all(), required=False)
    rights_kind = forms.ChoiceField(
        label=_("Rights"),
        choices=UNCHANGED + [c for c in RightsKind.choices if c[0]],
        required=False,
    )
    licence = forms.CharField(label=_("Licence"), max_length=255, required=False)
    rights_expiry = forms.DateField(
        label=_("Rights expire on"), required=False, widget=widgets.AdminDateInput
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
        label=_("Consent document"), queryset=ArchiveDocument.objects.all(), required=False
    )
    sensitivity = forms.ChoiceField(
        label=_("Sensitivity"), choices=UNCHANGED + list(Sensitivity.choices), required=False
    )
    file_plan_code = forms.CharField(label=_("File-plan code"), max_length=50, required=False)
    tags = forms.CharField(
        label=_("Add tags"), required=False, widget=widgets.AdminTagWidget, max_length=1000
    )

    def changes(self):
        """{field: value} for every field the editor filled in."""
        return {
            name: self.cleaned_data[name]
            for name in BULK_FIELDS
            if self.cleaned_data.get(name) not in ("", None)
        }

    def tags_to_add(self):
        from taggit.utils import parse_tags

        return parse_tags(self.cleaned_data.get("tags") or "")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.changes() and not self.tags_to_add():
            raise ValidationError(_("Fill in at least one field to change."))
        return cleaned


class CatalogueBulkEditAction(BulkAction):
    display_name = _("Edit catalogue")
    action_type = "edit_catalogue"
    aria_label = _("Edit the catalogue fields of the selected items")
    template_name = "media_archive/bulk_edit_catalogue.html"
    action_priority = 15
    form_class = CatalogueBulkEditForm
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
