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
                        "_django_content_type": [
                            "media_archive.ArchiveImage",
                            "media_archive.ArchiveMedia",
                        ]
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
                {"terms": {"_django_content_type": ["media_archive.ArchiveImage"]}},
                {"range": {"date_taken_filter": {"gte": "2024-01-01", "lt": "2025-01-01"}}},
            ]
        }
    },
    "aggs": {
        "kinds": {"terms": {"field": "_django_content_type", "size": 10}},
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


# The site search on Elasticsearch: contract of the mapping and the body, and the client
# against a recorded response (no Elasticsearch server runs here).


def test_the_fields_the_site_search_reads_are_in_wagtails_page_mapping():
    from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping
    from wagtail.models import get_page_models

    from cms.models import BasePage
    from search.elasticsearch import PAGE_MAPPING

    wanted = PAGE_MAPPING.to_dict()["properties"]
    for model in get_page_models():
        if model._meta.abstract or not issubclass(model, BasePage):
            continue
        generated = Elasticsearch8Mapping(model).get_mapping()["properties"]
        for name, definition in wanted.items():
            assert name in generated, (model, name)
            assert generated[name]["type"] == definition["type"], (model, name)
        # Our analysed terms (stems, Latin keys) are copied into the searched field.
        analysed = [key for key in generated if key.endswith("search_analysed_terms")]
        assert analysed and generated[analysed[0]]["copy_to"] == "_all_text"


def test_the_site_search_body_carries_the_analysis_and_the_privacy_rules():
    from search.analysis import analyse_query
    from search.elasticsearch import page_search

    body = page_search(
        analyse_query("ᲞᲔᲜᲡᲘᲐ mSobeli", "ka"), 3, ["000100010005"], "services.ServicePage"
    ).to_dict()
    query = body["query"]["bool"]
    first, second = query["must"]
    assert first == {"match": {"_all_text": {"query": "პენსი", "operator": "and"}}}
    second_terms = [m["match"]["_all_text"]["query"] for m in second["bool"]["should"]]
    assert "mshobl" in second_terms  # the keyboard reading's Latin key
    assert query["filter"] == [
        {"term": {"_django_content_type": "wagtailcore.Page"}},
        {"term": {"live_filter": True}},
        {"term": {"locale_id_filter": 3}},
    ]
    assert query["must_not"] == [{"prefix": {"path_filter": "000100010005"}}]
    assert body["post_filter"] == {"term": {"_django_content_type": "services.ServicePage"}}
    assert body["aggs"]["types"]["terms"]["field"] == "_django_content_type"
    assert body["_source"] is False


def test_a_typo_forgiving_body_adds_the_keys_one_typo_away():
    from search.analysis import analyse_query
    from search.elasticsearch import page_search

    body = page_search(analyse_query("pensya", "ka"), 1, [], forgive_typos=True).to_dict()
    terms = [
        m["match"]["_all_text"]["query"] for m in body["query"]["bool"]["must"][0]["bool"]["should"]
    ]
    assert "pensi" in terms


class RecordedCluster:
    """An HTTP server answering as Elasticsearch 8 did to a search: the recorded bodies in
    turn for the page index, no hits for any other index, with the product header the
    client checks."""

    def __init__(self, responses):
        import http.server
        import json
        import threading

        self.requests = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the name http.server calls
                length = int(self.headers.get("Content-Length") or 0)
                recorder.requests.append((self.path, json.loads(self.rfile.read(length) or b"{}")))
                if "wagtailcore_page/_search" in self.path:
                    answer = responses.pop(0)
                else:
                    answer = recorded_search_response([], 0, [])
                body = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_DELETE = do_POST  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def recorded_search_response(ids, total, types):
    return {
        "took": 3,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "max_score": 1.0 if ids else None,
            "hits": [
                {"_index": "ssa_wagtailcore_page", "_id": str(pk), "_score": 1.0} for pk in ids
            ],
        },
        "aggregations": {
            "types": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": key, "doc_count": count} for key, count in types],
            }
        },
    }


@pytest.mark.django_db
def test_site_search_goes_through_the_cluster_and_checks_every_hit(home_pages):
    shown = ContentPageFactory(parent=home_pages["ka"], title="პენსია")
    shown.save_revision().publish()
    draft = ContentPageFactory(parent=home_pages["ka"], title="პენსია, სამუშაო ვერსია")
    draft.live = False
    draft.save()
    cluster = RecordedCluster(
        [
            recorded_search_response([], 2, [("wagtailcore.Page", 2), ("cms.ContentPage", 2)]),
            # The cluster's copy is out of date: it still holds the draft as live.
            recorded_search_response([draft.pk, shown.pk], 2, []),
        ]
    )
    settings = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [cluster.url],
            "INDEX": "ssa_",
            "AUTO_UPDATE": False,
            "OPTIONS": {"max_retries": 0},
        },
        "database": {"BACKEND": "search.db_backend"},
    }
    backends.reset_external_state()
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=settings):
            outcome = search_site("pensia", "ka", log=False)
    finally:
        cluster.close()
        backends.reset_external_state()
    assert [result.page.pk for result in outcome.results] == [shown.pk]
    assert outcome.total == 2
    page_requests = [body for path, body in cluster.requests if "wagtailcore_page/_search" in path]
    assert len(page_requests) == 2  # the count and facets, then the page of results
    sent = page_requests[0]["query"]["bool"]
    assert {"term": {"live_filter": True}} in sent["filter"]
    assert sent["must"][0]["bool"]["should"][1] == {
        "match": {"_all_text": {"query": "pensi", "operator": "and"}}
    }
