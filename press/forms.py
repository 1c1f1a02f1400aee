from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm


class RejectionCommentForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What must change?"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Explain what must change before you request changes.")},
    )
