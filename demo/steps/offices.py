"""Demo territorial offices for `seed_demo`, in Georgian with English translations
(content: demo/content/offices.json). Looks before it creates: a second run creates
nothing."""

import datetime
from decimal import Decimal

from django.conf import settings

from demo.helpers import date, home_pages, load, translate_page
from helpers.georgian import slugify_georgian
from offices.factories import OfficeHoursExceptionFactory, OfficeIndexPageFactory, OfficePageFactory
from offices.models import OfficeIndexPage


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
    return {
        "title": texts["title"],
        "slug": slugify_georgian(texts["title"]),
        "municipality": texts["municipality"],
        "address": texts["address"],
        "accessibility": texts["accessibility"],
    }


def _exceptions(exceptions, language_code):
    """Unsaved OfficeHoursException rows with the reasons in one language."""
    return [
        OfficeHoursExceptionFactory.build(
            date=date(exception["date"]),
            closed=exception["opens"] is None,
            opens=datetime.time.fromisoformat(exception["opens"]) if exception["opens"] else None,
            closes=(
                datetime.time.fromisoformat(exception["closes"]) if exception["closes"] else None
            ),
            note=exception["note"][language_code],
        )
        for exception in exceptions
    ]


def ensure_offices(report):
    """{key: {language code: OfficePage}} of the demo offices, created where missing."""
    homes = home_pages()
    if not homes:
        return {}
    content = load("offices")
    indexes = ensure_index(homes, content["index"], OfficeIndexPage, OfficeIndexPageFactory, report)
    offices = {}
    for entry in content["offices"]:
        key, exceptions = entry["key"], entry["hours_exceptions"]
        fields = _office_fields(entry["ka"])
        office = indexes["ka"].get_children().filter(slug=fields["slug"]).specific().first()
        if office is None:
            office = OfficePageFactory(
                parent=indexes["ka"],
                region=entry["region"],
                latitude=Decimal(entry["latitude"]),
                longitude=Decimal(entry["longitude"]),
                phone=entry["phone"],
                email=entry["email"],
                weekly_hours=entry["weekly_hours"],
                **fields,
            )
            for exception in _exceptions(exceptions, "ka"):
                exception.office = office
                exception.save()
            report.created.append(f"ka: {office.title}")
        offices[key] = {"ka": office}
        for code in indexes:
            if code == "ka":
                continue
            # The copy would take the Georgian reasons for closures; give them in English.
            fields = _office_fields(entry[code]) | {
                "hours_exceptions": _exceptions(exceptions, code)
            }
            offices[key][code] = translate_page(office, code, fields, report)
    return offices


def seed(report):
    ensure_offices(report)
