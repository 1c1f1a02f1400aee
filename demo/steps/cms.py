"""The core of the demo: the locales, the home page in both languages and the default site,
the about and programme pages, and the site settings (content: demo/content/cms.json)."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.factories import ContentPageFactory, HomePageFactory
from cms.models import HomePage, SiteSettings
from demo.helpers import load, stream
from helpers.georgian import slugify_georgian


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def _translate(page, locale, content, report):
    """The page's translation in `locale`, created and published from `content` if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    translation.title = content["title"]
    translation.slug = content.get("slug") or slugify_georgian(content["title"])
    translation.intro = content.get("intro", "")
    if "body" in content:
        translation.body = stream(content["body"])
    translation.save_revision().publish()
    report.created.append(f"{locale.language_code}: {translation.title}")
    return translation


def ensure_home(locales, report, content=None):
    content = content or load("cms")
    georgian = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=georgian, depth=2).first()
    if home is None:
        # A flushed database (`manage.py flush`, transactional tests) has no tree root.
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        # Wagtail's installation leaves a plain "Welcome" page where our home page goes.
        for placeholder in root.get_children().filter(content_type__model="page"):
            placeholder.delete()
        texts = content["home"]["ka"]
        home = HomePageFactory(
            parent=root,
            title=texts["title"],
            slug="home",
            intro=texts["intro"],
            locale=georgian,
            show_in_menus=False,
        )
        report.created.append(f"ka: {home.title}")
    site = Site.objects.filter(is_default_site=True).first()
    # The public address (PUBLIC_BASE_URL), so that links built from the Site (e-mails,
    # previews) do not point at http://localhost/; "localhost" when it is not configured.
    hostname = urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"
    if site is not None and site.hostname == "localhost" and hostname != "localhost":
        site.hostname = hostname
        site.save(update_fields=["hostname"])
    if site is None:
        Site.objects.create(
            hostname=hostname,
            root_page=home,
            is_default_site=True,
            site_name=content["home"]["en"]["title"],
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # Home pages are siblings under the tree root, so the English one needs a slug of its
    # own; root slugs never appear in URLs.
    _translate(home, locales["en"], {**content["home"]["en"], "slug": "home-en"}, report)
    return home


def ensure_pages(home, locales, report, content=None):
    content = content or load("cms")
    georgian_pages = {None: home}
    for key, parent_key, texts in content["pages"]:
        parent = georgian_pages[parent_key]
        ka = texts["ka"]
        slug = slugify_georgian(ka["title"])
        page = parent.get_children().filter(slug=slug).specific().first()
        if page is None:
            page = ContentPageFactory(
                parent=parent,
                title=ka["title"],
                slug=slug,
                intro=ka["intro"],
                body=stream(ka["body"]),
                locale=home.locale,
                show_in_menus=parent_key is None,
            )
            report.created.append(f"ka: {page.title}")
        georgian_pages[key] = page
        _translate(page, locales["en"], texts["en"], report)


def ensure_site_settings(content=None):
    content = content or load("cms")
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    changed = False
    for name, value in content["site_settings"].items():
        if not getattr(site_settings, name):
            setattr(site_settings, name, value)
            changed = True
    if changed:
        site_settings.save()


def seed(report):
    content = load("cms")
    locales = ensure_locales()
    home = ensure_home(locales, report, content)
    ensure_pages(home, locales, report, content)
    ensure_site_settings(content)
