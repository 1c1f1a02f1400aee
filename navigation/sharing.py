"""What a page tells search engines and social networks about itself: description,
canonical address, Open Graph and Twitter card fields."""

from dataclasses import dataclass, replace

from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images import get_image_model

from cms import layout_cache

OPEN_GRAPH_LOCALES = {"ka": "ka_GE", "en": "en_GB"}
SHARE_IMAGE_FILTER = "fill-1200x630"
# Fields page types use for their own picture or summary, tried in this order.
PAGE_IMAGE_FIELDS = ("share_image", "featured_image", "feature_image", "image")
PAGE_SUMMARY_FIELDS = ("intro", "lead", "summary")
DESCRIPTION_LENGTH = 200


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

    @property
    def twitter_card(self):
        return "summary_large_image" if self.image else "summary"


def page_description(page):
    """The editor's search description, else the page's own summary, shortened."""
    if page is None:
        return ""
    text = page.search_description
    if not text:
        for name in PAGE_SUMMARY_FIELDS:
            value = getattr(page, name, None)
            if isinstance(value, str) and value.strip():
                text = value
                break
    text = " ".join(strip_tags(text or "").split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def _page_image(page):
    image_model = get_image_model()
    for name in PAGE_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if isinstance(image, image_model):
            return image
    return None


def _card(image):
    """The share card of `image`, its address relative to the site."""
    rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    return ShareImage(
        url=rendition.url,
        alt=getattr(image, "default_alt_text", "") or image.title,
        width=rendition.width,
        height=rendition.height,
    )


def _fallback_card(site_settings):
    """The site's share image: the same on nearly every page, so cached (the layout cache
    gets a new version when the settings or that image change)."""
    image_id = site_settings.share_image_id

    def card():
        image = get_image_model().objects.filter(pk=image_id).first()
        return _card(image) if image is not None else None

    return layout_cache.cached("share-image", [image_id], card)


def share_image(request, page, site_settings):
    image = _page_image(page) if page is not None else None
    if image is not None:
        card = _card(image)
    elif site_settings is not None and site_settings.share_image_id:
        card = _fallback_card(site_settings)
    else:
        card = None
    if card is None:
        return None
    return replace(card, url=request.build_absolute_uri(card.url))


def share_metadata(request, page, language_code, site_settings):
    title = (page.seo_title or page.title) if page is not None else ""
    url = request.build_absolute_uri(page.get_url(request) if page else request.path)
    return ShareMetadata(
        title=title,
        description=page_description(page),
        url=url,
        og_type=getattr(page, "open_graph_type", "website"),
        og_locale=OPEN_GRAPH_LOCALES.get(language_code, language_code),
        og_alternate_locales=[
            og for code, og in OPEN_GRAPH_LOCALES.items() if code != language_code
        ],
        image=share_image(request, page, site_settings),
    )
