"""The citizen's form (public site) and Public Reception's edit form (admin)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from inquiries.models import Inquiry, RequestType

MESSAGE_MAX_LENGTH = 5000
# Markup in a citizen's text: "<script", "</p>", "<a href…", "<!--". "<3" or "a < b" pass.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")


def refuse_markup(value):
    if value and MARKUP.search(value):
        raise forms.ValidationError(
            _("Please write plain text: the form does not accept HTML tags such as <script>."),
            code="markup",
        )


class RequestTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class InquiryForm(forms.Form):
    """What a citizen sends. Errors come in the language of the page."""

    request_type = RequestTypeChoiceField(
        label=_("What is your request about?"),
        queryset=RequestType.objects.filter(is_active=True),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the type of your request.")},
    )
    name = forms.CharField(
        label=_("Name and surname"),
        max_length=200,
        validators=[refuse_markup],
        error_messages={"required": _("Enter your name and surname.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("We send the reference number and our answer here."),
        error_messages={"invalid": _("Enter an e-mail address like name@example.ge.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=50,
        validators=[refuse_markup],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    address = forms.CharField(
        label=_("Postal address"),
        required=False,
        max_length=300,
        validators=[refuse_markup],
        help_text=_("Only if you want the answer by post."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    message = forms.CharField(
        label=_("Your request"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[refuse_markup],
        help_text=_("At most %(count)s characters.") % {"count": MESSAGE_MAX_LENGTH},
        error_messages={
            "required": _("Write your request."),
            "max_length": _(
                "Your request is too long: at most %(limit_value)d characters "
                "(you wrote %(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above."),
        error_messages={
            "required": _(
                "We can accept your request only with your consent to the processing of your data."
            )
        },
    )
    # A field people never see (hidden by the stylesheet, out of the tab order); bots fill it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Enter your name and surname."), code="required")
        return name

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Write your request."), code="required")
        return message

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Your request could not be accepted. Please call the hotline."), code="trap"
            )
        request_type = cleaned.get("request_type")
        if (
            request_type is not None
            and request_type.kind == "personal_data"
            and not (cleaned.get("email") or cleaned.get("address"))
        ):
            self.add_error(
                "email",
                _(
                    "A request for your own data needs an e-mail or a postal address for "
                    "the answer."
                ),
            )
        return cleaned


class InquiryAdminForm(WagtailAdminModelForm):
    reply_text = forms.CharField(
        label=_("Reply to the citizen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Sent by e-mail when you save, in the citizen's language, with the reference "
            "number; kept with the request and written to its history."
        ),
    )
    close_with_reply = forms.TypedChoiceField(
        label=_("Close the request with this outcome when the reply is sent"),
        required=False,
        choices=[("", _("Do not close"))] + list(Inquiry.Outcome.choices),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assignee" in self.fields:
            from django.contrib.auth import get_user_model

            self.fields["assignee"].queryset = (
                get_user_model()
                .objects.filter(is_active=True, groups__permissions__codename="change_inquiry")
                .distinct()
            )
        if self.instance.anonymised_at:
            for name in ("name", "email", "phone", "address", "message", "reply_text"):
                if name in self.fields:
                    self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        reply = (cleaned.get("reply_text") or "").strip()
        if reply and not cleaned.get("email"):
            self.add_error(
                "reply_text", _("The citizen gave no e-mail address: answer by post or phone.")
            )
        if cleaned.get("close_with_reply") and not reply:
            self.add_error("close_with_reply", _("Write the reply first."))
        closing = cleaned.get("close_with_reply")
        if closing and not cleaned.get("outcome"):
            cleaned["outcome"] = closing
        if cleaned.get("outcome") == Inquiry.Outcome.REFUSED and not cleaned.get("refusal_ground"):
            self.add_error("refusal_ground", _("Give the legal ground of the refusal."))
        if cleaned.get("outcome") == Inquiry.Outcome.FORWARDED and not cleaned.get("forwarded_to"):
            self.add_error("forwarded_to", _("Say which body the request went to."))
        return cleaned

    def save(self, commit=True):
        reply = (self.cleaned_data.get("reply_text") or "").strip()
        self.instance._pending_reply = reply or None
        return super().save(commit=commit)
