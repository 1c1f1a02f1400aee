"""What comes first: the page titled with the words of a query, on SQLite and PostgreSQL
alike; English inflections; page types weighted by editors."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cms.factories import ContentPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from search.models import PageTypeSearchWeight
from search.service import search_site
from services.factories import ServiceIndexPageFactory, ServicePageFactory
from services.models import ServicePage

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


def content(parent, title, intro=""):
    return publish(ContentPageFactory(parent=parent, title=title, intro=intro))


def first_title(query, language="ka"):
    outcome = search_site(query, language, log=False)
    return outcome.results[0].page.title if outcome.results else None


TITLED = [
    "საარსებო შემწეობა",
    "მინდობით აღზრდა",
    "სოციალური დახმარების მიღების წესი",
    "შშმ პირის სტატუსის დადგენა ბავშვებისთვის",
    "foster care",
    "disability status",
    "state pension age rules",
]


@pytest.fixture
def crowded(home_pages):
    """Each title's words repeated in the text of other pages (more often than on the
    titled page), and each title's words split over the titles of others."""
    pages = {}
    for language, home in home_pages.items():
        for number, title in enumerate(TITLED):
            words = title.split()
            for other in range(3):
                content(
                    home,
                    f"{words[other % len(words)]} და სხვა {number} {other}",
                    " ".join(words * 4) + " სხვა ტექსტი, სადაც ბევრი სიტყვაა.",
                )
            pages[(language, title)] = content(home, title, "მოკლე აღწერა.")
    return pages


@pytest.mark.parametrize("title", TITLED)
def test_the_page_titled_with_the_words_comes_first(crowded, title):
    assert first_title(title) == title
    assert first_title(title, "en") == title


@pytest.mark.parametrize("query", ["pensions", "applying", "offices", "documents"])
def test_english_inflections_find_what_the_base_form_finds(home_pages, query):
    home = home_pages["en"]
    content(home, "State pension", "Who can apply for the state pension.")
    content(home, "Our office", "The office where you apply with your document.")
    content(home, "Unrelated", "Nothing to see here.")
    base = {
        "pensions": "pension",
        "applying": "apply",
        "offices": "office",
        "documents": "document",
    }
    inflected = {r.page.pk for r in search_site(query, "en", log=False).results}
    base_found = {r.page.pk for r in search_site(base[query], "en", log=False).results}
    assert base_found and inflected == base_found


def test_editors_weight_page_types(home_pages):
    home = home_pages["ka"]
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home), title="ბავშვთა კვება", lead="ბავშვთა კვება."
    )
    publish(news)
    service = ServicePageFactory(
        parent=ServiceIndexPageFactory(parent=home), title="ბავშვთა კვება", summary="კვება."
    )
    publish(service)
    # Defaults: a service above a news item with the same title.
    assert [r.page.pk for r in search_site("ბავშვთა კვება", "ka", log=False).results][:2] == [
        service.pk,
        news.pk,
    ]
    PageTypeSearchWeight.objects.create(
        content_type=ContentType.objects.get_for_model(ServicePage), weight="0.5"
    )
    assert [r.page.pk for r in search_site("ბავშვთა კვება", "ka", log=False).results][:2] == [
        news.pk,
        service.pk,
    ]
