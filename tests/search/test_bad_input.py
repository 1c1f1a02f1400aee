"""Whatever is typed into the search box, the answer is a normal page, never a 500."""

import pytest

from cms.factories import ContentPageFactory
from search.models import SearchQueryLog

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "   ",
    "x" * 100_000,
    "პენსია " * 20_000,
    "!!! ??? ... ---",
    '" * OR NEAR( ^ :',
    "NEAR(პენსია daxmareba, 2)",
    "pensia* AND -daxmareba",
    "პენსიაpensia სოციალურიsocial 123",
    "'; DROP TABLE search_searchquerylog; --",
    "\x01\u200b\ufeff",
    "ᲞᲔᲜᲡᲘᲐ ΑΒΓ Кириллица 中文",
]


@pytest.fixture
def page(home_pages):
    page = ContentPageFactory(parent=home_pages["ka"], title="პენსიის შესახებ", intro="პენსია")
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("query", BAD_QUERIES)
@pytest.mark.parametrize("language", ["ka", "en"])
def test_any_query_gives_a_normal_page(client, page, query, language):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()


def test_a_very_long_query_is_cut_and_says_so(client, page):
    response = client.get("/ka/search/", {"q": "პენსია " + "x" * 100_000})
    assert response.status_code == 200
    assert len(response.context["search"].query) <= 200
    assert response.context["search"].notices
    assert SearchQueryLog.objects.get().query.startswith("პენსია")


def test_punctuation_only_gives_a_gentle_message(client, page):
    response = client.get("/ka/search/", {"q": "?!"})
    assert response.context["search"].notices
    assert response.context["search"].total == 0


@pytest.mark.parametrize(
    "params",
    [
        {"q": "პენსია", "type": "no.such"},
        {"q": "პენსია", "type": "auth.user"},
        {"q": "პენსია", "type": "nonsense"},
        {"q": "პენსია", "type": "x" * 5000},
        {"q": "პენსია", "page": "-1"},
        {"q": "პენსია", "page": "abc"},
        {"q": "პენსია", "page": "99999999999999999999"},
    ],
)
def test_unknown_facets_and_page_numbers_give_the_results(client, page, params):
    response = client.get("/ka/search/", params)
    assert response.status_code == 200
    assert response.context["search"].total == 1


def test_a_repeated_parameter_is_read_once(client, page):
    response = client.get("/ka/search/?q=პენსია&q=zzz&type=a&type=b")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "params", [{"q": "\x00\x01\u200b\ufeff"}, {"q": "პენსია", "type": "cms.contentpage\x00"}]
)
def test_a_nul_character_is_refused_with_a_clear_message(client, page, params):
    # No real address holds NUL: the request guard (cms/request_guard.py) refuses it with
    # 400 before the search reads it, in the language of the URL prefix.
    response = client.get("/ka/search/", params)
    assert response.status_code == 400
    assert "დაუშვებელ" in response.content.decode()
    assert not SearchQueryLog.objects.exists()
