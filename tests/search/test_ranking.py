"""The database backends' one-pass ranking (search.db_backend): the best-scored index
entries are taken first and checked against the searched pages afterwards; the results
must be those of ranking only the pages that pass, whatever number of private pages
outrank them, on SQLite and on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.search.query import MATCH_ALL

from cms.factories import ContentPageFactory
from search import db_backend
from search.service import public_pages, search_site

pytestmark = pytest.mark.django_db

CANARY = "ნიმუშისიტყვა"


def publish(parent, title, intro=""):
    page = ContentPageFactory(parent=parent, title=title, intro=intro)
    page.save_revision().publish()
    return page


@pytest.fixture
def outranked(home_pages):
    """Public pages with the word in their text only, and more private pages (a staff
    section, drafts) with it in their titles, which rank higher."""
    staff = publish(home_pages["ka"], "თანამშრომლებისთვის")
    PageViewRestriction.objects.create(page=staff, restriction_type="login")
    private = [publish(staff, f"{CANARY} შიდა {n}", f"{CANARY} {CANARY}") for n in range(18)]
    for number in range(6):
        draft = ContentPageFactory(parent=home_pages["ka"], title=f"{CANARY} სამუშაო {number}")
        draft.live = False
        draft.save()
    public = [
        publish(home_pages["ka"], f"საჯარო გვერდი {n}", f"ტექსტი, სადაც ერთხელ არის {CANARY}.")
        for n in range(13)
    ]
    return {"public": public, "private": private}


def result_ids(query, **kwargs):
    first = search_site(query, "ka", log=False, **kwargs)
    second = search_site(query, "ka", page_number="2", log=False, **kwargs)
    return first.total, [r.page.pk for r in first.results + second.results]


def test_private_pages_that_outrank_the_public_ones_are_skipped(outranked):
    total, ids = result_ids(CANARY)
    assert total == 13
    assert sorted(ids) == sorted(page.pk for page in outranked["public"])


def test_checking_after_ranking_gives_the_order_of_ranking_the_checked_pages(
    outranked, monkeypatch
):
    unchecked_first = result_ids(CANARY)
    # No unchecked candidates at all: the query that checks every match before ranking.
    monkeypatch.setattr(db_backend, "MAX_UNCHECKED_CANDIDATES", 0)
    assert result_ids(CANARY) == unchecked_first
    monkeypatch.setattr(db_backend, "MAX_UNCHECKED_CANDIDATES", 20)
    assert result_ids(CANARY) == unchecked_first


def test_results_are_ranked_by_relevance_after_the_check(home_pages):
    weak = publish(
        home_pages["ka"], "სხვა გვერდი", f"{CANARY} აქ ერთხელ, ბევრ სხვა სიტყვასთან ერთად"
    )
    strong = publish(home_pages["ka"], f"{CANARY} სათაურში", CANARY)
    outcome = search_site(CANARY, "ka", log=False)
    assert [r.page.pk for r in outcome.results] == [strong.pk, weak.pk]


def test_the_backend_queries_the_index_entries_not_the_pages(outranked):
    """Wagtail's own queries join every page to its entry on a cast of the page's id (a
    scan of the page table on PostgreSQL, a full-text search per row on SQLite)."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    pages = public_pages(outranked["public"][0].locale)
    with CaptureQueriesContext(connection) as captured:
        results = backend.search(CANARY, pages.specific())
        found = list(results[:10])
        count = results.count()
        facets = backend.search(CANARY, pages).facet("content_type_id")
    assert len(found) == 10 and count == 13 and sum(facets.values()) == 13
    index_sql = [
        q["sql"] for q in captured.captured_queries if "wagtailsearch_indexentry" in q["sql"]
    ]
    assert index_sql
    for sql in index_sql:
        assert ' FROM "wagtailsearch_indexentry' in sql, sql
        assert 'LEFT OUTER JOIN "wagtailsearch_indexentry"' not in sql, sql


def test_a_search_without_archive_items_never_builds_the_archive_rules(home_pages):
    publish(home_pages["ka"], f"{CANARY} გვერდი")
    search_site(CANARY, "ka", log=False)  # content types and other per-process caches
    with CaptureQueriesContext(connection) as captured:
        outcome = search_site(CANARY, "ka", log=False)
    assert outcome.total == 1
    archive_sql = [q["sql"] for q in captured.captured_queries if "media_archive" in q["sql"]]
    assert archive_sql == []


def test_match_all_and_explicit_orders_are_wagtails_own_queries(outranked):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    pages = public_pages(outranked["public"][0].locale)
    everything = backend.search(MATCH_ALL, pages)
    assert everything.count() == pages.count()
    by_title = backend.search(CANARY, pages.order_by("title"), order_by_relevance=False)
    assert [p.title for p in by_title] == sorted(p.title for p in outranked["public"])
    assert Page.objects.filter(pk__in=[p.pk for p in by_title]).count() == 13
