"""What one search costs: a fixed number of database queries whatever the number of
matches, no write while the visitor waits, and counts that agree with the results."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from cms.factories import ContentPageFactory
from media_archive.factories import ArchiveImageFactory
from search import querylog
from search.analysis import analyse_query
from search.models import SearchQueryLog
from search.service import backend_query, public_pages, search_site

pytestmark = pytest.mark.django_db

CANARY = "კანარისტრინგი"


def publish(parent, title, intro=""):
    page = ContentPageFactory(parent=parent, title=title, intro=intro)
    page.save_revision().publish()
    return page


def queries_of(*args, **kwargs):
    """The search's outcome and the queries it ran, but for the two that set PostgreSQL's
    planner settings and put them back (tests/search/test_database_tuning.py)."""
    with CaptureQueriesContext(connection) as captured:
        outcome = search_site(*args, **kwargs)
    sql = [query["sql"] for query in captured.captured_queries]
    return outcome, [statement for statement in sql if "set_config(" not in statement]


def test_queries_of_a_search_do_not_grow_with_the_matches(home_pages):
    for number in range(3):
        publish(home_pages["ka"], f"პენსიის გვერდი {number}", "პენსიები და შემწეობები")
    ArchiveImageFactory(caption_ka="პენსიების გაცემა")
    search_site("პენსია", "ka")  # content types and other per-process caches
    few, few_queries = queries_of("პენსია", "ka")
    for number in range(3, 40):
        publish(home_pages["ka"], f"პენსიის გვერდი {number}", "პენსიები და შემწეობები")
    for _number in range(5):
        ArchiveImageFactory(caption_ka="პენსიების გაცემა")
    many, many_queries = queries_of("პენსია", "ka")
    assert (few.total, many.total) == (4, 46)
    assert len(many.results) == 10
    assert len(many_queries) <= len(few_queries)


def test_a_search_writes_nothing_while_the_visitor_waits(home_pages):
    publish(home_pages["ka"], "პენსიის გვერდი")
    _outcome, sql = queries_of("პენსია", "ka")
    assert not [statement for statement in sql if statement.lstrip().upper().startswith("INSERT")]
    assert SearchQueryLog.objects.count() == 0
    assert querylog.flush() == 1
    assert SearchQueryLog.objects.get().result_count == 1


def test_queued_queries_are_written_in_one_insert(home_pages):
    publish(home_pages["ka"], "პენსიის გვერდი")
    for query in ("პენსია", "არარსებული", "pensia"):
        search_site(query, "ka")
    with CaptureQueriesContext(connection) as captured:
        querylog.flush()
    inserts = [q for q in captured.captured_queries if "INSERT" in q["sql"].upper()]
    assert len(inserts) == 1
    assert list(SearchQueryLog.objects.order_by("pk").values_list("query", "result_count")) == [
        ("პენსია", 1),
        ("არარსებული", 0),
        ("pensia", 1),
    ]


def test_every_search_request_is_in_the_log_when_its_response_is_done(home_pages, client):
    publish(home_pages["ka"], "პენსიის გვერდი")
    for query in ("პენსია", "არარსებული", "?!"):
        client.get("/ka/search/", {"q": query})
        assert querylog.pending() == 0
    assert list(SearchQueryLog.objects.order_by("pk").values_list("query", "result_count")) == [
        ("პენსია", 1),
        ("არარსებული", 0),
        ("?!", 0),
    ]


def test_counts_by_type_agree_with_the_results_and_leave_out_what_is_private(home_pages):
    visible = [publish(home_pages["ka"], f"{CANARY} საჯარო {n}") for n in range(12)]
    draft = ContentPageFactory(parent=home_pages["ka"], title=f"{CANARY} სამუშაო ვერსია")
    draft.live = False
    draft.save_revision()
    draft.save()
    scheduled = ContentPageFactory(parent=home_pages["ka"], title=f"{CANARY} ემბარგო")
    scheduled.live = False
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save()
    scheduled.save_revision().publish()
    staff_only = publish(home_pages["ka"], f"{CANARY} მხოლოდ თანამშრომლებისთვის")
    PageViewRestriction.objects.create(page=staff_only, restriction_type="login")
    below_staff_only = publish(staff_only, f"{CANARY} შიდა ქვეგვერდი")
    public_image = ArchiveImageFactory(caption_ka=f"{CANARY} საჯარო ფოტო")
    ArchiveImageFactory(caption_ka=f"{CANARY} შიდა ფოტო", sensitivity="internal")

    first = search_site(CANARY, "ka", log=False)
    second = search_site(CANARY, "ka", page_number="2", log=False)
    results = first.results + second.results
    assert first.total == 13
    assert {(t.key, t.count) for t in first.types} == {
        ("cms.contentpage", 12),
        ("media_archive.archiveimage", 1),
    }
    assert {r.page.pk for r in results if r.page} == {page.pk for page in visible}
    assert [r.item for r in results if r.item] == [public_image]
    # The private pages are indexed like the others: only the privacy filters keep them out.
    assert below_staff_only.live and not scheduled.live

    pages_only = search_site(CANARY, "ka", type_filter="cms.contentpage", log=False)
    assert pages_only.total == 12
    images_only = search_site(CANARY, "ka", type_filter="media_archive.archiveimage", log=False)
    assert [r.item for r in images_only.results] == [public_image]


def test_snippets_are_made_for_the_shown_results_only(home_pages, monkeypatch):
    from search import service

    for number in range(25):
        publish(home_pages["ka"], f"პენსიის გვერდი {number}", "პენსიები და შემწეობები")
    highlighted = []
    real_highlight = service.highlight
    monkeypatch.setattr(
        service,
        "highlight",
        lambda text, keys: highlighted.append(text) or real_highlight(text, keys),
    )
    outcome = search_site("პენსია", "ka", log=False)
    assert outcome.total == 25
    assert len(highlighted) == 10


def test_a_search_runs_a_fixed_handful_of_queries(home_pages):
    """The language, the synonyms, the private sections (one token query for the layout
    cache), the counts by type, which archive models have indexed items, the best index
    entries, the pages shown (base and specific rows) and the editors' picks: nine (eight on
    PostgreSQL, where the counts and the best entries are one query)."""
    for number in range(12):
        publish(home_pages["ka"], f"პენსიის გვერდი {number}")
    search_site("პენსია", "ka", log=False)  # content types and other per-process caches
    outcome, sql = queries_of("პენსია", "ka", log=False)
    assert outcome.total == 12
    assert len(sql) <= 9
    ArchiveImageFactory(caption_ka="პენსიების გაცემა")
    # A change to the archive renews the layout version (the gallery's cache holds across
    # processes by it), so the first search after it reads the private sections again.
    search_site("პენსია", "ka", log=False)
    outcome, sql = queries_of("პენსია", "ka", log=False)
    assert outcome.total == 13
    assert len(sql) <= 10  # and a count of the matching public images


def test_a_search_that_falls_back_to_titles_asks_once_which_archive_models_are_indexed(
    home_pages,
):
    """A half-typed word finds no whole word, so the titles beginning with it are searched
    next: which archive models have indexed items is asked once for both."""
    publish(home_pages["ka"], "დოკუმენტების მიღება")
    ArchiveImageFactory(caption_ka="პენსიების გაცემა")
    search_site("დოკუმ", "ka", log=False)  # content types and other per-process caches
    outcome, sql = queries_of("დოკუმ", "ka", log=False)
    assert outcome.partial and outcome.total == 1
    assert len([statement for statement in sql if "django_content_type" in statement]) == 1


def matching_queries(sql):
    return [statement for statement in sql if "@@" in statement]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the window query is PostgreSQL's")
def test_the_counts_and_the_first_page_are_one_query_of_the_index_on_postgresql(home_pages):
    """The entries matching the query are read once: the query that counts them by type
    also ranks them and returns the first page's ids, whole words or title beginnings."""
    for number in range(12):
        publish(home_pages["ka"], f"პენსიის გვერდი {number}")
    search_site("პენსია", "ka", log=False)  # content types and other per-process caches
    outcome, sql = queries_of("პენსია", "ka", log=False)
    assert (outcome.total, len(outcome.results)) == (12, 10)
    assert len(matching_queries(sql)) == 1
    second, sql = queries_of("პენსია", "ka", page_number="2", log=False)
    # In the order of the ranking query the results take when nothing was counted first.
    uncounted = get_search_backend().search(
        backend_query(analyse_query("პენსია", "ka")), public_pages(home_pages["ka"].locale)
    )
    assert [r.page.pk for r in outcome.results + second.results] == [
        page.pk for page in uncounted[:12]
    ]
    # Four letters: too short to forgive a typo in, so titles beginning with it answer.
    partial, sql = queries_of("პენს", "ka", log=False)
    assert partial.partial and partial.total == 12
    # The whole word first (nothing), then the titles beginning with it.
    assert len(matching_queries(sql)) == 2
