"""The faceted archive search as an Elasticsearch query body (elasticsearch-dsl).

It targets the documents Wagtail's Elasticsearch backend writes for the archive models
(`_all_text`, `content_type`, `<field>_filter`), and it carries the same analysed terms as
the database search: the engine needs no Georgian analyser of its own.  Privacy is part
of the body (only public items); the database re-checks every hit with
media_archive.privacy.publishable_q before anything is shown.
"""

from elasticsearch_dsl import Q, Search

from search.analysis import analyse_query

ARCHIVE_CONTENT_TYPES = {
    "image": "media_archive.ArchiveImage",
    "media": "media_archive.ArchiveMedia",
}
MAX_PAGE_SIZE = 50


def _word_query(terms: list[str]) -> Q:
    matches = [Q("match", _all_text={"query": term, "operator": "and"}) for term in terms]
    return matches[0] if len(matches) == 1 else Q("bool", should=matches, minimum_should_match=1)


def archive_search(
    query: str,
    language: str,
    kinds: list[str] | None = None,
    year: int | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Search:
    """A Search over public archive items for the analysed query, narrowed by kind
    (image/media) and year, with facet aggregations by kind and by year."""
    analysed = analyse_query(query, language)
    must = [_word_query(word.terms) for word in analysed.words] or [Q("match_all")]
    content_types = [
        ARCHIVE_CONTENT_TYPES[kind] for kind in kinds or () if kind in ARCHIVE_CONTENT_TYPES
    ]

    search = Search().query(
        Q(
            "bool",
            must=must,
            filter=[
                Q("terms", content_type=list(ARCHIVE_CONTENT_TYPES.values())),
                Q("term", sensitivity_filter="public"),
                Q("terms", consent_status_filter=["not_needed", "on_file"]),
            ],
            must_not=[Q("term", rights_kind_filter="")],
        )
    )
    # Facet counts are taken before the user's own narrowing (post_filter), so that every
    # kind and year stays visible with its count while one is selected.
    narrowing = []
    if content_types:
        narrowing.append(Q("terms", content_type=content_types))
    if year is not None:
        narrowing.append(
            Q("range", date_taken_filter={"gte": f"{year}-01-01", "lt": f"{year + 1}-01-01"})
        )
    if narrowing:
        search = search.post_filter(Q("bool", filter=narrowing))
    search.aggs.bucket("kinds", "terms", field="content_type", size=10)
    search.aggs.bucket(
        "years",
        "date_histogram",
        field="date_taken_filter",
        calendar_interval="year",
        format="yyyy",
        min_doc_count=1,
    )
    per_page = max(1, min(per_page, MAX_PAGE_SIZE))
    start = (max(page, 1) - 1) * per_page
    return search.extra(from_=start, size=per_page)


def archive_search_body(*args, **kwargs) -> dict:
    return archive_search(*args, **kwargs).to_dict()
