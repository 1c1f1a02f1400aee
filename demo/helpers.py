"""What the seeding steps share: the content files, StreamField values built from them, the
demo's home pages and page translations."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.models import HomePage

CONTENT = Path(__file__).resolve().parent / "content"


def load(name):
    """demo/content/<name>.json. Read afresh on every call, so that no step can change the
    content another step sees."""
    with (CONTENT / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


def date(value):
    """A date of the content files, written as ISO 8601 (2026-01-15)."""
    return datetime.date.fromisoformat(value)


def stream(items):
    """[block type, value] pairs of the content files into StreamField values."""
    blocks = []
    for block_type, value in items:
        if block_type == "heading":
            blocks.append(("heading", {"text": value, "level": "h2"}))
        elif block_type == "paragraph":
            blocks.append(("paragraph", RichText(value)))
        elif block_type == "call_out":
            kind, title, body = value
            blocks.append(("call_out", {"kind": kind, "title": title, "body": RichText(body)}))
        else:
            raise ValueError(f"Unknown demo block type: {block_type}")
    return blocks


def home_pages():
    """{language code: home page} of the demo site, or {} before the site exists."""
    georgian = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=georgian, depth=2).first()
    if home is None:
        return {}
    homes = {settings.LANGUAGE_CODE: home}
    for locale in Locale.objects.exclude(pk=georgian.pk):
        translation = home.get_translation_or_none(locale)
        if translation is not None:
            homes[locale.language_code] = translation.specific
    return homes


def translate_page(page, language_code, fields, report):
    """The page's translation, created from `fields` and published if it is missing."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    report.created.append(f"{language_code}: {translation.title}")
    return translation.specific


def ensure_page(parent, page_class, factory, fields, report, **extra):
    """The child of `parent` with the slug in `fields`, created with `factory` if missing."""
    page = page_class.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if page is None:
        page = factory(parent=parent, **fields, **extra)
        report.created.append(f"{parent.locale.language_code}: {page.title}")
    return page
