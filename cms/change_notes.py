"""Public change notes: what changed on a published page, and when.

One shape for every page type that shows its changes to the public (a service's rule
changes, a press release's corrections) and one editing rule: a new version of a published
page carries a public note, or the editor says the change is minor (as GOV.UK's publisher
asks). The page keeps its notes in a `change_notes` stream of `ChangeNoteBlock`s; the form
adds the note of the version being edited, once, however often the draft is saved.
"""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

CHANGE_NOTES_FIELD = "change_notes"
CHANGE_NOTE_BLOCK = "change"


class ChangeNoteBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date of the change"))
    text = blocks.TextBlock(label=_("What changed"))

    class Meta:
        icon = "date"
        label = _("Change")


def newest_first(change_notes):
    """The values of a change-notes stream, the latest change first."""
    return sorted((block.value for block in change_notes), key=lambda c: c["date"], reverse=True)


class ChangeNotePageForm(WagtailAdminPageForm):
    """Asks for the public note of a new version of a live page, or a tick for "minor".

    The note goes into the page's change notes as a dated entry of the draft, so reviewers
    see it and it becomes public with the version it describes. Entries that the live page
    does not have yet are this draft's own note: saving again replaces it, never adds one.
    """

    change_note = forms.CharField(
        label=_("Public change note"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Shown on the page with today's date, e.g. “The hotline number is corrected.”"),
    )
    minor_change = forms.BooleanField(
        label=_("Minor change (a typo, formatting): no public note"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.live_change_notes = self._live_change_notes()
        if self.asks_for_change_note and not self.is_bound:
            pending = self._pending_notes()
            if pending:
                self.initial["change_note"] = pending[-1]["value"]["text"]
            elif self.instance.has_unpublished_changes:
                # A draft saved through this form without a note was declared minor.
                self.initial["minor_change"] = True

    @property
    def asks_for_change_note(self):
        return bool(self.instance.pk and self.instance.live)

    def _live_change_notes(self):
        """The raw change notes of the live page (the database row holds the live version)."""
        if not (self.instance.pk and self.instance.live):
            return []
        live = type(self.instance).objects.filter(pk=self.instance.pk).first()
        return list(getattr(live, CHANGE_NOTES_FIELD).raw_data) if live else []

    def _pending_notes(self):
        live_ids = {entry.get("id") for entry in self.live_change_notes}
        draft = getattr(self.instance, CHANGE_NOTES_FIELD).raw_data
        return [entry for entry in draft if entry.get("id") not in live_ids]

    def clean(self):
        cleaned_data = super().clean()
        if not self.asks_for_change_note:
            return cleaned_data
        note = (cleaned_data.get("change_note") or "").strip()
        minor = cleaned_data.get("minor_change")
        if note and minor:
            self.add_error(
                "change_note",
                _(
                    "A minor change has no public note: either clear the note "
                    "or untick “minor change”."
                ),
            )
        elif not note and not minor:
            self.add_error(
                "change_note",
                _(
                    "This page is published: describe the change for the public, "
                    "or tick “minor change”."
                ),
            )
        cleaned_data["change_note"] = note
        return cleaned_data

    def save(self, commit=True):
        if self.asks_for_change_note:
            notes = list(self.live_change_notes)
            note = self.cleaned_data.get("change_note")
            if note:
                notes.append(
                    {
                        "type": CHANGE_NOTE_BLOCK,
                        "value": {"date": timezone.localdate().isoformat(), "text": note},
                        "id": str(uuid.uuid4()),
                    }
                )
            setattr(self.instance, CHANGE_NOTES_FIELD, notes)
        return super().save(commit=commit)


def change_note_panel():
    """The note and the "minor" tick, shown only when editing a live page."""
    return LivePageOnlyPanel(
        [FieldPanel("change_note"), FieldPanel("minor_change")],
        heading=_("What changed in this version"),
    )


class LivePageOnlyPanel(MultiFieldPanel):
    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return bool(self.instance.pk and self.instance.live) and super().is_shown()
