"""StreamField blocks of the public site. Each has its own template under
site/templates/cms/blocks/ and, where it needs no database object, a preview value."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class TextOnlySearchMixin:
    """A StructBlock whose searchable content is what the reader sees as text: no choice
    labels ("Section heading", "Important"), which are how it is shown, not what it says,
    and would turn up in search snippets."""

    def get_searchable_content(self, value):
        content = []
        for name, block in self.child_blocks.items():
            if isinstance(block, (blocks.ChoiceBlock, blocks.URLBlock)):
                continue
            content.extend(block.get_searchable_content(value.get(name)))
        return content


RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(TextOnlySearchMixin, blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading_block.html"
        preview_value = {"text": "როგორ მივმართოთ სააგენტოს", "level": "h2"}
        description = _("A section heading; it also appears in the page's contents list.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "cms/blocks/paragraph_block.html"
        preview_value = (
            "<p>სოციალური მომსახურების სააგენტო ახორციელებს სახელმწიფო სოციალურ "
            "პროგრამებს მთელი საქართველოს მასშტაბით.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "cms/blocks/captioned_image_block.html"


class ExternalMediaBlock(blocks.StructBlock):
    """A video or post hosted elsewhere (YouTube, Facebook…), shown as a link.

    Not an embedded player: a player would make every visitor's browser contact the
    host on page load, and the public site makes no third-party request.
    """

    url = blocks.URLBlock(label=_("Address of the video or post"))
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "media"
        label = _("Embedded video or post")
        template = "cms/blocks/external_media_block.html"
        preview_value = {
            "url": "https://www.youtube.com/@ssagovge",
            "title": "სააგენტოს ვიდეოები",
            "description": "",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "cms/blocks/document_link_block.html"


class CallOutBlock(TextOnlySearchMixin, blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("info", _("Information")),
            ("important", _("Important")),
            ("warning", _("Warning")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "cms/blocks/call_out_block.html"
        preview_value = {
            "kind": "important",
            "title": "ცხელი ხაზი",
            "body": "<p>დაგვიკავშირდით ნომერზე 1505.</p>",
        }


class DataTableBlock(TypedTableBlock):
    text = blocks.CharBlock(label=_("Text"))
    number = blocks.DecimalBlock(label=_("Number"))
    rich_text = blocks.RichTextBlock(label=_("Rich text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "table"
        label = _("Table")
        template = "cms/blocks/data_table_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    embed = ExternalMediaBlock()
    document = DocumentLinkBlock()
    call_out = CallOutBlock()
    table = DataTableBlock()


class TopTaskBlock(blocks.StructBlock):
    """One of the home page's top tasks: what most visitors come to do."""

    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Task"),
        required=False,
        max_length=80,
        help_text=_("As the visitor would say it, e.g. “Apply for a pension”. Empty: the title."),
    )
    description = blocks.CharBlock(label=_("One line about it"), required=False, max_length=160)

    class Meta:
        icon = "tick"
        label = _("Top task")
