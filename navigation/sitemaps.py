from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from navigation.sharing import absolute_url


class BilingualSitemap(Sitemap):
    """Wagtail's sitemap, over every language's tree: Wagtail's own covers only the site's
    root page, and the English home page is a sibling of the Georgian one, not its child.

    Live, public pages only: drafts and anything under a private section (the staff
    pages) stay out.
    """

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@dataclass
class SitemapEntry:
    location: str
    lastmod: object = None
    translation_key: object = None
    language: str = ""
    alternates: list = field(default_factory=list)


def sitemap_entries(request):
    """SitemapEntries of every page the sitemap lists, with reciprocal alternates: each page
    names every listed translation (itself included) and the Georgian one as x-default."""
    sitemap = BilingualSitemap(request)
    entries = []
    for page in sitemap.items().select_related("locale"):
        # The page's own say (embargoed releases and the staff section list nothing).
        for url in page.get_sitemap_urls(request):
            path = urlsplit(url["location"]).path
            entries.append(
                SitemapEntry(
                    location=absolute_url(request, path),
                    lastmod=url.get("lastmod"),
                    translation_key=page.translation_key,
                    language=page.locale.language_code,
                )
            )
    groups = {}
    for entry in entries:
        groups.setdefault(entry.translation_key, {}).setdefault(entry.language, entry.location)
    for entry in entries:
        versions = groups[entry.translation_key]
        if len(versions) < 2:
            continue
        entry.alternates = sorted(versions.items())
        if settings.LANGUAGE_CODE in versions:
            entry.alternates.append(("x-default", versions[settings.LANGUAGE_CODE]))
    return entries
