from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms import layout_cache
from cms.blocks import BodyStreamBlock
from cms.models import BasePage
from helpers.georgian import slugify_georgian
from info.blocks import (
    ANCHOR_MAX_LENGTH,
    FAQStreamBlock,
    PublicDocumentStreamBlock,
    topic_anchor,
)
from navigation.contents import ContentsEntry


class FAQPage(BasePage):
    """Questions citizens ask, grouped by topic; each question has an address of its own
    (#anchor) that staff can paste into an answer on a social network."""

    intro = models.TextField(_("introduction"), blank=True)
    topics = StreamField(FAQStreamBlock(), blank=True, verbose_name=_("topics"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("topics")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("topics"),
    ]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("questions and answers page")
        verbose_name_plural = _("questions and answers pages")

    def full_clean(self, *args, **kwargs):
        self.fill_anchors()
        super().full_clean(*args, **kwargs)

    def fill_anchors(self):
        """Give each question without one a unique anchor made from its wording, once: later
        edits to the wording leave it alone, so links shared earlier keep working."""
        taken = {topic_anchor(block.value["title"]) for block in self.topics}
        questions = [q for block in self.topics for q in block.value["questions"]]
        taken |= {q["anchor"] for q in questions if q["anchor"]}
        for question in questions:
            if question["anchor"]:
                continue
            base = slugify_georgian(question["question"], max_length=ANCHOR_MAX_LENGTH) or "q"
            anchor, number = base, 2
            while anchor in taken:
                anchor, number = f"{base}-{number}", number + 1
            question["anchor"] = anchor
            taken.add(anchor)

    def contents_entries(self):
        return [
            ContentsEntry(topic_anchor(block.value["title"]), block.value["title"])
            for block in self.topics
        ]


class ContactPage(BasePage):
    """How to reach the agency: the hotline and e-mail from the site settings, the central
    office, and the way to the territorial offices."""

    intro = models.TextField(_("introduction"), blank=True)
    address = models.TextField(_("address of the central office"), blank=True)
    reception_hours = models.TextField(_("reception hours"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("reception_hours")], heading=_("Central office")
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("address"),
        index.SearchField("reception_hours"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def offices_index(self):
        """The live listing of territorial offices in this page's language, if the offices
        app provides one."""
        try:
            model = apps.get_model("offices", "OfficeIndexPage")
        except LookupError:
            return None
        offices = layout_cache.public(model.objects.live().filter(locale_id=self.locale_id))
        return offices.first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offices_index"] = self.offices_index()
        return context


class PublicInformationPage(BasePage):
    """A part of the public-information section that the General Administrative Code of
    Georgia obliges the agency to publish proactively, with the officer responsible."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    documents = StreamField(
        PublicDocumentStreamBlock(), blank=True, verbose_name=_("published documents")
    )
    officer_name = models.CharField(_("responsible officer"), max_length=200, blank=True)
    officer_position = models.CharField(_("position"), max_length=200, blank=True)
    officer_phone = models.CharField(_("phone"), max_length=50, blank=True)
    officer_email = models.EmailField(_("e-mail"), blank=True)
    last_updated = models.DateField(_("information last updated"), null=True, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("documents"),
        MultiFieldPanel(
            [
                FieldPanel("officer_name"),
                FieldPanel("officer_position"),
                FieldPanel("officer_phone"),
                FieldPanel("officer_email"),
            ],
            heading=_("Officer responsible for public information"),
        ),
        FieldPanel("last_updated"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("documents"),
    ]
    parent_page_types = ["cms.HomePage", "cms.ContentPage", "info.PublicInformationPage"]
    subpage_types = ["info.PublicInformationPage"]

    class Meta:
        verbose_name = _("public information page")
        verbose_name_plural = _("public information pages")
