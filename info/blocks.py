from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from helpers.georgian import slugify_georgian

ANSWER_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
ANCHOR_MAX_LENGTH = 60


def topic_anchor(title):
    """The fragment id of an FAQ topic; "topic-" keeps it apart from the questions' ids."""
    return "topic-" + (slugify_georgian(title, max_length=ANCHOR_MAX_LENGTH) or "section")


class FAQQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=ANSWER_FEATURES)
    anchor = blocks.CharBlock(
        label=_("Link name"),
        required=False,
        max_length=80,
        help_text=_(
            "The end of this question's own address (#…). Filled in from the question when "
            "the page is first saved; keep it when rewording, so shared links still work."
        ),
    )

    class Meta:
        icon = "help"
        label = _("Question")


class FAQTopicBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Topic"), max_length=200)
    questions = blocks.ListBlock(FAQQuestionBlock(), label=_("Questions"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Topic")
        template = "info/blocks/faq_topic_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = topic_anchor(value["title"])
        return context


class FAQStreamBlock(blocks.StreamBlock):
    topic = FAQTopicBlock()


class PublicDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, help_text=_("Leave empty to use the document's title.")
    )
    published = blocks.DateBlock(label=_("Date of publication"))

    class Meta:
        icon = "doc-full"
        label = _("Published document")
        template = "info/blocks/public_document_block.html"


class PublicDocumentStreamBlock(blocks.StreamBlock):
    document = PublicDocumentBlock()
