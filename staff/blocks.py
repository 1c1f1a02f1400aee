from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import CallOutBlock, DataTableBlock, HeadingBlock, ParagraphBlock
from staff.access import is_private_collection, not_private_message


class ProcedureStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    description = blocks.RichTextBlock(
        label=_("What to do"), features=["bold", "italic", "link", "ol", "ul"]
    )
    responsible = blocks.CharBlock(
        label=_("Who does it"),
        required=False,
        max_length=200,
        help_text=_("For example: the social worker, the senior social worker, the lawyer."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Procedure step")


class DocumentTemplateBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, help_text=_("Leave empty to use the document's title.")
    )
    description = blocks.TextBlock(label=_("When to use it"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document template")

    def clean(self, value):
        value = super().clean(value)
        document = value.get("document")
        if document is not None and not is_private_collection(document.collection):
            raise StructBlockValidationError(
                block_errors={"document": ValidationError(not_private_message())}
            )
        return value


class StaffBodyStreamBlock(blocks.StreamBlock):
    """The public body blocks without images and embeds: image files are served to anyone
    who has their address, so staff pages carry none."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    call_out = CallOutBlock()
    table = DataTableBlock()
