"""Elasticsearch: the archive query body, and search that survives an unreachable cluster."""

import logging

import pytest
from django.test import override_settings

from cms.factories import ContentPageFactory
from search import backends
from search.elasticsearch import archive_search_body
from search.service import search_site

EXPECTED_ARCHIVE_BODY = {
    "query": {
        "bool": {
            "must": [
                {
                    "bool": {
                        "should": [
                            {"match": {"_all_text": {"query": "pensia", "operator": "and"}}},
                            {"match": {"_all_text": {"query": "pensi", "operator": "and"}}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
                {"match": {"_all_text": {"query": "დახმარ", "operator": "and"}}},
            ],
            "filter": [
                {
                    "terms": {
                        "content_type": ["media_archive.ArchiveImage", "media_archive.ArchiveMedia"]
                    }
                },
                {"term": {"sensitivity_filter": "public"}},
                {"terms": {"consent_status_filter": ["not_needed", "on_file"]}},
            ],
            "must_not": [{"term": {"rights_kind_filter": ""}}],
        }
    },
    "post_filter": {
        "bool": {
            "filter": [
                {"terms": {"content_type": ["media_archive.ArchiveImage"]}},
                {"range": {"date_taken_filter": {"gte": "2024-01-01", "lt": "2025-01-01"}}},
            ]
        }
    },
    "aggs": {
        "kinds": {"terms": {"field": "content_type", "size": 10}},
        "years": {
            "date_histogram": {
                "field": "date_taken_filter",
                "calendar_interval": "year",
                "format": "yyyy",
                "min_doc_count": 1,
            }
        },
    },
    "from": 10,
    "size": 10,
}


def test_archive_query_body_matches_the_expected_json():
    body = archive_search_body(
        "pensia ᲓᲐᲮᲛᲐᲠᲔᲑᲐ", "ka", kinds=["image", "bogus"], year=2024, page=2, per_page=10
    )
    assert body == EXPECTED_ARCHIVE_BODY


def test_archive_query_without_words_or_narrowing_matches_all_public_items():
    body = archive_search_body("", "ka")
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert "post_filter" not in body
    assert (body["from"], body["size"]) == (0, 20)


def test_page_size_is_bounded():
    assert archive_search_body("x", "ka", per_page=10_000, page=-5)["size"] == 50


UNREACHABLE_CLUSTER = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX": "ssa_test_unreachable",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0},
    },
    "database": {"BACKEND": "wagtail.search.backends.database"},
}


@pytest.fixture
def unreachable_cluster():
    backends.reset_external_state()
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE_CLUSTER):
        yield
    backends.reset_external_state()


@pytest.mark.django_db
def test_publishing_works_and_search_answers_from_the_database(
    home_pages, unreachable_cluster, caplog
):
    page = ContentPageFactory(parent=home_pages["ka"], title="პენსიის დანიშვნა")
    page.save_revision().publish()  # the failed indexing in the cluster must not stop this

    with caplog.at_level(logging.WARNING, logger="search.backends"):
        outcome = search_site("pensia", "ka", log=False)

    assert [result.page.pk for result in outcome.results] == [page.pk]
    assert "answering from the database backend" in caplog.text
    # While the cluster is down it is not asked again for every search.
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="search.backends"):
        assert search_site("pensia", "ka", log=False).total == 1
    assert caplog.text == ""
