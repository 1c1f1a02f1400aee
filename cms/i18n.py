"""Which page a visitor reaches when they switch language."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # True when the link leads to a translation of this very page (an hreflang pair),
    # False when it falls back to a translated ancestor or to the home page.
    is_exact: bool


def nearest_translation(page: Page, locale: Locale):
    """The live translation of `page` in `locale`, else of its nearest translated ancestor.

    One query for the whole ancestry, whatever its depth.
    """
    lineage = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).only("translation_key"))
    keys = [ancestor.translation_key for ancestor in lineage]
    candidates = {
        candidate.translation_key: candidate
        for candidate in Page.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=keys)
        .only("id", "url_path", "translation_key", "locale_id", "depth")
    }
    for ancestor in reversed(lineage):
        if ancestor.translation_key in candidates:
            return candidates[ancestor.translation_key], ancestor.pk == page.pk
    return None, False


def language_links(request, page=None, current_language=None):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    links = []
    for code, name in settings.LANGUAGES:
        url, is_exact = f"/{code}/", False
        locale = locales.get(code)
        if page is not None and locale is not None:
            target, is_exact = nearest_translation(page, locale)
            if target is not None:
                url = target.get_url(request)
        links.append(LanguageLink(code, name, url, code == current_language, is_exact))
    return links
