"""Site and archive search on Elasticsearch: the mapping our queries rely on and the query
bodies, built with elasticsearch-dsl, and running them on the cluster Wagtail's backend
writes to.

The documents are Wagtail's (modelsearch's Elasticsearch 8 backend): `_all_text` holds
every search field's text, our analysed-terms field among them (search.analysis: Georgian
stems, their Latin keys, English stems, Mtavruli folded), so the engine needs no Georgian
analyser of its own and finds what the database search finds; `_django_content_type` the
model and its ancestors ("cms.ContentPage", "wagtailcore.Page"); `<field>_filter` the
filter fields. PAGE_MAPPING says which fields we rely on, and a test holds it against the
mapping Wagtail generates.

Privacy is in the body (live pages of one language, nothing under a restricted section;
public archive items only), and the database checks every hit again before it is shown.
No Elasticsearch server runs where this is developed: the bodies are covered by contract
tests and the client by a recorded response (tests/search/test_elasticsearch.py).
"""

from elasticsearch_dsl import Mapping, Q, Search

from search.analysis import AnalysedQuery, analyse_query, typo_terms

PAGE_CONTENT_TYPE = "wagtailcore.Page"
# The fields of Wagtail's page documents that the site search reads.
PAGE_MAPPING = Mapping()
PAGE_MAPPING.field("_all_text", "text")
PAGE_MAPPING.field("_django_content_type", "keyword")
PAGE_MAPPING.field("title", "text")
PAGE_MAPPING.field("live_filter", "boolean")
PAGE_MAPPING.field("locale_id_filter", "integer")
PAGE_MAPPING.field("path_filter", "keyword")
# A title match counts this much more than a match anywhere in the text.
TITLE_BOOST = 3.0
TYPE_BUCKETS = 50


def _terms_query(terms: list[str]) -> Q:
    matches = [Q("match", _all_text={"query": term, "operator": "and"}) for term in terms]
    return matches[0] if len(matches) == 1 else Q("bool", should=matches, minimum_should_match=1)


def page_search(
    analysed: AnalysedQuery,
    locale_id: int,
    private_paths: list[str],
    model_key: str = "",
    operator: str = "and",
    forgive_typos: bool = False,
) -> Search:
    """Live pages of one language, none under a private section, matching the analysed
    query (every word, or any with operator "or"; with forgive_typos, each word by the
    keys one typo away too); narrowed to one page type ("app.Model") if given, with the
    counts by type before that narrowing."""
    words = []
    for word in analysed.words:
        terms = list(word.terms)
        terms += [term for phrase in word.synonyms for term in phrase.match_keys]
        if forgive_typos:
            terms += typo_terms(word)
        words.append(_terms_query(list(dict.fromkeys(terms))))
    title = " ".join(word.typed for word in analysed.words)
    query = Q(
        "bool",
        must=words if operator == "and" else [],
        should=([] if operator == "and" else words)
        + [Q("match", title={"query": title, "boost": TITLE_BOOST})],
        minimum_should_match=0 if operator == "and" else 1,
        filter=[
            Q("term", _django_content_type=PAGE_CONTENT_TYPE),
            Q("term", live_filter=True),
            Q("term", locale_id_filter=locale_id),
        ],
        must_not=[Q("prefix", path_filter=path) for path in private_paths],
    )
    search = Search().query(query)
    search.aggs.bucket("types", "terms", field="_django_content_type", size=TYPE_BUCKETS)
    if model_key:
        search = search.post_filter(Q("term", _django_content_type=model_key))
    return search.source(False)


ARCHIVE_CONTENT_TYPES = {
    "image": "media_archive.ArchiveImage",
    "media": "media_archive.ArchiveMedia",
}
MAX_PAGE_SIZE = 50


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
    must = [_terms_query(word.terms) for word in analysed.words] or [Q("match_all")]
    content_types = [
        ARCHIVE_CONTENT_TYPES[kind] for kind in kinds or () if kind in ARCHIVE_CONTENT_TYPES
    ]

    search = Search().query(
        Q(
            "bool",
            must=must,
            filter=[
                Q("terms", _django_content_type=list(ARCHIVE_CONTENT_TYPES.values())),
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
        narrowing.append(Q("terms", _django_content_type=content_types))
    if year is not None:
        narrowing.append(
            Q("range", date_taken_filter={"gte": f"{year}-01-01", "lt": f"{year + 1}-01-01"})
        )
    if narrowing:
        search = search.post_filter(Q("bool", filter=narrowing))
    search.aggs.bucket("kinds", "terms", field="_django_content_type", size=10)
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


class ElasticsearchPageResults:
    """The results of page_search on a cluster, read as the paginator reads database
    results: count() and slices, each slice one request; the pages loaded from the
    database through `pages` (the public pages of the language: every hit checked again)."""

    def __init__(self, backend, search: Search, pages):
        from wagtail.models import Page

        self.index = backend.get_index_for_model(Page).name
        self.search = search.using(backend.es).index(self.index)
        self.pages = pages
        self._response = None
        self._slices = {}

    def _first(self):
        if self._response is None:
            self._response = self.search.extra(from_=0, size=0, track_total_hits=True).execute()
        return self._response

    def count(self) -> int:
        return self._first().hits.total.value

    def __len__(self):
        return self.count()

    def facets(self) -> dict[str, int]:
        """Counts by page type ("app.Model"), without Wagtail's base page type."""
        buckets = self._first().aggregations.types.buckets
        return {b.key: b.doc_count for b in buckets if b.key != PAGE_CONTENT_TYPE}

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        if stop <= start:
            return []
        response = self.search.extra(from_=start, size=stop - start).execute()
        ids = [int(hit.meta.id) for hit in response.hits]
        found = {page.pk: page for page in self.pages.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]
