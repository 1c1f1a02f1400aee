"""Demo FAQ, contact and public-information pages for `seed_demo`, in Georgian with English
translations. Looks before it creates: a second run creates nothing."""

import datetime

from django.conf import settings
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.models import HomePage
from cms.seed import _stream as demo_stream
from info import demo_content
from info.factories import ContactPageFactory, FAQPageFactory, PublicInformationPageFactory
from info.models import ContactPage, FAQPage, PublicInformationPage
from media_archive.factories import ArchiveDocumentFactory
from media_archive.models import ArchiveDocument

PUBLIC_INFORMATION_UPDATED = datetime.date(2026, 10, 1)


def home_pages():
    """{language code: home page} of the demo site, or {} before the site exists."""
    georgian = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth=2)
    home = georgian.first()
    if home is None:
        return {}
    homes = {settings.LANGUAGE_CODE: home}
    for translation in home.get_translations().specific():
        homes[translation.locale.language_code] = translation
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


def faq_topics(language_code):
    return [
        (
            "topic",
            {
                "title": topic[language_code],
                "questions": [
                    {
                        "question": texts[language_code][0],
                        "answer": RichText(texts[language_code][1]),
                        "anchor": anchor,
                    }
                    for anchor, texts in topic["questions"]
                ],
            },
        )
        for topic in demo_content.FAQ_TOPICS
    ]


def ensure_faq(homes, report):
    content = demo_content.FAQ
    page = ensure_page(
        homes["ka"],
        FAQPage,
        FAQPageFactory,
        {**content["ka"], "topics": faq_topics("ka")},
        report,
    )
    if "en" in homes:
        translate_page(page, "en", {**content["en"], "topics": faq_topics("en")}, report)


def ensure_contact(homes, report):
    page = ensure_page(
        homes["ka"], ContactPage, ContactPageFactory, demo_content.CONTACT["ka"], report
    )
    if "en" in homes:
        translate_page(page, "en", demo_content.CONTACT["en"], report)


def ensure_public_document():
    title = demo_content.PUBLIC_DOCUMENT["ka"]
    document = ArchiveDocument.objects.filter(title=title).first()
    if document is None:
        document = ArchiveDocumentFactory(
            title=title,
            file__filename="biujetis-shesrulebis-angarishi.pdf",
            file__data=b"%PDF-1.4 demo budget report",
        )
    return document


def ensure_public_information(homes, report):
    document = ensure_public_document()
    pages = {}
    for key, parent_key, content in demo_content.PUBLIC_INFORMATION:
        parent = homes["ka"] if parent_key is None else pages[parent_key]
        documents = []
        if key == "finance":
            documents = [
                (
                    "document",
                    {"document": document, "title": "", "published": PUBLIC_INFORMATION_UPDATED},
                )
            ]

        def fields(language_code, content=content, documents=documents):
            texts = content[language_code]
            return {
                "title": texts["title"],
                "slug": texts["slug"],
                "intro": texts["intro"],
                "body": demo_stream(texts["body"]),
                "documents": documents,
                "last_updated": PUBLIC_INFORMATION_UPDATED,
                **demo_content.OFFICER[language_code],
                **demo_content.OFFICER_CONTACT,
            }

        page = ensure_page(
            parent, PublicInformationPage, PublicInformationPageFactory, fields("ka"), report
        )
        pages[key] = page
        if "en" in homes:
            translate_page(page, "en", fields("en"), report)


def seed(report):
    homes = home_pages()
    if not homes:
        return
    ensure_faq(homes, report)
    ensure_contact(homes, report)
    ensure_public_information(homes, report)
