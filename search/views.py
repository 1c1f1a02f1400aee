from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from cms.i18n import LanguageLink
from search.service import SUGGESTION_CACHE_SECONDS, search_site, suggest_titles


def _query_param(request, name: str) -> str:
    value = request.GET.get(name, "")
    return value if isinstance(value, str) else ""


def search_view(request):
    """The public site search: /ka/search/?q=…&type=…&page=…"""
    language = translation.get_language() or "ka"
    query = _query_param(request, "q")
    type_filter = _query_param(request, "type")[:100]
    page_number = _query_param(request, "page")[:10]
    # Paging through results or narrowing them by type is the same search, logged once.
    is_new_search = "page" not in request.GET and "type" not in request.GET
    outcome = search_site(
        query, language, type_filter=type_filter, page_number=page_number, log=is_new_search
    )
    base_params = {"q": outcome.query}
    if outcome.selected_type:
        base_params["type"] = outcome.selected_type
    context = {
        "language_links": search_language_links(outcome.query, language),
        "search": outcome,
        "search_query": outcome.query,
        "query_params": urlencode({"q": outcome.query}),
        "page_params": urlencode(base_params),
    }
    return TemplateResponse(request, "search/search_results.html", context)


def search_language_links(query: str, current: str) -> list:
    """The language switcher of the results page: the same search in each language."""
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("search")
        if query:
            url += "?" + urlencode({"q": query})
        links.append(LanguageLink(code, name, url, code == current, True))
    return links


@require_GET
def suggest_view(request):
    """Title suggestions for the search box (site/static/js/search-autocomplete.js):
    /ka/search/suggest/?q=…"""
    language = translation.get_language() or "ka"
    suggestions = suggest_titles(_query_param(request, "q"), language)
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = f"public, max-age={SUGGESTION_CACHE_SECONDS}"
    return response
