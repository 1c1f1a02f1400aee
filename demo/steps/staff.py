"""The demo staff section for `seed_demo`: the Staff group, the private document collection,
the casework systems and a casework module per area, in Georgian with English translations.
Content: demo/content/staff.json. Looks before it creates: a second run creates nothing."""

from wagtail.rich_text import RichText

from demo.helpers import ensure_page, home_pages, load, translate_page
from media_archive.models import ArchiveDocument
from staff.access import private_collection, staff_group
from staff.factories import (
    CaseworkModulePageFactory,
    CaseworkSystemFactory,
    PrivateDocumentFactory,
    StaffIndexPageFactory,
)
from staff.models import CaseworkModulePage, CaseworkSystem, StaffIndexPage


def ensure_systems(content, report):
    systems = {}
    for key, fields in content["systems"].items():
        system = CaseworkSystem.objects.filter(url=fields["url"]).first()
        if system is None:
            system = CaseworkSystemFactory(**fields)
            report.created.append(f"casework system: {system.name_ka}")
        systems[key] = system
    return systems


def ensure_template(title, collection, report):
    document = ArchiveDocument.objects.filter(title=title, collection=collection).first()
    if document is None:
        document = PrivateDocumentFactory(title=title, collection=collection)
        report.created.append(f"private document: {title}")
    return document


def module_fields(texts, document):
    return {
        "title": texts["title"],
        "slug": texts["slug"],
        "intro": texts["intro"],
        "procedure": [
            (
                "step",
                {"title": title, "description": RichText(f"<p>{text}</p>"), "responsible": who},
            )
            for title, text, who in texts["steps"]
        ],
        "document_templates": [
            ("template", {"document": document, "title": texts["template"], "description": ""})
        ],
    }


def seed(report):
    homes = home_pages()
    if not homes:
        return
    staff_group()  # who belongs to it is the admin's business; it just has to exist
    collection = private_collection()
    content = load("staff")
    systems = ensure_systems(content, report)
    index = ensure_page(
        homes["ka"], StaffIndexPage, StaffIndexPageFactory, content["index"]["ka"], report
    )
    if "en" in homes:
        translate_page(index, "en", content["index"]["en"], report)
    for area, system_keys, module in content["modules"]:
        document = ensure_template(module["ka"]["template"], collection, report)
        page = CaseworkModulePage.objects.child_of(index).filter(area=area).first()
        if page is None:
            page = CaseworkModulePageFactory(
                parent=index, area=area, **module_fields(module["ka"], document)
            )
            page.casework_systems.set([systems[key] for key in system_keys])
            page.save_revision().publish()
            report.created.append(f"ka: {page.title}")
        if "en" in homes:
            translate_page(page, "en", module_fields(module["en"], document), report)
