"""Partner organisations (international, NGOs, foundations…) and the public page that lists
them with their news. The contact person is for staff only and never reaches a template."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms.models import BasePage
from media_archive.privacy import blocking_reasons, is_public, is_publishable

NEWS_PER_PARTNER = 3


class PartnerKind(models.TextChoices):
    INTERNATIONAL = "international", _("International organisation")
    NGO = "ngo", _("Non-governmental organisation")
    FOUNDATION = "foundation", _("Foundation")
    GOVERNMENT = "government", _("Public body")
    ACADEMIC = "academic", _("Academic institution")
    BUSINESS = "business", _("Business")


class Partner(models.Model):
    name_ka = models.CharField(_("name in Georgian"), max_length=250)
    name_en = models.CharField(_("name in English"), max_length=250)
    kind = models.CharField(_("type"), max_length=20, choices=PartnerKind.choices)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("From the media archive; it must be publishable (rights recorded)."),
    )
    description_ka = models.TextField(_("description in Georgian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    website = models.URLField(_("website"), blank=True)
    news_tag = models.CharField(
        _("news tag"),
        max_length=100,
        blank=True,
        help_text=_("News items with this tag are shown as the partner's news."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_position = models.CharField(_("contact's position"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact's e-mail"), blank=True)
    contact_phone = models.CharField(_("contact's phone"), max_length=50, blank=True)
    is_active = models.BooleanField(_("shown on the site"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name_ka"), FieldPanel("name_en")]),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("description_ka"),
        FieldPanel("description_en"),
        FieldPanel("website"),
        FieldPanel("news_tag"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_position")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact person (staff only, never shown on the site)"),
        ),
        FieldRowPanel([FieldPanel("is_active"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "name_ka"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    @property
    def is_english(self):
        return (translation.get_language() or "ka").startswith("en")

    @property
    def name(self):
        return (self.name_en or self.name_ka) if self.is_english else self.name_ka

    @property
    def description(self):
        return (self.description_en or "") if self.is_english else self.description_ka

    @property
    def public_logo(self):
        return self.logo if self.logo is not None and is_public(self.logo) else None

    def clean(self):
        super().clean()
        if self.logo is not None and not is_publishable(self.logo):
            raise ValidationError(
                {
                    "logo": _("This image may not be shown publicly: %(reasons)s.")
                    % {"reasons": ", ".join(str(r) for r in blocking_reasons(self.logo))}
                }
            )

    def news(self, locale):
        """The partner's latest public news in `locale`, by tag."""
        if not self.news_tag:
            return []
        from news.models import NewsPage, publicly_listed

        return list(
            NewsPage.objects.live()
            .public()
            .filter(locale=locale, tags__name__iexact=self.news_tag)
            .filter(publicly_listed())
            .order_by("-publication_date", "-pk")
            .distinct()[:NEWS_PER_PARTNER]
        )


class PartnersPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners page")
        verbose_name_plural = _("partners pages")

    def partners_by_kind(self):
        partners = Partner.objects.filter(is_active=True).select_related("logo")
        grouped = {}
        for partner in partners:
            grouped.setdefault(partner.kind, []).append(
                (partner, partner.news(self.locale), partner.public_logo)
            )
        return [(label, grouped[value]) for value, label in PartnerKind.choices if value in grouped]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kinds"] = self.partners_by_kind()
        return context
