"""What a page tells search engines and social networks about itself: description,
canonical address, Open Graph and Twitter card fields."""

from dataclasses import dataclass, replace

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from cms import layout_cache
from media_archive.privacy import is_publishable

OPEN_GRAPH_LOCALES = {"ka": "ka_GE", "en": "en_GB"}
SHARE_IMAGE_FILTER = "fill-1200x630"
# Fields page types use for their own picture or summary, tried in this order.
PAGE_IMAGE_FIELDS = ("share_image", "featured_image", "feature_image", "image")
PAGE_SUMMARY_FIELDS = ("intro", "lead", "summary")
DESCRIPTION_LENGTH = 200
AGENCY_CARD = "img/share-card.png"


def absolute_url(request, path):
    """`path` on the configured public address (PUBLIC_BASE_URL), else on the request's."""
    if path.startswith(("http://", "https://")):
        return path
    base = getattr(settings, "PUBLIC_BASE_URL", "")
    if base:
        return base + path
    return request.build_absolute_uri(path)


@dataclass(frozen=True)
class ShareImage:
    url: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class ShareMetadata:
    title: str
    description: str
    url: str
    og_type: str
    og_locale: str
    og_alternate_locales: list
    image: ShareImage | None
    # Articles (news, press releases): ISO 8601 moments for article:published_time and
    # article:modified_time.
    published_time: str = ""
    modified_time: str = ""

    @property
    def twitter_card(self):
        return "summary_large_image" if self.image else "summary"


def page_description(page):
    """The editor's search description, else the page's own summary, shortened."""
    if page is None:
        return ""
    text = page.search_description
    if not text:
        for name in (*PAGE_SUMMARY_FIELDS, "meta_description"):
            value = getattr(page, name, None)
            if isinstance(value, str) and value.strip():
                text = value
                break
    text = " ".join(strip_tags(text or "").split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def _page_image(page):
    """The page's own picture, if it may be published (rights, consent: an image the
    archive would refuse to serve must not be named in a share card either)."""
    image_model = get_image_model()
    for name in PAGE_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if isinstance(image, image_model) and is_publishable(image):
            return image
    return None


def _alt_text(image, page, language_code):
    """The picture's description in the page's language: its English caption or title on
    English pages, else the page's own title (never Georgian on an English page)."""
    if language_code == "en":
        english = getattr(image, "caption_en", "") or getattr(image, "title_en", "")
        return english or (page.title if page is not None else "")
    return getattr(image, "caption_ka", "") or image.title


def _card(image, alt):
    """The share card of `image`, its address relative to the site; None while the archive
    has not made it yet (media_archive.renditions: no visitor's request makes one, and a
    placeholder would stay in the networks' caches)."""
    rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    if getattr(rendition, "is_placeholder", False):
        return None
    return ShareImage(url=rendition.url, alt=alt, width=rendition.width, height=rendition.height)


def agency_card(site_settings):
    """The agency's own card (tools/make_images.py): no person, no third party's rights,
    always publishable; alt text is the agency's name in the active language."""
    name = site_settings.agency_name if site_settings is not None else ""
    return ShareImage(
        url=static(AGENCY_CARD),
        alt=name or str(_("Social Service Agency")),
        width=1200,
        height=630,
    )


def _fallback_card(site_settings, language_code):
    """The site's share image if publishable, else the agency's card: the same on nearly
    every page, so cached (the layout cache gets a new version when the settings or that
    image change)."""
    image_id = site_settings.share_image_id

    def card():
        image = get_image_model().objects.filter(pk=image_id).first()
        if image is None or not is_publishable(image):
            return None
        return _card(image, _alt_text(image, None, language_code) or site_settings.agency_name)

    if image_id is None:
        return agency_card(site_settings)
    found = layout_cache.cached("share-image", [image_id, language_code], card)
    return found or agency_card(site_settings)


def share_image(request, page, site_settings, language_code=None):
    language_code = language_code or translation.get_language() or "ka"
    image = _page_image(page) if page is not None else None
    card = _card(image, _alt_text(image, page, language_code)) if image is not None else None
    if card is None and site_settings is not None:
        card = _fallback_card(site_settings, language_code)
    elif card is None:
        card = agency_card(None)
    return replace(card, url=absolute_url(request, card.url))


def _article_times(page):
    published = getattr(page, "publication_datetime", None) or getattr(
        page, "first_published_at", None
    )
    modified = getattr(page, "last_published_at", None)
    return (
        published.isoformat() if published else "",
        modified.isoformat() if modified else "",
    )


def share_metadata(request, page, language_code, site_settings):
    title = (page.seo_title or page.title) if page is not None else ""
    url = absolute_url(request, page.get_url(request) if page else request.path)
    og_type = getattr(page, "open_graph_type", "website")
    published, modified = _article_times(page) if og_type == "article" else ("", "")
    return ShareMetadata(
        title=title,
        description=page_description(page),
        url=url,
        og_type=og_type,
        og_locale=OPEN_GRAPH_LOCALES.get(language_code, language_code),
        og_alternate_locales=[
            og for code, og in OPEN_GRAPH_LOCALES.items() if code != language_code
        ],
        image=share_image(request, page, site_settings, language_code),
        published_time=published,
        modified_time=modified,
    )
