"""The register's edit form: besides the item's fields, the next step of its status, offered
as the user's permissions and the item's state allow."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from correspondence.models import CorrespondenceItem

Status = CorrespondenceItem.Status
APPROVE_PERMISSION = "correspondence.approve_reply"

# (current status, step) → (new status, label, needs the approval permission)
STEPS = {
    (Status.REGISTERED, "assign"): (Status.ASSIGNED, _("Assign to the unit and person"), False),
    (Status.ASSIGNED, "draft"): (Status.DRAFTED, _("Reply drafted: send for approval"), False),
    (Status.DRAFTED, "approve"): (Status.APPROVED, _("Approve the reply"), True),
    (Status.DRAFTED, "return"): (Status.ASSIGNED, _("Return the reply for redrafting"), True),
    (Status.APPROVED, "send"): (Status.SENT, _("Reply sent to the addressee"), False),
}


class CorrespondenceItemForm(WagtailAdminModelForm):
    transition = forms.ChoiceField(
        label=_("Next step"), required=False, widget=forms.RadioSelect, choices=()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        status = self.instance.status or Status.REGISTERED
        choices = [("", _("No change of status"))]
        for (from_status, step), (_new, label, needs_approval) in STEPS.items():
            if from_status == status and (
                not needs_approval or (user is not None and user.has_perm(APPROVE_PERMISSION))
            ):
                choices.append((step, label))
        self.fields["transition"].choices = choices
        self.fields["transition"].help_text = _("Current status: %(status)s.") % {
            "status": Status(status).label
        }
        if "assignee" in self.fields:
            self.fields["assignee"].queryset = self.fields["assignee"].queryset.filter(
                is_active=True
            )

    def clean(self):
        cleaned = super().clean()
        step = cleaned.get("transition")
        status = self.instance.status or Status.REGISTERED
        if not step:
            return cleaned
        target = STEPS.get((status, step))
        if target is None:
            self.add_error("transition", _("This step is not possible from the current status."))
            return cleaned
        if target[2] and not self.for_user.has_perm(APPROVE_PERMISSION):
            self.add_error("transition", _("Only the head may approve or return a reply."))
        if step == "assign" and not (cleaned.get("unit") or cleaned.get("assignee")):
            self.add_error("unit", _("Choose the unit or the person to assign the item to."))
        if step == "draft" and not cleaned.get("reply_document"):
            self.add_error(
                "reply_document", _("Upload the reply document before sending it for approval.")
            )
        return cleaned

    def save(self, commit=True):
        item = self.instance
        old_status = item.status or Status.REGISTERED
        new_status = old_status
        step = self.cleaned_data.get("transition")
        if step:
            new_status = STEPS[(old_status, step)][0]
        elif old_status in (Status.APPROVED,) and "reply_document" in self.changed_data:
            # A reply changed after its approval needs approving again.
            new_status = Status.DRAFTED
        item.status = new_status
        if new_status == Status.APPROVED and old_status != Status.APPROVED:
            item.approved_by = self.for_user
            item.approved_at = timezone.now()
        elif new_status in (Status.ASSIGNED, Status.DRAFTED) and old_status == Status.APPROVED:
            item.approved_by = item.approved_at = None
        elif step == "return":
            item.approved_by = item.approved_at = None
        if new_status == Status.SENT and old_status != Status.SENT:
            item.sent_at = timezone.now()
        item._status_change = (old_status, new_status) if new_status != old_status else None
        return super().save(commit=commit)
