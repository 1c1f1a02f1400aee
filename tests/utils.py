from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.factories import HomePageFactory


def make_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def make_site_tree():
    """The Georgian home page as the default site's root, and its English translation,
    in place of the page Wagtail's installation leaves."""
    locales = make_locales()
    # Transactional tests start from a flushed database, without even the tree root.
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    for child in root.get_children():
        child.delete()
    home_ka = HomePageFactory(parent=root, title="მთავარი", slug="home", locale=locales["ka"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home_ka, is_default_site=True)
    home_en = translate(home_ka, locales["en"], title="Home", slug="home-en")
    return {"ka": home_ka, "en": home_en}


def translate(page, locale, **fields):
    """Publish a translation of `page` into `locale` with the given field values."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def streamed_body(response) -> bytes:
    """The whole body of a streaming response (a served file)."""
    return b"".join(response.streaming_content)
