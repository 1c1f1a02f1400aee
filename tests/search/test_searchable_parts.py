"""Everything a citizen reads is searchable: a service's documents, steps and eligibility,
an office's address, city and hours, questions and answers, an event's place; snippets
show the words that matched, never a block's label or a news item's tags."""

import pytest

from cms.factories import ContentPageFactory
from info.factories import FAQPageFactory
from news.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from offices.factories import OfficeIndexPageFactory, OfficePageFactory
from search.service import search_site
from services.factories import ServiceIndexPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


def found(query, language="ka"):
    return [result.page.title for result in search_site(query, language, log=False).results]


@pytest.fixture
def service(home_pages):
    index = ServiceIndexPageFactory(parent=home_pages["ka"])
    page = ServicePageFactory(
        parent=index,
        title="ოჯახური ტიპის მომსახურება",
        summary="მოკლე აღწერა.",
        eligibility="<p>მარტოხელა მშობელი, რომელიც ზრდის არასრულწლოვანს.</p>",
        documents_to_bring=[("document", {"name": "დაბადების მოწმობა", "note": "ასლი"})],
        application_steps=[("step", {"title": "შეავსეთ განაცხადი", "details": "ადგილზე"})],
    )
    return publish(page)


@pytest.mark.parametrize(
    "query", ["დაბადების მოწმობა", "მოწმობის", "განაცხადი", "მარტოხელა მშობლისთვის"]
)
def test_a_word_only_in_documents_steps_or_eligibility_finds_the_service(service, query):
    assert found(query) == [service.title]


def test_an_office_is_found_by_its_city_and_hours(home_pages):
    index = OfficeIndexPageFactory(parent=home_pages["ka"])
    office = publish(
        OfficePageFactory(
            parent=index,
            title="ქუთაისის ერთეული",
            municipality="ქუთაისი",
            address="რუსთაველის გამზირი 12",
        )
    )
    assert found("რუსთაველის გამზირი") == [office.title]
    assert found("ქუთაისში") == [office.title]
    assert office.title in found("ორშაბათი")


def test_faq_answers_and_event_places_are_found(home_pages):
    faq = FAQPageFactory(
        parent=home_pages["ka"],
        topics=[
            (
                "topic",
                {
                    "title": "პენსია",
                    "questions": [
                        {
                            "question": "როდის ირიცხება?",
                            "answer": "<p>თვის ბოლოს, ხაზინიდან.</p>",
                            "anchor": "",
                        }
                    ],
                },
            )
        ],
    )
    publish(faq)
    events = EventIndexPageFactory(parent=home_pages["ka"])
    event = publish(EventPageFactory(parent=events, place="ბათუმის საკრებულოს დარბაზი"))
    assert found("ხაზინიდან") == [faq.title]
    assert found("საკრებულოს დარბაზში") == [event.title]


def test_snippets_show_the_matched_words_never_labels_or_tags(home_pages):
    page = ContentPageFactory(
        parent=home_pages["en"],
        title="Guide",
        body=[("heading", {"text": "Getting started", "level": "h2"})]
        + [("paragraph", "<p>" + "Filler words here. " * 30 + "The voucher is paid monthly.</p>")],
    )
    publish(page)
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home_pages["en"]),
        title="Update",
        lead="Vouchers change.",
    )
    publish(news)
    news.tags.add("tagword")
    publish(news)
    outcome = search_site("voucher", "en", log=False)
    snippets = {result.page.pk: str(result.snippet) for result in outcome.results}
    assert "<mark>voucher</mark> is paid" in snippets[page.pk]
    assert "Section heading" not in snippets[page.pk]
    assert "tagword" not in snippets[news.pk]
    assert search_site("section heading", "en", log=False).total == 0
