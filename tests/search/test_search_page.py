"""The search page: Georgian-aware matching, facets, snippets, paging, the log."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from cms.factories import ContentPageFactory
from search.factories import SearchSynonymFactory
from search.models import SearchQueryLog
from search.service import search_site
from tests.utils import translate

pytestmark = pytest.mark.django_db


def publish(parent, title, intro="", **kwargs):
    page = ContentPageFactory(parent=parent, title=title, intro=intro, **kwargs)
    page.save_revision().publish()
    return page


@pytest.fixture
def assistance_page(home_pages):
    return publish(
        home_pages["ka"],
        "სოციალური პროგრამები",
        "მიზნობრივი სოციალური დახმარების მიღების წესი და საჭირო დოკუმენტები.",
    )


def titles(outcome):
    return [result.page.title for result in outcome.results]


@pytest.mark.parametrize(
    "query", ["დახმარება", "ᲓᲐᲮᲛᲐᲠᲔᲑᲐ", "daxmareba", "dakhmareba", "დახმარებისთვის"]
)
def test_inflected_mtavruli_and_latin_queries_find_the_page(assistance_page, query):
    outcome = search_site(query, "ka", log=False)
    assert titles(outcome) == ["სოციალური პროგრამები"]


def test_latin_query_says_how_it_was_read(assistance_page):
    outcome = search_site("sotsialuri daxmareba", "ka", log=False)
    assert outcome.total == 1
    assert outcome.reading == "სოციალური დახმარება"


def test_georgian_query_is_not_reread(assistance_page):
    assert search_site("დახმარება", "ka", log=False).reading == ""


def test_snippet_marks_the_matching_inflected_word(assistance_page):
    outcome = search_site("დახმარება", "ka", log=False)
    assert "<mark>დახმარების</mark>" in outcome.results[0].snippet


def test_english_site_searches_english_pages_only(assistance_page, home_pages):
    translate(assistance_page, home_pages["en"].locale, title="Social programmes")
    assert search_site("daxmareba", "en", log=False).total == 0
    assert search_site("programmes", "en", log=False).total == 1
    # On the Georgian site a Latin word is read as Georgian (one typo forgiven): it may
    # find Georgian pages, never the English one.
    found = search_site("programmes", "ka", log=False).results
    assert all(result.page.locale_id == home_pages["ka"].locale_id for result in found)


def test_synonyms_from_the_admin_widen_the_search(home_pages):
    publish(home_pages["ka"], "სააგენტოს შესახებ", "სააგენტოს მისია და ისტორია")
    assert search_site("SSA", "ka", log=False).total == 0
    SearchSynonymFactory(terms="SSA, სააგენტო")
    assert search_site("SSA", "ka", log=False).total == 1


def test_result_types_are_facets(assistance_page, home_pages):
    outcome = search_site("დახმარება", "ka", log=False)
    assert [(t.key, t.count) for t in outcome.types] == [("cms.contentpage", 1)]
    filtered = search_site("დახმარება", "ka", type_filter="cms.homepage", log=False)
    assert filtered.total == 0


def test_every_search_is_logged_without_personal_data(assistance_page, client):
    client.get("/ka/search/", {"q": "  ᲓᲐᲮᲛᲐᲠᲔᲑᲐ "})
    client.get("/ka/search/", {"q": "არარსებული"})
    logs = list(SearchQueryLog.objects.order_by("pk").values("query", "locale", "result_count"))
    assert logs == [
        {"query": "დახმარება", "locale": "ka", "result_count": 1},
        {"query": "არარსებული", "locale": "ka", "result_count": 0},
    ]


def test_paging_does_not_log_again(assistance_page, client):
    client.get("/ka/search/", {"q": "დახმარება", "page": "2"})
    assert SearchQueryLog.objects.count() == 0


def test_pagination(home_pages):
    for number in range(12):
        publish(home_pages["ka"], f"პენსიის გვერდი {number}")
    first = search_site("პენსია", "ka", log=False)
    second = search_site("პენსია", "ka", page_number="2", log=False)
    assert (first.total, len(first.results), len(second.results)) == (12, 10, 2)
    assert not {r.page.pk for r in first.results} & {r.page.pk for r in second.results}


CANARY = "კანარისტრინგი"


def test_drafts_and_restricted_pages_never_appear(home_pages):
    draft = ContentPageFactory(parent=home_pages["ka"], title=f"{CANARY} სამუშაო ვერსია")
    draft.live = False
    draft.save_revision()
    draft.save()
    staff_only = publish(home_pages["ka"], f"{CANARY} მხოლოდ თანამშრომლებისთვის")
    PageViewRestriction.objects.create(page=staff_only, restriction_type="login")
    unpublished = publish(home_pages["ka"], f"{CANARY} მოხსნილი გვერდი")
    unpublished.unpublish()
    assert search_site(CANARY, "ka", log=False).total == 0
    with translation.override("ka"):
        url = reverse("search")
    response = Client().get(url, {"q": CANARY})
    results_part = response.content.decode().rsplit("</form>", 1)[1]
    assert CANARY not in results_part


def test_a_half_typed_word_finds_titles_that_begin_with_it(assistance_page):
    outcome = search_site("სოციალ", "ka", log=False)
    assert outcome.partial
    assert titles(outcome) == ["სოციალური პროგრამები"]


def test_a_title_match_ranks_first_on_every_backend(home_pages):
    publish(home_pages["ka"], "ოფისების სია", "პენსიის შესახებ იხილეთ სხვა გვერდი.")
    publish(home_pages["ka"], "ახალი ამბები", "სიახლეები და განცხადებები")
    publish(home_pages["ka"], "სახელმწიფო პენსია", "ვინ იღებს და როგორ ინიშნება.")
    publish(home_pages["ka"], "დახმარების სახეები", "პენსიები და შემწეობები.")
    outcome = search_site("pensiebi", "ka", log=False)
    assert titles(outcome)[0] == "სახელმწიფო პენსია"
    assert set(titles(outcome)) == {"სახელმწიფო პენსია", "ოფისების სია", "დახმარების სახეები"}


def test_the_page_shows_reading_facets_and_marked_snippets(assistance_page, client):
    html = client.get("/ka/search/", {"q": "sotsialuri daxmareba"}).content.decode()
    assert '<strong lang="ka">სოციალური დახმარება</strong>' in html
    assert "<mark>დახმარების</mark>" in html
    assert "type=cms.contentpage" in html
    assert 'href="/ka/' in html
