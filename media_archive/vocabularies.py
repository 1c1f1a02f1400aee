"""People, places and events as managed vocabularies: one Georgian name (the name the
catalogue stores, the gallery filters on and the site search reads) and its English name.

The catalogue keeps the names as text (`people_shown`, one per line; `place_name`;
`event_name`), so the gallery's indexed facets and the search stay as they are; the
vocabulary is what the forms offer as you type (`vocabulary_suggestions`), and renaming a
term renames it on every item that carries it. A name typed that the vocabulary does not
know yet is added to it when the item is saved, for the archivist to complete in English.
"""

from django.db import models, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class VocabularyTerm(index.Indexed, models.Model):
    name_ka = models.CharField(_("name in Georgian"), max_length=255, unique=True)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)

    search_fields = [
        index.SearchField("name_ka"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_ka"),
        index.AutocompleteField("name_en"),
    ]

    # The catalogue field the term's Georgian name is stored in, and whether it holds
    # several names, one per line.
    catalogue_field = ""
    one_per_line = False

    class Meta:
        abstract = True
        ordering = ["name_ka"]

    def __str__(self):
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_ka

    def save(self, *args, **kwargs):
        self.name_ka = " ".join(self.name_ka.split())
        self.name_en = " ".join(self.name_en.split())
        previous = None
        if self.pk is not None:
            previous = type(self).objects.filter(pk=self.pk).values_list("name_ka", flat=True)
            previous = previous.first()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if previous and previous != self.name_ka:
                rename_in_catalogue(self.catalogue_field, previous, self.name_ka, self.one_per_line)


class Person(VocabularyTerm):
    catalogue_field = "people_shown"
    one_per_line = True

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")


class Place(VocabularyTerm):
    catalogue_field = "place_name"

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")


class Event(VocabularyTerm):
    catalogue_field = "event_name"

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")


VOCABULARIES = {"people": Person, "places": Place, "events": Event}


def catalogue_models():
    from media_archive.models import ArchiveImage, ArchiveMedia

    return (ArchiveImage, ArchiveMedia)


def names_in(field_value, one_per_line):
    if one_per_line:
        return [" ".join(line.split()) for line in field_value.splitlines() if line.strip()]
    name = " ".join(field_value.split())
    return [name] if name else []


def rename_in_catalogue(field, old, new, one_per_line):
    """Every catalogued item carrying `old` in `field` carries `new` instead."""
    for model in catalogue_models():
        if not one_per_line:
            model.objects.filter(**{field: old}).update(**{field: new})
            continue
        changed = []
        for pk, text in model.objects.filter(**{f"{field}__contains": old}).values_list(
            "pk", field
        ):
            lines = [new if " ".join(line.split()) == old else line for line in text.splitlines()]
            if "\n".join(lines) != text:
                changed.append(model(pk=pk, **{field: "\n".join(lines)}))
        model.objects.bulk_update(changed, [field], batch_size=500)


def add_missing_terms(item):
    """Names on `item` the vocabularies do not know yet, added (Georgian name only)."""
    for vocabulary in VOCABULARIES.values():
        names = names_in(getattr(item, vocabulary.catalogue_field) or "", vocabulary.one_per_line)
        if not names:
            continue
        known = set(vocabulary.objects.filter(name_ka__in=names).values_list("name_ka", flat=True))
        vocabulary.objects.bulk_create(
            [vocabulary(name_ka=name[:255]) for name in dict.fromkeys(names) if name not in known],
            ignore_conflicts=True,
        )


SUGGESTION_LIMIT = 15


def vocabulary_suggestions(kind, query):
    """Up to SUGGESTION_LIMIT Georgian names of `kind` matching `query` in either
    language, names that start with it first."""
    vocabulary = VOCABULARIES.get(kind)
    query = " ".join((query or "").split())[:100]
    if vocabulary is None or not query:
        return []
    matching = vocabulary.objects.filter(Q(name_ka__icontains=query) | Q(name_en__icontains=query))
    starting = list(
        matching.filter(Q(name_ka__istartswith=query) | Q(name_en__istartswith=query))
        .order_by("name_ka")
        .values_list("name_ka", "name_en")[:SUGGESTION_LIMIT]
    )
    rest = list(
        matching.exclude(name_ka__in=[name for name, _en in starting])
        .order_by("name_ka")
        .values_list("name_ka", "name_en")[: SUGGESTION_LIMIT - len(starting)]
    )
    return [{"name": name, "name_en": name_en} for name, name_en in starting + rest]


def _catalogue_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    fields = {vocabulary.catalogue_field for vocabulary in VOCABULARIES.values()}
    if raw or (update_fields is not None and not fields & set(update_fields)):
        return
    add_missing_terms(instance)


def connect():
    from django.db.models.signals import post_save

    for model in catalogue_models():
        post_save.connect(_catalogue_saved, sender=model, dispatch_uid=f"vocabulary-{model}")
