"""Demo FAQ, contact and public-information pages for `seed_demo`, in Georgian with English
translations (content: demo/content/info.json). Looks before it creates: a second run
creates nothing."""

from wagtail.rich_text import RichText

from demo.helpers import date, ensure_page, home_pages, load, stream, translate_page
from info.factories import ContactPageFactory, FAQPageFactory, PublicInformationPageFactory
from info.models import ContactPage, FAQPage, PublicInformationPage
from media_archive.factories import ArchiveDocumentFactory
from media_archive.models import ArchiveDocument


def faq_topics(content, language_code):
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
        for topic in content["faq_topics"]
    ]


def ensure_faq(content, homes, report):
    texts = content["faq"]
    page = ensure_page(
        homes["ka"],
        FAQPage,
        FAQPageFactory,
        {**texts["ka"], "topics": faq_topics(content, "ka")},
        report,
    )
    if "en" in homes:
        translate_page(page, "en", {**texts["en"], "topics": faq_topics(content, "en")}, report)


def ensure_contact(content, homes, report):
    page = ensure_page(
        homes["ka"], ContactPage, ContactPageFactory, content["contact"]["ka"], report
    )
    if "en" in homes:
        translate_page(page, "en", content["contact"]["en"], report)


def ensure_public_document(content):
    title = content["public_document"]["ka"]
    document = ArchiveDocument.objects.filter(title=title).first()
    if document is None:
        document = ArchiveDocumentFactory(
            title=title,
            file__filename="biujetis-shesrulebis-angarishi.pdf",
            file__data=b"%PDF-1.4 demo budget report",
        )
    return document


def ensure_public_information(content, homes, report):
    document = ensure_public_document(content)
    updated = date(content["public_information_updated"])
    pages = {}
    for key, parent_key, page_content in content["public_information"]:
        parent = homes["ka"] if parent_key is None else pages[parent_key]
        documents = []
        if key == "finance":
            documents = [
                (
                    "document",
                    {"document": document, "title": "", "published": updated},
                )
            ]

        def fields(language_code, page_content=page_content, documents=documents):
            texts = page_content[language_code]
            return {
                "title": texts["title"],
                "slug": texts["slug"],
                "intro": texts["intro"],
                "body": stream(texts["body"]),
                "documents": documents,
                "last_updated": updated,
                **content["officer"][language_code],
                **content["officer_contact"],
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
    content = load("info")
    ensure_faq(content, homes, report)
    ensure_contact(content, homes, report)
    ensure_public_information(content, homes, report)
