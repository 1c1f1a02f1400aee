"""The repeating parts of a service page: amounts, documents, steps, legal acts, changes.
Kept in StreamFields so that a whole service page loads with a handful of queries."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.blocks import TextOnlySearchMixin

# One shape for every public change note of the site; press releases use it too.
from cms.change_notes import ChangeNoteBlock  # noqa: F401

LEGAL_ACTS_HOST = "matsne.gov.ge"


def validate_matsne_url(value):
    """Legal acts are cited from the Legislative Herald of Georgia, the official source."""
    host = (urlsplit(value).hostname or "").lower()
    if host != LEGAL_ACTS_HOST and not host.endswith("." + LEGAL_ACTS_HOST):
        raise ValidationError(
            _("Link to the act on %(host)s, the Legislative Herald of Georgia."),
            params={"host": LEGAL_ACTS_HOST},
        )


class AmountBlock(TextOnlySearchMixin, blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("What the amount is for"), max_length=200, help_text=_("E.g. “Basic pension”.")
    )
    amount = blocks.DecimalBlock(label=_("Amount in lari"), min_value=0, decimal_places=2)
    period = blocks.ChoiceBlock(
        label=_("Paid"),
        choices=[
            ("once", _("once")),
            ("monthly", _("per month")),
            ("yearly", _("per year")),
            ("daily", _("per day")),
        ],
        default="monthly",
    )

    class Meta:
        icon = "order"
        label = _("Amount")


class DocumentToBringBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Document"), max_length=250)
    note = blocks.CharBlock(label=_("Note"), max_length=300, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document to bring")


class ApplicationStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    details = blocks.TextBlock(label=_("Details"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class LegalActBlock(TextOnlySearchMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title of the act"), max_length=300)
    url = blocks.URLBlock(
        label=_("Link on matsne.gov.ge"), validators=[validate_matsne_url], max_length=500
    )

    class Meta:
        icon = "link"
        label = _("Legal act")
