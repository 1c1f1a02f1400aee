"""Autocomplete: the JSON suggestions endpoint and the combobox in a real browser."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from cms.factories import ContentPageFactory
from tests.browser import axe_violations, requires_chromium
from tests.utils import make_site_tree

CANARY = "კანარისტრინგი"


def publish(parent, title, **kwargs):
    page = ContentPageFactory(parent=parent, title=title, **kwargs)
    page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def suggestions(client, query, language="ka"):
    response = client.get(f"/{language}/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=30"
    return [item["title"] for item in response.json()["suggestions"]]


@pytest.mark.django_db
def test_inflected_mtavruli_latin_and_half_typed_words_suggest_titles(client, home_pages):
    page = publish(home_pages["ka"], "სახელმწიფო პენსია")
    publish(home_pages["ka"], "ოფისების სია")
    for query in ("პენსიის", "ᲞᲔᲜᲡᲘᲐ", "pensia", "სახელმწ"):
        assert suggestions(client, query) == ["სახელმწიფო პენსია"], query
    response = client.get("/ka/search/suggest/", {"q": "პენსია"})
    assert response.json()["suggestions"][0]["url"] == page.url


@pytest.mark.django_db
def test_only_public_live_pages_of_the_current_language(client, home_pages):
    draft = ContentPageFactory(parent=home_pages["ka"], title=f"{CANARY} სამუშაო")
    draft.live = False
    draft.save()
    staff = publish(home_pages["ka"], f"{CANARY} თანამშრომლებს")
    PageViewRestriction.objects.create(page=staff, restriction_type="login")
    embargoed = publish(home_pages["ka"], f"{CANARY} ემბარგო")
    embargoed.unpublish()
    publish(home_pages["en"], f"{CANARY} english")
    assert suggestions(client, CANARY) == []
    assert suggestions(client, CANARY[:5]) == []
    assert suggestions(client, CANARY, "en") == [f"{CANARY} english"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", "a", "x" * 100_000, '" * OR NEAR( ^ :', "!!!", "\ufeff", "ᲞᲔ ΑΒΓ 中文 pensia*"],
)
def test_bad_input_gives_an_empty_or_normal_answer(client, home_pages, query):
    publish(home_pages["ka"], "სახელმწიფო პენსია")
    assert isinstance(suggestions(client, query), list)


@pytest.mark.django_db
def test_a_nul_character_is_refused_before_the_suggestions(client, home_pages):
    """cms.request_guard answers 400 to a NUL in any parameter, before any view runs."""
    assert client.get("/ka/search/suggest/", {"q": "\x00\ufeff"}).status_code == 400


@pytest.mark.django_db
def test_repeated_parameters_and_posts(client, home_pages):
    assert client.get("/ka/search/suggest/?q=a&q=ბ").status_code == 200
    assert client.post("/ka/search/suggest/", {"q": "პენსია"}).status_code == 405


@pytest.mark.django_db
def test_answers_are_cached_briefly(client, home_pages, django_assert_max_num_queries):
    publish(home_pages["ka"], "სახელმწიფო პენსია")
    suggestions(client, "პენსია")
    with django_assert_max_num_queries(0):
        assert suggestions(client, "პენსია") == ["სახელმწიფო პენსია"]


@requires_chromium
@pytest.mark.browser
def test_typing_shows_suggestions_keyboard_selects_and_axe_passes(
    transactional_db, live_server, browser_page
):
    homes = make_site_tree()
    target = publish(homes["ka"], "სახელმწიფო პენსია")
    publish(homes["ka"], "პენსიის დანიშვნა")
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(live_server.url + "/ka/search/")
    box = browser_page.locator("#search-page-query")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("pensia", delay=30)
    options = browser_page.locator("#search-page-query-suggestions [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert sorted(options.all_inner_texts()) == ["პენსიის დანიშვნა", "სახელმწიფო პენსია"]
    assert axe_violations(browser_page) == []
    box.press("ArrowDown")
    first = options.first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")  # closed: nothing is chosen
    assert box.get_attribute("aria-activedescendant") is None
    box.fill("")
    box.press_sequentially("სახელმწ", delay=30)
    options.first.wait_for()
    box.press("ArrowDown")
    with browser_page.expect_navigation():
        box.press("Enter")
    assert browser_page.url == live_server.url + target.url
    assert [url for url in requested if not url.startswith(live_server.url)] == []
