"""Menus that editors manage in the admin, one per slot (main, footer) and language.

A translatable snippet rather than a site setting: settings are not translatable, so a
setting would need one field per language; a snippet per locale is translated the same way
as pages (wagtail-localize, "Translate" in the admin) and each language's menu can differ.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin


class Menu(TranslatableMixin, ClusterableModel):
    class Slot(models.TextChoices):
        MAIN = "main", _("Main menu")
        FOOTER = "footer", _("Footer menu")

    slot = models.CharField(_("place on the site"), max_length=20, choices=Slot.choices)

    panels = [FieldPanel("slot"), InlinePanel("items", label=_("Links"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        constraints = [
            models.UniqueConstraint(fields=["slot", "locale"], name="one_menu_per_slot_and_locale")
        ]

    def __str__(self):
        return f"{self.get_slot_display()} ({self.locale.language_code})"


class MenuItem(Orderable):
    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("other address"), blank=True)
    link_text = models.CharField(
        _("link text"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to use the page's title."),
    )

    panels = [PageChooserPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")

    def clean(self):
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose either a page or another address, not both."))
        if self.link_url and not self.link_text:
            raise ValidationError({"link_text": _("A link to another address needs a text.")})
