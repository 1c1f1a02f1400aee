"""Public gallery pages: one album, or the whole public archive, with facets."""

from django.db import models
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.models import BasePage
from media_archive import gallery

FACET_LABELS = {
    "album": _("Album"),
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
        from django.utils import translation

        from media_archive.models import Album

        context = super().get_context(request, *args, **kwargs)
        # Georgian values on a page in another language are marked as Georgian.
        value_lang = "" if translation.get_language() == "ka" else "ka"
        filters = gallery.GalleryFilters.from_query(request.GET)
        active = filters.active()
        facets = gallery.facet_counts(self.album, filters)
        context["facet_groups"] = [
            {
                "name": name,
                "label": FACET_LABELS[name],
                "lang": value_lang if name in gallery.GEORGIAN_VALUED else "",
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
        chosen_album = (
            Album.objects.filter(pk=filters.album).first() if filters.album is not None else None
        )
        context["active_filters"] = [
            {
                "label": FACET_LABELS[name],
                "value": self._filter_value(name, value, chosen_album),
                "lang": self._filter_value_lang(name, value_lang, chosen_album),
                "remove_url": "?" + urlencode({k: v for k, v in active.items() if k != name}),
            }
            for name, value in active.items()
        ]
        context["filter_problems"] = filters.problems
        context["value_lang"] = value_lang
        page = gallery.result_page(
            self.album,
            filters,
            request.GET.get("page"),
            count=gallery.matching_count(facets, filters),
        )
        context["results"] = page
        context["page_query_prefix"] = "?" + (urlencode(active) + "&" if active else "")
        # The album index: on the whole archive's first page, before any filter is chosen.
        if self.album is None and not active and page.number == 1:
            context["albums"] = [
                {"album": album, "count": count, "cover": cover, "url": f"?album={album.pk}"}
                for album, count, cover in gallery.album_index()
            ]
        return context

    @staticmethod
    def _filter_value(name, value, album):
        if name == "type":
            return gallery.TYPES.get(value, value)
        if name == "album":
            return album.title if album is not None else value
        return value

    @staticmethod
    def _filter_value_lang(name, value_lang, album):
        if name == "album":
            return "ka" if value_lang and album is not None and album.title_language == "ka" else ""
        return value_lang if name in gallery.GEORGIAN_VALUED else ""
