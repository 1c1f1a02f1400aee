from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

from cms.change_notes import ChangeNotePageForm
from cms.forms import GeorgianSlugPageForm
from press.force_publish import check_force_publish


class RejectionCommentForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What must change?"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Explain what must change before you request changes.")},
    )


class PressReleasePageForm(ChangeNotePageForm, GeorgianSlugPageForm):
    """The press release editor: a public change note for a published release, and a
    reason from the Director's Office for publishing without review."""

    force_publish_reason = forms.CharField(
        label=_("Reason for publishing without review"),
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text=_(
            "Only when you publish with the Publish button instead of the review workflow. "
            "The release stays marked “not reviewed” until it is reviewed."
        ),
    )

    def clean_embargo_until(self):
        embargo = self.cleaned_data.get("embargo_until")
        previous = self.initial.get("embargo_until")
        # A past embargo kept from before (the release waited in review) is harmless; a past
        # one typed now is a mistake that would publish the release the moment it is approved.
        if (
            embargo is not None
            and embargo <= timezone.now()
            and not _same_minute(embargo, previous)
        ):
            raise forms.ValidationError(
                _(
                    "The embargo time has already passed. Choose a future time, or clear the "
                    "field to publish without embargo."
                )
            )
        return embargo

    def clean(self):
        cleaned_data = super().clean()
        check_force_publish(self)
        return cleaned_data


def _same_minute(first, second):
    return second is not None and abs((first - second).total_seconds()) < 60


class WithdrawForm(forms.Form):
    explanation = forms.CharField(
        label=_("Public explanation"),
        widget=forms.Textarea({"rows": 4}),
        help_text=_(
            "Shown on the page under the date of withdrawal, e.g. why it no longer applies."
        ),
        error_messages={"required": _("Explain publicly why the page is withdrawn.")},
    )
    notify = forms.BooleanField(
        label=_("Tell the contacts who received the release"),
        required=False,
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for removing the page"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Recorded in the page's history and sent with the notice."),
        error_messages={"required": _("Give the reason for removing the page.")},
    )
    redirect_to = forms.ModelChoiceField(
        label=_("Send visitors to"),
        queryset=None,
        error_messages={"required": _("Choose the page visitors are sent to.")},
    )
    notify = forms.BooleanField(
        label=_("Tell the contacts who received the release"),
        required=False,
    )

    def __init__(self, *args, page=None, **kwargs):
        from wagtail.admin.widgets import AdminPageChooser
        from wagtail.models import Page

        super().__init__(*args, **kwargs)
        field = self.fields["redirect_to"]
        field.queryset = Page.objects.live().exclude(pk=page.pk) if page else Page.objects.live()
        field.widget = AdminPageChooser()


class ContactChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, contact):
        return f"{contact} — {contact.email} ({contact.get_language_display()})"


class AdvanceCopyForm(forms.Form):
    contacts = ContactChoiceField(
        label=_("Trusted contacts"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one contact.")},
    )

    def __init__(self, *args, **kwargs):
        from press.advance_copy import trusted_contacts

        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = trusted_contacts()


class ContactImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "A header row, then one contact a row. Columns: name, outlet, e-mail, language "
            "(ka or en), topics, lists (separated by “;”). The contact list's export has "
            "the same columns."
        ),
        error_messages={"required": _("Choose a CSV file.")},
    )

    def clean_file(self):
        from press.contact_import import MAX_UPLOAD_BYTES, decode_upload

        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        text = decode_upload(upload.read())
        if text is None:
            raise forms.ValidationError(
                _("The file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”.")
            )
        return text
