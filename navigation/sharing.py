"""What a page tells search engines and social networks about itself: description,
canonical address, Open Graph and Twitter card fields."""

from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images import get_image_model

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


def share_image(request, page, site_settings):
    image = _page_image(page) if page is not None else None
    if image is None and site_settings is not None:
        image = site_settings.share_image
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    return ShareImage(
        url=request.build_absolute_uri(rendition.url),
        alt=getattr(image, "default_alt_text", "") or image.title,
        width=rendition.width,
        height=rendition.height,
    )


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
