"""The demo services catalogue for `seed_demo`: audiences, the service index and the
services in Georgian with English translations, linked to the demo offices. Looks before
it creates: a second run creates nothing."""

from wagtail.models import Locale

from helpers.georgian import slugify_georgian
from offices import demo as offices_demo
from services import demo_content
from services.factories import (
    AudienceFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    SupportFinderPageFactory,
)
from services.models import Audience, ServiceIndexPage, ServicePage, SupportFinderPage

LAW_LANGUAGES = {"ka": "ka", "en": "en"}


def ensure_audiences(report):
    """{(key, language code): Audience}, the English ones as translations of the Georgian."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    audiences = {}
    for position, (key, name_ka, name_en) in enumerate(demo_content.AUDIENCES):
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


def _service_fields(service, code):
    texts = service[code]
    rules = demo_content.FINDER_RULES.get(service["key"])
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
        "where_to_apply_note": demo_content.ANY_OFFICE[code] if not service["offices"] else "",
        "processing_time": texts["processing_time"],
        "legal_basis": [
            (
                "act",
                {
                    "title": demo_content.LAWS[law][1 if code == "ka" else 2],
                    "url": demo_content.MATSNE.format(
                        lang=LAW_LANGUAGES[code], id=demo_content.LAWS[law][0]
                    ),
                },
            )
            for law in service["laws"]
        ],
        "last_reviewed": max(date for date, _text in texts["changes"]),
        "change_notes": [
            ("change", {"date": date, "text": text}) for date, text in texts["changes"]
        ],
    }


def _link_services(services, offices, report):
    """Where to apply, related services and services offered: set once both languages of
    every page exist, and only where still empty."""
    for service in demo_content.SERVICES:
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
                for service in demo_content.SERVICES
                if not service["offices"] or key in service["offices"]
            ]
            office.save_revision().publish()
            report.created.append(f"{code}: {office.title} — services")


def seed(report):
    offices = offices_demo.ensure_offices(report)
    homes = offices_demo.home_pages()
    if not homes:
        return
    audiences = ensure_audiences(report)
    indexes = offices_demo.ensure_index(
        homes, demo_content.INDEX, ServiceIndexPage, ServiceIndexPageFactory, report
    )
    services = {}
    for service in demo_content.SERVICES:
        fields = _service_fields(service, "ka")
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
            fields = _service_fields(service, code)
            fields["audiences"] = [audiences[key, code] for key in service["audiences"]]
            services[service["key"]][code] = offices_demo.translate_page(page, code, fields, report)
    _link_services(services, offices, report)
    _add_finder_rules(services)
    finders = ensure_finder(homes, report)
    ensure_top_tasks(homes, services, finders, report)


# The home page's top tasks: (service key or page, title, description) per language.
TOP_TASKS = {
    "ka": [
        ("pension", "პენსიის დანიშვნა", "ვის ეკუთვნის და როგორ მივმართოთ"),
        ("tsa", "საარსებო შემწეობა", "სოციალურად დაუცველი ოჯახებისთვის"),
        ("disability-status", "შშმ სტატუსის მიღება", "სამედიცინო-სოციალური ექსპერტიზა"),
        ("finder", "რა დახმარება შემიძლია მივიღო?", "რამდენიმე კითხვა — შესაფერისი მომსახურებები"),
        ("offices", "უახლოესი ოფისი", "მისამართები და სამუშაო საათები"),
    ],
    "en": [
        ("pension", "Apply for a pension", "Who gets it and how to apply"),
        ("tsa", "Subsistence allowance", "For socially vulnerable families"),
        ("disability-status", "Get disability status", "Medical and social assessment"),
        ("finder", "What support can I get?", "A few questions, the services that may apply"),
        ("offices", "Find your nearest office", "Addresses and opening hours"),
    ],
}


def ensure_top_tasks(homes, services, finders, report):
    """The demo home pages' top tasks, unless editors have chosen some."""
    from cms.models import HomePage
    from offices.models import OfficeIndexPage

    for code, home in homes.items():
        home = HomePage.objects.get(pk=home.pk)
        if home.top_tasks:
            continue
        pages = {key: pages[code] for key, pages in services.items() if code in pages}
        pages["finder"] = finders.get(code)
        pages["offices"] = OfficeIndexPage.objects.child_of(home).first()
        home.top_tasks = [
            ("task", {"page": pages[key], "title": title, "description": description})
            for key, title, description in TOP_TASKS[code]
            if pages.get(key) is not None
        ]
        home.save_revision().publish()
        report.created.append(f"{code}: top tasks")


def _add_finder_rules(services):
    """The eligibility rules on services made before the finder existed."""
    for service in demo_content.SERVICES:
        rules = demo_content.FINDER_RULES.get(service["key"])
        for page in services[service["key"]].values():
            if not rules or page.finder_listed:
                continue
            page = ServicePage.objects.get(pk=page.pk)
            for name, value in {"finder_listed": True, **rules}.items():
                setattr(page, name, value)
            page.save_revision().publish()


def ensure_finder(homes, report):
    """The "What support can I get?" page under each home page."""
    home = homes["ka"]
    texts = demo_content.FINDER["ka"]
    finder = SupportFinderPage.objects.child_of(home).first()
    if finder is None:
        finder = SupportFinderPageFactory(parent=home, show_in_menus=False, **texts)
        report.created.append(f"ka: {finder.title}")
    finders = {"ka": finder}
    for code in homes:
        if code != "ka":
            finders[code] = offices_demo.translate_page(
                finder, code, demo_content.FINDER[code], report
            )
    return finders
