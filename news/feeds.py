"""RSS and Atom feeds of a news section, in the section's language.

Each feed is built for one NewsIndexPage (one locale) and lists only what its listing
shows: live, public, not embargoed items.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.models import SiteSettings

FEED_LENGTH = 30


class NewsRssFeed(Feed):
    def __init__(self, index, press_releases_only=False):
        super().__init__()
        self.index = index
        self.press_releases_only = press_releases_only
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        agency = SiteSettings.for_request(self.request).agency_name
        if self.press_releases_only:
            return _("%(agency)s: press releases") % {"agency": agency}
        return _("%(agency)s: news") % {"agency": agency}

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.intro or self.title(index)

    def feed_url(self, index):
        return self.request.path

    def items(self, index):
        items = (
            index.visible_press_releases() if self.press_releases_only else index.visible_items()
        )
        return items.specific()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # Stable across slug changes and the same in RSS and Atom.
        return f"urn:ssa-gov-ge:page:{item.translation_key}:{self.index.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publication_datetime

    def item_updateddate(self, item):
        # Atom requires <updated> on every entry: an item never republished was last
        # updated when it was published.
        return item.last_published_at or item.publication_datetime

    def item_categories(self, item):
        return [str(item.kind_label)]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
