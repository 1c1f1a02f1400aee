"""The demo main and footer menus in both languages, and the fallback share image, for
`seed_demo`. Runs after the apps whose pages the menus link to. Looks before it creates."""

import io

from django.apps import apps
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.models import Locale, Site

from cms.models import ContentPage, SiteSettings
from demo.helpers import home_pages
from media_archive.models import ArchiveImage
from navigation.models import Menu, MenuItem

# Page types the menus link to, in menu order: the first live instance in each language.
# Types another app may not provide are skipped.
MAIN_MENU_TYPES = [
    "services.ServiceIndexPage",
    "offices.OfficeIndexPage",
    "news.NewsIndexPage",
    "news.EventIndexPage",
    "info.FAQPage",
    "info.ContactPage",
]
FOOTER_MENU_TYPES = ["info.PublicInformationPage", "info.ContactPage", "staff.StaffIndexPage"]
ABOUT_SLUG = {"ka": "saagentos-shesakheb", "en": "about-the-agency"}
SHARE_IMAGE_TITLE = "სოციალური მომსახურების სააგენტო — გაზიარების სურათი"
AGENCY_BLUE = (11, 79, 138)


def _first_page(model_string, home):
    try:
        model = apps.get_model(model_string)
    except (LookupError, ValueError):
        return None
    return model.objects.descendant_of(home).live().order_by("path").first()


def _menu_pages(model_strings, home, extra=()):
    pages = [page for page in extra if page is not None]
    pages += [_first_page(model_string, home) for model_string in model_strings]
    return [page for page in pages if page is not None]


def ensure_menu(slot, locale, pages, translation_of, report):
    menu = Menu.objects.filter(slot=slot, locale=locale).first()
    if menu is not None:
        return menu
    menu = Menu(slot=slot, locale=locale)
    if translation_of is not None:
        menu.translation_key = translation_of.translation_key
    menu.items = [MenuItem(link_page=page, sort_order=n) for n, page in enumerate(pages)]
    menu.save()
    report.created.append(f"{locale.language_code}: {menu}")
    return menu


def ensure_menus(homes, report):
    originals = {}
    for code, home in homes.items():
        locale = Locale.objects.get(language_code=code)
        about = ContentPage.objects.child_of(home).filter(slug=ABOUT_SLUG.get(code)).first()
        for slot, types, extra in [
            (Menu.Slot.MAIN, MAIN_MENU_TYPES, [about]),
            (Menu.Slot.FOOTER, FOOTER_MENU_TYPES, []),
        ]:
            pages = _menu_pages(types, home, extra)
            menu = ensure_menu(slot, locale, pages, originals.get(slot), report)
            originals.setdefault(slot, menu)


def _share_image_file():
    """A plain 1200×630 card in the agency's colour: a stand-in until the communications
    team uploads a designed one."""
    image = Image.new("RGB", (1200, 630), AGENCY_BLUE)
    draw = ImageDraw.Draw(image)
    draw.ellipse((480, 195, 720, 435), outline="white", width=16)
    draw.rectangle((0, 590, 1200, 630), fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name="saagento-gaziareba.png")


def ensure_share_image(report):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    site_settings = SiteSettings.for_site(site)
    if site_settings.share_image_id:
        return
    image = ArchiveImage.objects.filter(title=SHARE_IMAGE_TITLE).first()
    if image is None:
        image = ArchiveImage.objects.create(title=SHARE_IMAGE_TITLE, file=_share_image_file())
        report.created.append(f"image: {SHARE_IMAGE_TITLE}")
    site_settings.share_image = image
    site_settings.save()


def seed(report):
    homes = home_pages()
    if not homes:
        return
    ensure_menus(homes, report)
    ensure_share_image(report)
