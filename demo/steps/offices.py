"""Demo territorial offices for `seed_demo`, in Georgian with English translations.
Looks before it creates: a second run creates nothing."""

import datetime
from decimal import Decimal

from django.conf import settings
from wagtail.models import Locale

from cms.models import HomePage
from helpers.georgian import slugify_georgian
from offices import demo_content
from offices.factories import OfficeHoursExceptionFactory, OfficeIndexPageFactory, OfficePageFactory
from offices.models import OfficeIndexPage


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


def ensure_index(homes, content, page_class, factory, report):
    """An index page under the Georgian home page and its translations."""
    home = homes[settings.LANGUAGE_CODE]
    ka = content["ka"]
    index = page_class.objects.child_of(home).filter(slug=ka["slug"]).first()
    if index is None:
        index = factory(
            parent=home, title=ka["title"], slug=ka["slug"], intro=ka["intro"], show_in_menus=True
        )
        report.created.append(f"ka: {index.title}")
    indexes = {settings.LANGUAGE_CODE: index}
    for code in homes:
        if code != settings.LANGUAGE_CODE:
            indexes[code] = translate_page(index, code, content[code], report)
    return indexes


def _office_fields(texts):
    title, municipality, address, accessibility = texts
    return {
        "title": title,
        "slug": slugify_georgian(title),
        "municipality": municipality,
        "address": address,
        "accessibility": accessibility,
    }


def _exceptions(exceptions, language_index):
    """Unsaved OfficeHoursException rows with the reasons in one language."""
    return [
        OfficeHoursExceptionFactory.build(
            date=day,
            closed=opens is None,
            opens=datetime.time.fromisoformat(opens) if opens else None,
            closes=datetime.time.fromisoformat(closes) if closes else None,
            note=notes[language_index],
        )
        for day, opens, closes, *notes in exceptions
    ]


def ensure_offices(report):
    """{key: {language code: OfficePage}} of the demo offices, created where missing."""
    homes = home_pages()
    if not homes:
        return {}
    indexes = ensure_index(
        homes, demo_content.INDEX, OfficeIndexPage, OfficeIndexPageFactory, report
    )
    offices = {}
    for key, region, lat, lon, phone, email, weekly, exceptions, texts in demo_content.OFFICES:
        fields = _office_fields(texts["ka"])
        office = indexes["ka"].get_children().filter(slug=fields["slug"]).specific().first()
        if office is None:
            office = OfficePageFactory(
                parent=indexes["ka"],
                region=region,
                latitude=Decimal(lat),
                longitude=Decimal(lon),
                phone=phone,
                email=email,
                weekly_hours=weekly,
                **fields,
            )
            for exception in _exceptions(exceptions, 0):
                exception.office = office
                exception.save()
            report.created.append(f"ka: {office.title}")
        offices[key] = {"ka": office}
        for code in indexes:
            if code == "ka":
                continue
            # The copy would take the Georgian reasons for closures; give them in English.
            fields = _office_fields(texts[code]) | {"hours_exceptions": _exceptions(exceptions, 1)}
            offices[key][code] = translate_page(office, code, fields, report)
    return offices


def seed(report):
    ensure_offices(report)
