"""Builds the bilingual demo site. Every step looks before it creates, so a second run
creates nothing new."""

import secrets
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms import demo_content
from cms.factories import ContentPageFactory, HomePageFactory
from cms.models import HomePage, SiteSettings
from helpers.georgian import slugify_georgian

ADMIN_USERNAME = "admin"


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None

    @property
    def created_count(self):
        return len(self.created)


def _stream(items):
    """(type, value) pairs of demo_content into StreamField values."""
    stream = []
    for block_type, value in items:
        if block_type == "heading":
            stream.append(("heading", {"text": value, "level": "h2"}))
        elif block_type == "paragraph":
            stream.append(("paragraph", RichText(value)))
        elif block_type == "call_out":
            kind, title, body = value
            stream.append(("call_out", {"kind": kind, "title": title, "body": RichText(body)}))
        else:
            raise ValueError(f"Unknown demo block type: {block_type}")
    return stream


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
        translation.body = _stream(content["body"])
    translation.save_revision().publish()
    report.created.append(f"{locale.language_code}: {translation.title}")
    return translation


def ensure_home(locales, report):
    georgian = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=georgian, depth=2).first()
    if home is None:
        # A flushed database (`manage.py flush`, transactional tests) has no tree root.
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        # Wagtail's installation leaves a plain "Welcome" page where our home page goes.
        for placeholder in root.get_children().filter(content_type__model="page"):
            placeholder.delete()
        content = demo_content.HOME["ka"]
        home = HomePageFactory(
            parent=root,
            title=content["title"],
            slug="home",
            intro=content["intro"],
            locale=georgian,
            show_in_menus=False,
        )
        report.created.append(f"ka: {home.title}")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name=demo_content.HOME["en"]["title"],
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # Home pages are siblings under the tree root, so the English one needs a slug of its
    # own; root slugs never appear in URLs.
    _translate(home, locales["en"], {**demo_content.HOME["en"], "slug": "home-en"}, report)
    return home


def ensure_pages(home, locales, report):
    georgian_pages = {None: home}
    for key, parent_key, content in demo_content.PAGES:
        parent = georgian_pages[parent_key]
        ka = content["ka"]
        slug = slugify_georgian(ka["title"])
        page = parent.get_children().filter(slug=slug).specific().first()
        if page is None:
            page = ContentPageFactory(
                parent=parent,
                title=ka["title"],
                slug=slug,
                intro=ka["intro"],
                body=_stream(ka["body"]),
                locale=home.locale,
                show_in_menus=parent_key is None,
            )
            report.created.append(f"ka: {page.title}")
        georgian_pages[key] = page
        _translate(page, locales["en"], content["en"], report)


def ensure_site_settings():
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    changed = False
    for name, value in demo_content.SITE_SETTINGS.items():
        if not getattr(site_settings, name):
            setattr(site_settings, name, value)
            changed = True
    if changed:
        site_settings.save()


def ensure_admin(report, password=None):
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    User.objects.create_superuser(ADMIN_USERNAME, "admin@ssa.gov.ge", password)
    report.created.append(f"user: {ADMIN_USERNAME}")
    if generated:
        report.admin_password = password


def app_seeders():
    """`seed(report)` of every installed app that has a `demo` module, in INSTALLED_APPS
    order, so that each app seeds its own content after the core pages exist."""
    seeders = []
    for app_config in apps.get_app_configs():
        if app_config.name == "cms":
            continue
        try:
            module = import_module(f"{app_config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.demo":
                raise
            continue
        seeders.append(module.seed)
    return seeders


@transaction.atomic
def seed_demo_site(admin_password=None):
    report = SeedReport()
    locales = ensure_locales()
    home = ensure_home(locales, report)
    ensure_pages(home, locales, report)
    ensure_site_settings()
    for seed in app_seeders():
        seed(report)
    ensure_admin(report, admin_password)
    return report
