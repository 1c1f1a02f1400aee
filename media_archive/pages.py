"""Public gallery pages: one album, or the whole public archive, with facets."""

from django.db import models
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.models import BasePage
from media_archive import gallery

FACET_LABELS = {
    "year": _("Year"),
    "event": _("Event"),
    "type": _("Type"),
    "photographer": _("Photographer"),
    "tag": _("Tag"),
}


class ArchiveGalleryPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)
    header_image = models.ForeignKey(
        "media_archive.ArchiveImage",
        verbose_name=_("header image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    album = models.ForeignKey(
        "media_archive.Album",
        verbose_name=_("album"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to show the whole public archive."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("header_image"),
        FieldPanel("album"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage", "media_archive.ArchiveGalleryPage"]
    template = "media_archive/archive_gallery_page.html"

    class Meta:
        verbose_name = _("archive gallery")
        verbose_name_plural = _("archive galleries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = gallery.GalleryFilters.from_query(request.GET)
        active = filters.active()
        facets = gallery.facet_counts(self.album, filters)
        context["facet_groups"] = [
            {
                "name": name,
                "label": FACET_LABELS[name],
                "options": [
                    {
                        "label": label,
                        "count": count,
                        "selected": str(active.get(name, "")) == value,
                        "url": "?" + urlencode({**active, name: value}),
                    }
                    for value, label, count in facets[name]
                ],
            }
            for name in gallery.FACET_NAMES
            if facets[name]
        ]
        context["active_filters"] = [
            {
                "label": FACET_LABELS[name],
                "value": gallery.TYPES.get(value, value) if name == "type" else value,
                "remove_url": "?" + urlencode({k: v for k, v in active.items() if k != name}),
            }
            for name, value in active.items()
        ]
        context["filter_problems"] = filters.problems
        page = gallery.result_page(
            self.album,
            filters,
            request.GET.get("page"),
            count=gallery.matching_count(facets, filters),
        )
        context["results"] = page
        context["page_query_prefix"] = "?" + (urlencode(active) + "&" if active else "")
        return context
