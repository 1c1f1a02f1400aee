"""The text a model gives the search index, gathered the way Wagtail's backends gather it."""

from django.db.models import Manager
from django.utils.encoding import force_str
from wagtail.search import index

from cms.hooks import ANALYSED_FIELD, TITLE_KEYS_FIELD
from search.analysis import index_terms, title_keys


def _flatten(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return force_str(value)


def _collect(obj, search_field, parts: list[str], related: bool = True) -> None:
    if isinstance(search_field, index.SearchField):
        if search_field.field_name not in (ANALYSED_FIELD, TITLE_KEYS_FIELD):  # derived
            parts.append(_flatten(search_field.get_value(obj)))
    elif related and isinstance(search_field, index.RelatedFields):
        related = search_field.get_value(obj)
        if related is None:
            return
        if isinstance(related, Manager):
            related_objects = list(related.all())
        else:
            related_objects = [related() if callable(related) else related]
        for related_object in related_objects:
            for sub_field in search_field.fields:
                _collect(related_object, sub_field, parts)


def indexed_text(obj, related: bool = True) -> str:
    """All the text of obj's search fields (titles, intros, StreamField bodies, and with
    `related` the related objects': a news item's tags, which a snippet never shows)."""
    parts: list[str] = []
    for search_field in obj.get_search_fields():
        _collect(obj, search_field, parts, related)
    return "\n".join(part for part in parts if part)


def analysed_terms(obj) -> str:
    """The value of an object's analysed-terms search field: the Georgian stems (and their
    romanisations) of all its searchable text, the title's repeated so that every backend
    ranks a title match higher (the backends' own title boost only sees the raw title)."""
    title_terms = index_terms(str(getattr(obj, "title", "") or ""))
    return " ".join([title_terms] * 3 + [index_terms(indexed_text(obj))])


def page_title_keys(page) -> str:
    """The value of a page's title-keys autocomplete field (search.analysis.title_keys)."""
    return title_keys(str(getattr(page, "title", "") or ""))
