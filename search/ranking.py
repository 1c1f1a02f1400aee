"""The order of the first results: the same on every backend, titles and exact forms first,
page types weighted as editors say.

The backends rank by their own relevance (bm25 on SQLite, ts_rank on PostgreSQL, BM25 on
Elasticsearch), which differ in how they count repeated words and long texts. The first
RERANK_DEPTH results they return are ordered again here by what a citizen expects: a page
whose title holds the words of the query before one that only mentions them, the form
typed before another form of the same word, a service or an office before a news item
(PageTypeSearchWeight); the backend's order only breaks ties.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from search.analysis import AnalysedQuery, normalise, tokenise, word_match_keys

# Results reordered: two pages of the site's search, which the PostgreSQL backend returns
# from the query that counts the matches (search.db_backend.FIRST_RESULTS).
RERANK_DEPTH = 20

# Page types weighted without an editor's row: the pages that answer "what can I get and
# where" above news of the same words.
DEFAULT_TYPE_WEIGHTS = {
    "services.servicepage": 1.5,
    "offices.officepage": 1.3,
    "info.faqpage": 1.2,
}
_WEIGHTS_CACHE_KEY = "search-type-weights"


def type_weights() -> dict[str, float]:
    """ "app_label.model" → weight, editors' rows over the defaults (cached until one
    changes)."""
    weights = cache.get(_WEIGHTS_CACHE_KEY)
    if weights is None:
        from search.models import PageTypeSearchWeight

        weights = dict(DEFAULT_TYPE_WEIGHTS)
        for row in PageTypeSearchWeight.objects.select_related("content_type"):
            weights[f"{row.content_type.app_label}.{row.content_type.model}"] = float(row.weight)
        cache.set(_WEIGHTS_CACHE_KEY, weights, None)
    return weights


def weight_of(page, weights: dict[str, float]) -> float:
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_id(page.content_type_id)  # cached by Django
    return weights.get(f"{content_type.app_label}.{content_type.model}", 1.0)


def forget_type_weights(**_kwargs) -> None:
    cache.delete(_WEIGHTS_CACHE_KEY)


def connect_signals() -> None:
    from search.models import PageTypeSearchWeight

    for signal in (post_save, post_delete):
        signal.connect(forget_type_weights, sender=PageTypeSearchWeight, dispatch_uid=signal)


def relevance(title: str, analysed: AnalysedQuery) -> float:
    """How well a title answers the query: the share of the words it holds (by any
    form), the share it holds in the form typed, and a bonus when it holds nothing else."""
    words = analysed.words
    if not words:
        return 1.0
    forms, keys, meaningful = set(), set(), 0
    for token in tokenise(normalise(title)):
        lowered = token.lower()
        forms.add(lowered)
        token_keys = word_match_keys(lowered)
        keys |= token_keys
        if not token.isdigit():
            meaningful += 1
    held = exact = 0
    for word in words:
        word_keys = set(word.terms)
        for synonym in word.synonyms:
            word_keys |= synonym.match_keys
        if word_keys & keys:
            held += 1
            typed = word.typed.lower()
            if typed in forms or (word.georgian_reading and word.georgian_reading in forms):
                exact += 1
    share = held / len(words)
    whole = 1.0 if held == len(words) and meaningful <= len(words) else 0.0
    return 1.0 + 2.0 * share + exact / len(words) + whole


def rerank(pages: list, analysed: AnalysedQuery) -> list:
    """Pages in the order of relevance × type weight; the backend's order breaks ties."""
    weights = type_weights()
    scored = [
        (
            -relevance(page.title, analysed) * weight_of(page, weights),
            position,
            page,
        )
        for position, page in enumerate(pages)
    ]
    return [page for _score, _position, page in sorted(scored, key=lambda item: item[:2])]


class RerankedResults:
    """A backend's results, their first RERANK_DEPTH reordered by rerank(); later slices
    are the backend's own. Loaded once, whatever slices are asked for."""

    def __init__(self, results, analysed: AnalysedQuery, count: int | None = None):
        self.results = results
        self.analysed = analysed
        self._count = count
        self._head = None

    def count(self) -> int:
        if self._count is None:
            self._count = self.results.count()
        return self._count

    def __len__(self):
        return self.count()

    def head(self) -> list:
        if self._head is None:
            self._head = rerank(list(self.results[:RERANK_DEPTH]), self.analysed)
        return self._head

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start = key.start or 0
        stop = key.stop if key.stop is not None else self.count()
        if start >= RERANK_DEPTH:
            return list(self.results[start:stop])
        found = self.head()[start:stop]
        if stop > RERANK_DEPTH:
            found += list(self.results[RERANK_DEPTH:stop])
        return found
