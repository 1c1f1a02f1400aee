"""The staff-only section: casework procedures, document templates and links to the casework
systems, for the agency's social workers. Never for the public.

Privacy is Wagtail's page privacy (a "groups" restriction for the Staff group on the section's
index page), added automatically when an index page is published without one. A page of the
section that finds itself without such a restriction refuses to render at all, so removing
the privacy setting by mistake hides the pages instead of publishing them.
"""

from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import BaseViewRestriction, PageViewRestriction
from wagtail.search import index

from cms.models import BasePage
from staff.access import restrict_to_staff
from staff.blocks import DocumentTemplateBlock, ProcedureStepBlock, StaffBodyStreamBlock


class CaseworkSystem(models.Model):
    """An external system social workers do their casework in (the DES document system,
    the "child" programme database); its address is kept here, not in page text."""

    name_ka = models.CharField(_("name in Georgian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    url = models.URLField(_("address"))
    description_ka = models.TextField(_("description in Georgian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    panels = [
        FieldPanel("name_ka"),
        FieldPanel("name_en"),
        FieldPanel("url"),
        FieldPanel("description_ka"),
        FieldPanel("description_en"),
    ]

    class Meta:
        verbose_name = _("casework system")
        verbose_name_plural = _("casework systems")
        ordering = ["name_ka"]

    def __str__(self):
        return self.name

    def _for_language(self, field_stem):
        language = "en" if translation.get_language() == "en" else "ka"
        return getattr(self, f"{field_stem}_{language}")

    @property
    def name(self):
        return self._for_language("name")

    @property
    def description(self):
        return self._for_language("description")


class StaffPage(BasePage):
    """What every page of the staff section shares: it stays out of sitemaps and search
    engines, and renders only behind a groups restriction."""

    # Internal photos and videos may illustrate procedures for staff (media_archive.privacy
    # still serves their files to staff only).
    shown_to_public = False

    class Meta:
        abstract = True

    def is_restricted_to_groups(self):
        return any(
            restriction.restriction_type == BaseViewRestriction.GROUPS
            for restriction in self.get_view_restrictions()
        )

    def serve(self, request, *args, **kwargs):
        # Reaching here means Wagtail's privacy check let the visitor in; without a groups
        # restriction that check let everyone in, so fail closed.
        if not self.is_restricted_to_groups():
            raise Http404
        response = super().serve(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get_sitemap_urls(self, request=None):
        return []


class StaffIndexPage(StaffPage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(StaffBodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["staff.CaseworkModulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("staff section")
        verbose_name_plural = _("staff sections")

    def save(self, *args, **kwargs):
        self.show_in_menus = False
        return super().save(*args, **kwargs)

    def ensure_private(self):
        """Restrict the section to the Staff group unless it is restricted already; runs
        whenever the index page is published (staff.signals)."""
        if not self.get_view_restrictions().exists():
            restrict_to_staff(PageViewRestriction, page=self)


class CaseworkModulePage(StaffPage):
    """One casework area: what the social worker does, step by step, with the templates and
    systems the work needs."""

    class Area(models.TextChoices):
        ADOPTION = "adoption", _("Adoption")
        GUARDIANSHIP = "guardianship", _("Guardianship and care")
        CHILD_PROTECTION = "child_protection", _("Protection of children from violence and neglect")
        FAMILY_DISPUTES = "family_disputes", _("Family disputes and enforcement")
        FOSTER_CARE = "foster_care", _("Foster care and reintegration")
        VOUCHERS = "vouchers", _("Vouchers and day-centre programmes")
        COURT = "court", _("Court and police proceedings")
        OTHER = "other", _("Other")

    area = models.CharField(_("casework area"), max_length=30, choices=Area.choices)
    intro = models.TextField(_("introduction"), blank=True)
    procedure = StreamField(
        [("step", ProcedureStepBlock())], blank=True, verbose_name=_("procedure")
    )
    document_templates = StreamField(
        [("template", DocumentTemplateBlock())], blank=True, verbose_name=_("document templates")
    )
    casework_systems = ParentalManyToManyField(
        CaseworkSystem, blank=True, related_name="+", verbose_name=_("casework systems")
    )
    body = StreamField(StaffBodyStreamBlock(), blank=True, verbose_name=_("more information"))

    content_panels = BasePage.content_panels + [
        FieldPanel("area"),
        FieldPanel("intro"),
        FieldPanel("procedure"),
        FieldPanel("document_templates"),
        FieldPanel("casework_systems"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("procedure"),
    ]
    parent_page_types = ["staff.StaffIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("casework module")
        verbose_name_plural = _("casework modules")
