"""A site search: analysis, synonyms, the backend query, facets, promotions and the log."""

import hashlib
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from cms import layout_cache
from helpers.georgian import contains_georgian, latin_readings
from search import elasticsearch, querylog
from search.analysis import (
    AnalysedQuery,
    QueryWord,
    analyse_query,
    completion_terms,
    georgian_word_keys,
    latin_key,
    normalise,
    stem,
    tokenise,
    typo_terms,
)
from search.backends import is_external, run_search
from search.highlight import highlight
from search.models import SearchSynonym
from search.ranking import RerankedResults, rerank
from search.text import indexed_text

# A query is read this far; a 100,000-character paste costs no more than a sentence.
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# A typo is looked for in queries of up to this many words, among this many spellings a
# word (more cost more than they find, and SQLite's FTS5 parser has a depth limit).
MAX_TYPO_WORDS = 3
MAX_TYPO_TERMS = 60
# With an external engine, this many archive hits per type are checked against the
# privacy rules in the database.
ARCHIVE_CANDIDATES = 200
_TYPE_KEY = re.compile(r"[a-z][a-z0-9_]{0,99}\.[a-z][a-z0-9_]{0,99}")


@dataclass
class ResultType:
    key: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResult:
    page: Page | None
    type_label: str
    snippet: str
    # An archive image or audio/video item, when the result is not a page.
    item: object = None

    @property
    def title(self) -> str:
        return self.page.title if self.page is not None else self.item.title


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


def archive_models():
    from media_archive.models import ArchiveImage, ArchiveMedia

    return [ArchiveImage, ArchiveMedia]


def public_archive_items(model):
    """Archive items anyone may see: publishable (public, rights and consent in order) and
    not held back by a page the public cannot see (media_archive.privacy decides both)."""
    from media_archive.privacy import public_q

    # As a key lookup: the search backends only filter on the fields they index. Building
    # this filter costs more than running it, and it only changes with the date (rights
    # and consent expire), so it is built once a day per process and handed out as copies.
    today = timezone.localdate()
    cached = _public_archive_querysets.get(model)
    if cached is None or cached[0] != today:
        queryset = model.objects.filter(pk__in=model.objects.filter(public_q(model)).values("pk"))
        cached = _public_archive_querysets[model] = (today, queryset)
    return cached[1].all()


_public_archive_querysets = {}


class ChainedResults:
    """Several result lists read as one, in order, for the paginator: only the slice
    shown is loaded from each. `counts` are the parts' sizes when already known."""

    def __init__(self, parts, counts=None):
        self.parts = parts
        self.counts = counts or [
            part.count() if hasattr(part, "count") and not isinstance(part, list) else len(part)
            for part in parts
        ]

    def count(self):
        return sum(self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        found = []
        for part, size in zip(self.parts, self.counts, strict=True):
            if stop <= 0:
                break
            if start < size:
                found.extend(part[start : min(stop, size)])
            start, stop = max(0, start - size), stop - size
        return found


def indexed_archive_models(backend):
    """The archive models with at least one item in the database backend's index, in one
    query: most sites' searches then skip the archive's privacy rules altogether. An
    external engine's index is not in the database, so every model counts there."""
    models = archive_models()
    if is_external(backend):
        return models
    from wagtail.search.models import IndexEntry

    types = {ContentType.objects.get_for_model(model).pk: model for model in models}
    # EXISTS in the select list is one index probe per type; as a filter, PostgreSQL made
    # it a merge join that read the whole content-type index of the entries (10 ms at
    # 100,000 pages, on every search).
    indexed = {
        pk
        for pk, has_entries in ContentType.objects.filter(pk__in=types)
        .annotate(has_entries=Exists(IndexEntry.objects.filter(content_type=OuterRef("pk"))))
        .values_list("pk", "has_entries")
        if has_entries
    }
    return [model for pk, model in types.items() if pk in indexed]


def _archive_search(backend, query, model, autocomplete=False):
    """Public items of one archive model matching the query. An external engine cannot
    apply the privacy rule (it needs the database), so its hits are checked here."""
    method = backend.autocomplete if autocomplete else backend.search
    if not is_external(backend):
        return method(query, public_archive_items(model))
    public = public_archive_items(model)
    hits = list(method(query, model.objects.filter(sensitivity="public"))[:ARCHIVE_CANDIDATES])
    allowed = set(public.filter(pk__in=[hit.pk for hit in hits]).values_list("pk", flat=True))
    return [hit for hit in hits if hit.pk in allowed]


def public_pages(locale: Locale):
    """Live pages of one language that anyone may read: no drafts, nothing behind a login,
    a password or a group restriction (the restricted sections' paths come from the
    layout cache, current with every change of a restriction)."""
    return layout_cache.public(Page.objects.live().filter(locale=locale))


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


def typo_query(analysed: AnalysedQuery):
    """Each word by its terms or the keys one typo away (search.analysis.typo_terms); None
    when no word is long enough to forgive a typo in."""
    if len(analysed.words) > MAX_TYPO_WORDS:
        return None
    nodes, forgiving = [], False
    for word in analysed.words:
        variants = typo_terms(word)[:MAX_TYPO_TERMS]
        forgiving = forgiving or bool(variants)
        # One flat "a OR b OR …" per word: nested Or nodes overflow FTS5's parser.
        nodes.append(PlainText(" ".join([*word.terms, *variants]), operator="or"))
    if not forgiving:
        return None
    return nodes[0] if len(nodes) == 1 else And(nodes)


def completion_query(analysed: AnalysedQuery):
    """The autocomplete query: every word begins a word of the title, as typed or (Latin
    on the Georgian site) as the Latin key of one of its readings."""
    nodes = []
    for word in analysed.words:
        terms = [PlainText(term) for term in completion_terms(word)]
        nodes.append(terms[0] if len(terms) == 1 else Or(terms))
    return nodes[0] if len(nodes) == 1 else And(nodes)


def _latin_reading(word: QueryWord, pages: list[Page]) -> str:
    """The Georgian to show for a Latin word: of its readings (national, keyboard, mixed),
    the one the found pages hold, in the form they use; else a reading whose stem they
    hold, with the page's stem and the typed ending; else the first reading."""
    readings = latin_readings(word.typed)
    tokens = list(
        dict.fromkeys(
            token
            for page in pages
            for token in tokenise(normalise(indexed_text(page, related=False)).lower())
            if contains_georgian(token)
        )
    )
    by_key = {}
    for token in tokens:
        by_key.setdefault(latin_key(token), token)
    for reading in readings:
        if latin_key(reading) in by_key:
            return by_key[latin_key(reading)]
    for reading in readings:
        reading_keys = set(georgian_word_keys(reading))
        for token in tokens:
            if reading_keys & set(georgian_word_keys(token)):
                reading_stem, page_stem = stem(reading), stem(token)
                if reading.startswith(reading_stem):
                    return page_stem + reading[len(reading_stem) :]
                return token
    return readings[0] if readings else word.georgian_reading


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
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalised).select_related("page")
    )
    page_ids = [p.page_id for p in promotions if p.page_id]
    public_ids = set()
    if page_ids:
        public_ids = set(pages_qs.filter(pk__in=page_ids).values_list("pk", flat=True))
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
    archive = archive_models()
    selected_page_type, archive_only = None, False
    if type_filter:
        content_type = _content_type_for_key(type_filter)
        if content_type is None:
            outcome.notices.append(_("There is no such type of result; all types are shown."))
        else:
            model = content_type.model_class()
            if model in archive:
                pages, archive, archive_only = pages.none(), [model], True
            else:
                pages, archive = pages.filter(content_type=content_type), []
                selected_page_type = content_type
            outcome.selected_type = type_filter

    def _count(results) -> int:
        return len(results) if isinstance(results, list) else results.count()

    def page_search(backend, query, mode):
        """The page matches of the selected type and the public page matches counted by
        type id: on the database one grouped query (unfiltered, the results and the facets
        are one search); on Elasticsearch our own body (search.elasticsearch)."""
        if is_external(backend):
            if archive_only:
                return pages.none(), {}
            model_key = ""
            if selected_page_type is not None:
                model = selected_page_type.model_class()
                model_key = f"{model._meta.app_label}.{model.__name__}"
            body = elasticsearch.page_search(
                analysed,
                locale.pk,
                layout_cache.private_paths(),
                model_key,
                operator="or" if mode == "or" else "and",
                forgive_typos=mode == "typo",
            )
            results = elasticsearch.ElasticsearchPageResults(backend, body, pages.specific())
            facets = {}
            for key, count in results.facets().items():
                model = apps.get_model(key)
                facets[ContentType.objects.get_for_model(model).pk] = count
            return results, facets
        page_results = backend.search(query, pages.specific())
        facet_results = page_results if pages is facet_pages else backend.search(query, facet_pages)
        return page_results, dict(facet_results.facet("content_type_id"))

    def search_all(backend, query, indexed_archive, mode="and"):
        """The matches of the selected types, and the public matches counted by type: the
        pages' (page_search), one count per indexed archive model, each run once."""
        page_results, facets = page_search(backend, query, mode)
        archive_parts = []
        for model in indexed_archive:
            found = _archive_search(backend, query, model)
            count = _count(found)
            facets[ContentType.objects.get_for_model(model).pk] = count
            if model in archive:
                archive_parts.append((found, count))
        if selected_page_type is not None:
            page_count = facets.get(selected_page_type.pk, 0)
        elif archive_only:
            page_count = 0
        else:
            archive_type_ids = {ContentType.objects.get_for_model(m).pk for m in archive_models()}
            page_count = sum(n for pk, n in facets.items() if pk not in archive_type_ids)
        parts = [RerankedResults(page_results, analysed, page_count)]
        parts += [part for part, _n in archive_parts]
        counts = [page_count] + [count for _part, count in archive_parts]
        return ChainedResults(parts, counts), facets

    def autocomplete_all(backend, typed, indexed_archive):
        parts = [backend.autocomplete(typed, pages.specific())]
        parts += [
            _archive_search(backend, typed, model, autocomplete=True)
            for model in indexed_archive
            if model in archive
        ]
        return ChainedResults(parts)

    def run(backend):
        relaxed = partial = False
        indexed_archive = indexed_archive_models(backend)
        results, facets = search_all(backend, backend_query(analysed), indexed_archive)
        if len(analysed.words) > 1 and results.count() == 0:
            query = backend_query(analysed, "or")
            results, facets = search_all(backend, query, indexed_archive, "or")
            relaxed = True
        if results.count() == 0 and (forgiving := typo_query(analysed)) is not None:
            # One typo in a long word: the keys one edit away.
            results, facets = search_all(backend, forgiving, indexed_archive, "typo")
        if results.count() == 0:
            # Half-typed words: titles that begin with them (the backends' autocomplete).
            results = autocomplete_all(backend, completion_query(analysed), indexed_archive)
            partial = results.count() > 0
            facets = {}
        paginator = Paginator(results, per_page)
        result_page = paginator.get_page(page_number)
        found = list(result_page.object_list)
        return paginator.count, result_page, found, facets, relaxed, partial

    total, result_page, found, facets, relaxed, partial = run_search(run)
    outcome.total, outcome.page = total, result_page
    outcome.relaxed, outcome.partial = relaxed and not partial, partial
    labels = {}
    keys = analysed.match_keys
    for found_object in found:
        if isinstance(found_object, Page):
            snippet = highlight(_snippet_text(found_object), keys)
            outcome.results.append(
                SearchResult(found_object, _type_label(found_object, labels), snippet)
            )
        else:
            snippet = highlight(_archive_snippet_text(found_object), keys)
            label = capfirst(type(found_object)._meta.verbose_name)
            outcome.results.append(SearchResult(None, str(label), snippet, item=found_object))
    outcome.types = _result_types(facets, outcome.selected_type)
    outcome.reading = reading_for_display(analysed, [p for p in found if isinstance(p, Page)][:5])
    outcome.promotions = _promotions(outcome.query, facet_pages)
    if log:
        _log(outcome.query, language, total)
    return outcome


def _snippet_text(page: Page) -> str:
    description = getattr(page, "search_description", "") or ""
    body = indexed_text(page, related=False)
    if body.startswith(page.title):
        body = body[len(page.title) :]
    return f"{description} {body}".strip()


def _archive_snippet_text(item) -> str:
    """What the public sees of an item: its caption, description and transcript in the
    current language (never the people named, the place or the file's metadata)."""
    parts = [item.caption, item.catalogue_description, getattr(item, "transcript", "")]
    return " ".join(part for part in parts if part)


def _content_type_for_key(key: str):
    if not _TYPE_KEY.fullmatch(key):
        return None
    app_label, _dot, model = key.partition(".")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    if content_type is None:
        return None
    model_class = content_type.model_class()
    if model_class is None or not (
        issubclass(model_class, Page) or model_class in archive_models()
    ):
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
    querylog.record(query, language, count)


SUGGESTIONS = 8
SUGGESTION_CACHE_SECONDS = 30


def suggest_titles(raw_query: str, language: str) -> list[dict]:
    """Titles (and URLs) of public live pages of one language for the search box: pages
    whose words match the analysed query (stems, Latin readings), then titles beginning
    with what was typed. Never raises on what a user typed; briefly cached."""
    query = clean_query(raw_query or "")
    if len(query) < 2:
        return []
    cache_key = "search-suggest:" + hashlib.sha256(f"{language}:{query}".encode()).hexdigest()
    cached = cache.get(cache_key)
    if cached is not None:
        return cached
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    analysed = analyse_query(query, language)
    if not analysed.words:
        return []
    pages = public_pages(locale)

    def run(backend):
        found = rerank(
            list(backend.search(backend_query(analysed), pages.specific())[:SUGGESTIONS]), analysed
        )
        if len(found) < SUGGESTIONS:
            seen = {page.pk for page in found}
            more = backend.autocomplete(completion_query(analysed), pages.specific())
            more = more[:SUGGESTIONS]
            found += [page for page in more if page.pk not in seen][: SUGGESTIONS - len(found)]
        return found

    suggestions = [{"title": page.title, "url": page.url} for page in run_search(run)]
    cache.set(cache_key, suggestions, SUGGESTION_CACHE_SECONDS)
    return suggestions
