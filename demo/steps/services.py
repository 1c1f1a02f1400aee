"""The demo services catalogue for `seed_demo`: audiences, the service index and the
services in Georgian with English translations, linked to the demo offices (content:
demo/content/services.json). Looks before it creates: a second run creates nothing."""

from wagtail.models import Locale

from cms.models import HomePage
from demo.helpers import date, home_pages, load, translate_page
from demo.steps import offices as offices_step
from helpers.georgian import slugify_georgian
from offices.models import OfficeIndexPage
from services.factories import (
    AudienceFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    SupportFinderPageFactory,
)
from services.models import Audience, ServiceIndexPage, ServicePage, SupportFinderPage

LAW_LANGUAGES = {"ka": "ka", "en": "en"}


def ensure_audiences(content, report):
    """{(key, language code): Audience}, the English ones as translations of the Georgian."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    audiences = {}
    for position, (key, name_ka, name_en) in enumerate(content["audiences"]):
        georgian = Audience.objects.filter(locale=locales["ka"], slug=key).first()
        if georgian is None:
            georgian = AudienceFactory(
                name=name_ka, slug=key, sort_order=position, locale=locales["ka"]
            )
            report.created.append(f"ka: {name_ka}")
        audiences[key, "ka"] = georgian
        if "en" in locales:
            english = georgian.get_translation_or_none(locales["en"])
            if english is None:
                english = georgian.copy_for_translation(locales["en"])
                english.name = name_en
                english.save()
                report.created.append(f"en: {name_en}")
            audiences[key, "en"] = english
    return audiences


def _service_fields(content, service, code):
    texts = service[code]
    rules = content["finder_rules"].get(service["key"])
    finder = {"finder_listed": True, **rules} if rules else {}
    return finder | {
        "title": texts["title"],
        "slug": slugify_georgian(texts["title"]),
        "kind": service["kind"],
        "summary": texts["summary"],
        "eligibility": texts["eligibility"],
        "what_you_get": texts["what_you_get"],
        "amounts": [
            ("amount", {"label": label, "amount": amount, "period": period})
            for label, amount, period in texts["amounts"]
        ],
        "documents_to_bring": [
            ("document", {"name": name, "note": note}) for name, note in texts["documents"]
        ],
        "application_steps": [
            ("step", {"title": title, "details": details}) for title, details in texts["steps"]
        ],
        "where_to_apply_note": content["any_office"][code] if not service["offices"] else "",
        "processing_time": texts["processing_time"],
        "legal_basis": [
            (
                "act",
                {
                    "title": content["laws"][law][1 if code == "ka" else 2],
                    "url": content["matsne"].format(
                        lang=LAW_LANGUAGES[code], id=content["laws"][law][0]
                    ),
                },
            )
            for law in service["laws"]
        ],
        "last_reviewed": max(date(day) for day, _text in texts["changes"]),
        "change_notes": [
            ("change", {"date": date(day), "text": text}) for day, text in texts["changes"]
        ],
    }


def _link_services(content, services, offices, report):
    """Where to apply, related services and services offered: set once both languages of
    every page exist, and only where still empty."""
    for service in content["services"]:
        for code, page in services[service["key"]].items():
            if page.where_to_apply or page.related_services:
                continue
            page.where_to_apply = [
                ("office", offices[key][code]) for key in service["offices"] if key in offices
            ]
            page.related_services = [("service", services[key][code]) for key in service["related"]]
            page.save_revision().publish()
    for key, pages in offices.items():
        for code, office in pages.items():
            if office.services_offered:
                continue
            office.services_offered = [
                ("service", services[service["key"]][code])
                for service in content["services"]
                if not service["offices"] or key in service["offices"]
            ]
            office.save_revision().publish()
            report.created.append(f"{code}: {office.title} — services")


def seed(report):
    offices = offices_step.ensure_offices(report)
    homes = home_pages()
    if not homes:
        return
    content = load("services")
    audiences = ensure_audiences(content, report)
    indexes = offices_step.ensure_index(
        homes, content["index"], ServiceIndexPage, ServiceIndexPageFactory, report
    )
    services = {}
    for service in content["services"]:
        fields = _service_fields(content, service, "ka")
        page = indexes["ka"].get_children().filter(slug=fields["slug"]).specific().first()
        if page is None:
            page = ServicePageFactory(
                parent=indexes["ka"],
                audiences=[audiences[key, "ka"] for key in service["audiences"]],
                **fields,
            )
            report.created.append(f"ka: {page.title}")
        services[service["key"]] = {"ka": page}
        for code in indexes:
            if code == "ka":
                continue
            fields = _service_fields(content, service, code)
            fields["audiences"] = [audiences[key, code] for key in service["audiences"]]
            services[service["key"]][code] = translate_page(page, code, fields, report)
    _link_services(content, services, offices, report)
    _add_finder_rules(content, services)
    finders = ensure_finder(content, homes, report)
    ensure_top_tasks(content, homes, services, finders, report)


def ensure_top_tasks(content, homes, services, finders, report):
    """The demo home pages' top tasks, unless editors have chosen some."""
    for code, home in homes.items():
        home = HomePage.objects.get(pk=home.pk)
        if home.top_tasks:
            continue
        pages = {key: pages[code] for key, pages in services.items() if code in pages}
        pages["finder"] = finders.get(code)
        pages["offices"] = OfficeIndexPage.objects.child_of(home).first()
        home.top_tasks = [
            ("task", {"page": pages[key], "title": title, "description": description})
            for key, title, description in content["top_tasks"][code]
            if pages.get(key) is not None
        ]
        home.save_revision().publish()
        report.created.append(f"{code}: top tasks")


def _add_finder_rules(content, services):
    """The eligibility rules on services made before the finder existed."""
    for service in content["services"]:
        rules = content["finder_rules"].get(service["key"])
        for page in services[service["key"]].values():
            if not rules or page.finder_listed:
                continue
            page = ServicePage.objects.get(pk=page.pk)
            for name, value in {"finder_listed": True, **rules}.items():
                setattr(page, name, value)
            page.save_revision().publish()


def ensure_finder(content, homes, report):
    """The "What support can I get?" page under each home page."""
    home = homes["ka"]
    texts = content["finder"]["ka"]
    finder = SupportFinderPage.objects.child_of(home).first()
    if finder is None:
        finder = SupportFinderPageFactory(parent=home, show_in_menus=False, **texts)
        report.created.append(f"ka: {finder.title}")
    finders = {"ka": finder}
    for code in homes:
        if code != "ka":
            finders[code] = translate_page(finder, code, content["finder"][code], report)
    return finders
