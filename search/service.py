"""A site search: analysis, synonyms, the backend query, facets, promotions and the log."""

import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from cms.georgian import contains_georgian, to_latin
from search.analysis import (
    AnalysedQuery,
    QueryWord,
    analyse_query,
    normalise,
    stem,
    tokenise,
)
from search.backends import run_search
from search.highlight import highlight
from search.models import SearchQueryLog, SearchSynonym
from search.text import indexed_text

# A query is read this far; a 100,000-character paste costs no more than a sentence.
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
_TYPE_KEY = re.compile(r"[a-z][a-z0-9_]{0,99}\.[a-z][a-z0-9_]{0,99}")


@dataclass
class ResultType:
    key: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResult:
    page: Page
    type_label: str
    snippet: str


@dataclass
class SiteSearch:
    query: str = ""
    results: list[SearchResult] = field(default_factory=list)
    page: object = None  # django.core.paginator.Page of the results
    total: int = 0
    types: list[ResultType] = field(default_factory=list)
    selected_type: str = ""
    # "showing results for პენსია": the Georgian a Latin query was read as.
    reading: str = ""
    # True when no page had every word and pages with some of them are shown.
    relaxed: bool = False
    # True when no whole word matched and titles beginning with the words are shown.
    partial: bool = False
    notices: list[str] = field(default_factory=list)
    promotions: list = field(default_factory=list)


def clean_query(raw: str) -> str:
    return " ".join(normalise(raw[:MAX_QUERY_LENGTH]).split())


def type_key(content_type: ContentType) -> str:
    return f"{content_type.app_label}.{content_type.model}"


def public_pages(locale: Locale):
    """Live pages of one language that anyone may read: no drafts, nothing behind a login,
    a password or a group restriction."""
    return Page.objects.live().public().filter(locale=locale)


def add_synonyms(analysed: AnalysedQuery, language: str) -> None:
    synonym_sets = [synonym.term_list for synonym in SearchSynonym.objects.all()]
    if not synonym_sets:
        return
    for word in analysed.words:
        for terms in synonym_sets:
            phrases = [analyse_query(term, language) for term in terms]
            if not any(
                len(phrase.words) == 1 and phrase.words[0].keys & word.keys for phrase in phrases
            ):
                continue
            for phrase in phrases:
                if phrase.words and not (
                    len(phrase.words) == 1 and phrase.words[0].keys & word.keys
                ):
                    word.synonyms.append(phrase)


def _word_query(word: QueryWord):
    nodes = [PlainText(term) for term in word.terms]
    nodes += [_phrase_query(phrase, "and") for phrase in word.synonyms]
    return nodes[0] if len(nodes) == 1 else Or(nodes)


def _phrase_query(analysed: AnalysedQuery, operator: str):
    nodes = [_word_query(word) for word in analysed.words]
    if len(nodes) == 1:
        return nodes[0]
    return And(nodes) if operator == "and" else Or(nodes)


def backend_query(analysed: AnalysedQuery, operator: str = "and"):
    """The query tree the backend runs: each word matches by any of its terms (and
    synonyms); the words are combined with `operator`."""
    return _phrase_query(analysed, operator)


def _latin_reading(word: QueryWord, pages: list[Page]) -> str:
    """The Georgian to show for a Latin word: the form the found pages use, if they have
    it, else the stem the pages use followed by the typed ending, else the plain reading."""
    reading = word.georgian_reading
    reading_stem = stem(reading)
    wanted = to_latin(reading)
    page_stem = ""
    for page in pages:
        for token in tokenise(normalise(indexed_text(page)).lower()):
            if not contains_georgian(token):
                continue
            if to_latin(token) == wanted:
                return token
            if not page_stem and to_latin(stem(token)) in word.terms:
                page_stem = stem(token)
    if page_stem and reading.startswith(reading_stem):
        return page_stem + reading[len(reading_stem) :]
    return reading


def reading_for_display(analysed: AnalysedQuery, pages: list[Page]) -> str:
    if not analysed.read_from_latin:
        return ""
    shown = [
        _latin_reading(word, pages) if word.georgian_reading else word.typed
        for word in analysed.words
    ]
    return " ".join(shown)


def _promotions(query: str, pages_qs):
    normalised = normalise_query_string(query.lower())
    promotions = SearchPromotion.objects.filter(query__query_string=normalised).select_related(
        "page"
    )
    public_ids = set(
        pages_qs.values_list("pk", flat=True).filter(
            pk__in=[p.page_id for p in promotions if p.page_id]
        )
    )
    return [p for p in promotions if p.page_id is None or p.page_id in public_ids]


def _type_label(page: Page, labels: dict) -> str:
    content_type_id = page.content_type_id
    if content_type_id not in labels:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        labels[content_type_id] = capfirst(model._meta.verbose_name) if model else ""
    return labels[content_type_id]


def search_site(
    raw_query: str,
    language: str,
    type_filter: str = "",
    page_number=None,
    log: bool = True,
    per_page: int = RESULTS_PER_PAGE,
) -> SiteSearch:
    """Search the live, public pages of one language. Never raises on what a user typed."""
    outcome = SiteSearch(query=clean_query(raw_query or ""))
    if len(raw_query or "") > MAX_QUERY_LENGTH:
        outcome.notices.append(
            _("Your search was very long; only its first %(count)s characters were used.")
            % {"count": MAX_QUERY_LENGTH}
        )
    locale = Locale.objects.filter(language_code=language).first()
    if not outcome.query or locale is None:
        return outcome

    analysed = analyse_query(outcome.query, language)
    if not analysed.words:
        outcome.notices.append(_("Your search has no letters or digits to look for."))
        if log:
            _log(outcome.query, language, 0)
        return outcome
    add_synonyms(analysed, language)

    pages = public_pages(locale)
    facet_pages = pages
    if type_filter:
        content_type = _content_type_for_key(type_filter)
        if content_type is None:
            outcome.notices.append(_("There is no such type of result; all types are shown."))
        else:
            pages = pages.filter(content_type=content_type)
            outcome.selected_type = type_filter

    def run(backend):
        relaxed = partial = False
        query = backend_query(analysed)
        results = backend.search(query, pages.specific())
        if len(analysed.words) > 1 and results.count() == 0:
            query = backend_query(analysed, "or")
            results = backend.search(query, pages.specific())
            relaxed = True
        if results.count() == 0:
            # Half-typed words: titles that begin with them (the backends' autocomplete).
            typed = " ".join(word.typed.lower() for word in analysed.words)
            results = backend.autocomplete(typed, pages.specific())
            partial = results.count() > 0
        paginator = Paginator(results, per_page)
        result_page = paginator.get_page(page_number)
        found = list(result_page.object_list)
        facets = {}
        if not partial:
            facets = backend.search(query, facet_pages).facet("content_type_id")
        return paginator.count, result_page, found, facets, relaxed, partial

    total, result_page, found, facets, relaxed, partial = run_search(run)
    outcome.total, outcome.page = total, result_page
    outcome.relaxed, outcome.partial = relaxed and not partial, partial
    labels = {}
    keys = analysed.match_keys
    for page in found:
        outcome.results.append(
            SearchResult(page, _type_label(page, labels), highlight(_snippet_text(page), keys))
        )
    outcome.types = _result_types(facets, outcome.selected_type)
    outcome.reading = reading_for_display(analysed, found[:5])
    outcome.promotions = _promotions(outcome.query, public_pages(locale))
    if log:
        _log(outcome.query, language, total)
    return outcome


def _snippet_text(page: Page) -> str:
    description = getattr(page, "search_description", "") or ""
    body = indexed_text(page)
    if body.startswith(page.title):
        body = body[len(page.title) :]
    return f"{description} {body}".strip()


def _content_type_for_key(key: str):
    if not _TYPE_KEY.fullmatch(key):
        return None
    app_label, _dot, model = key.partition(".")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    if content_type is None:
        return None
    model_class = content_type.model_class()
    if model_class is None or not issubclass(model_class, Page):
        return None
    return content_type


def _result_types(facets, selected: str) -> list[ResultType]:
    types = []
    for content_type_id, count in facets.items():
        if not content_type_id or not count:
            continue
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        if model is None:
            continue
        key = type_key(content_type)
        label = capfirst(model._meta.verbose_name_plural)
        types.append(ResultType(key, str(label), count, key == selected))
    return sorted(types, key=lambda t: (-t.count, t.label))


def _log(query: str, language: str, count: int) -> None:
    SearchQueryLog.objects.create(
        query=SearchQueryLog.normalise_query(query), locale=language, result_count=count
    )
