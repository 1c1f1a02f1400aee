from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


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
