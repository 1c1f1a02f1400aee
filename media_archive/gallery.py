"""Faceted browsing of the public archive: year, event, type, photographer and tag.

Only publishable items ever enter a query here (`privacy.publishable_q`).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItem

from media_archive.privacy import publishable_q

ITEMS_PER_PAGE = 24
TYPES = {"image": _("Photos"), "video": _("Video"), "audio": _("Audio")}
FACET_NAMES = ("year", "event", "type", "photographer", "tag")


@dataclass
class GalleryFilters:
    year: int | None = None
    event: str = ""
    type: str = ""
    photographer: str = ""
    tag: str = ""
    problems: list = field(default_factory=list)

    @classmethod
    def from_query(cls, query):
        filters = cls()
        year = query.get("year", "").strip()
        if year:
            if year.isdigit() and 1800 <= int(year) <= 2200:
                filters.year = int(year)
            else:
                filters.problems.append(_("The year “%(value)s” is not valid.") % {"value": year})
        kind = query.get("type", "").strip()
        if kind:
            if kind in TYPES:
                filters.type = kind
            else:
                filters.problems.append(_("The type “%(value)s” is unknown.") % {"value": kind})
        filters.event = query.get("event", "").strip()[:255]
        filters.photographer = query.get("photographer", "").strip()[:255]
        filters.tag = query.get("tag", "").strip()[:100]
        return filters

    def active(self):
        return {
            name: getattr(self, name)
            for name in FACET_NAMES
            if getattr(self, name) not in ("", None)
        }


def _base_querysets(album):
    from media_archive.models import ArchiveImage, ArchiveMedia

    images = ArchiveImage.objects.filter(publishable_q())
    media = ArchiveMedia.objects.filter(publishable_q())
    if album is not None:
        images = images.filter(album=album)
        media = media.filter(album=album)
    return images, media


def _apply(images, media, filters, skip=None):
    """Narrow both querysets by every active filter except `skip` (its own facet)."""
    if filters.year and skip != "year":
        images = images.filter(date_taken__year=filters.year)
        media = media.filter(date_taken__year=filters.year)
    if filters.event and skip != "event":
        images = images.filter(event_name=filters.event)
        media = media.filter(event_name=filters.event)
    if filters.photographer and skip != "photographer":
        images = images.filter(credit=filters.photographer)
        media = media.filter(credit=filters.photographer)
    if filters.tag and skip != "tag":
        images = images.filter(tags__slug=filters.tag)
        media = media.filter(tags__slug=filters.tag)
    if filters.type and skip != "type":
        if filters.type == "image":
            media = media.none()
        else:
            images = images.none()
            media = media.filter(type=filters.type)
    return images, media


def _merge_counts(*count_lists):
    totals = {}
    for counts in count_lists:
        for value, count in counts:
            if value not in ("", None):
                totals[value] = totals.get(value, 0) + count
    return totals


def _value_counts(queryset, field_name):
    return (
        queryset.order_by()
        .values_list(field_name)
        .annotate(n=Count("pk"))
        .values_list(field_name, "n")
    )


def _year_counts(queryset):
    return (
        queryset.exclude(date_taken__isnull=True)
        .order_by()
        .annotate(year=ExtractYear("date_taken"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )


def _tag_counts(queryset):
    content_type = ContentType.objects.get_for_model(queryset.model)
    return (
        TaggedItem.objects.filter(
            content_type=content_type, object_id__in=queryset.order_by().values("pk")
        )
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("pk"))
        .values_list("tag__slug", "tag__name", "n")
    )


def facet_counts(album, filters):
    """{facet: [(value, label, count), …]} each counted with the other filters applied."""
    images, media = _base_querysets(album)
    facets = {}

    i, m = _apply(images, media, filters, skip="year")
    years = _merge_counts(_year_counts(i), _year_counts(m))
    facets["year"] = [(str(y), str(y), n) for y, n in sorted(years.items(), reverse=True)]

    i, m = _apply(images, media, filters, skip="event")
    events = _merge_counts(_value_counts(i, "event_name"), _value_counts(m, "event_name"))
    facets["event"] = [(e, e, n) for e, n in sorted(events.items())]

    i, m = _apply(images, media, filters, skip="type")
    kinds = {"image": i.count(), **dict(_value_counts(m, "type"))}
    facets["type"] = [(k, TYPES[k], kinds[k]) for k in TYPES if kinds.get(k)]

    i, m = _apply(images, media, filters, skip="photographer")
    people = _merge_counts(_value_counts(i, "credit"), _value_counts(m, "credit"))
    facets["photographer"] = [(p, p, n) for p, n in sorted(people.items())]

    i, m = _apply(images, media, filters, skip="tag")
    tags = {}
    for slug, name, count in list(_tag_counts(i)) + list(_tag_counts(m)):
        label, total = tags.get(slug, (name, 0))
        tags[slug] = (label, total + count)
    facets["tag"] = [(s, label, n) for s, (label, n) in sorted(tags.items(), key=lambda t: t[1])]
    return facets


def result_page(album, filters, page_number):
    """One page of matching items, newest first, images and media together."""
    from media_archive.models import ArchiveImage, ArchiveMedia

    images, media = _apply(*_base_querysets(album), filters)
    sort_date = Coalesce(F("date_taken"), F("created_at"))
    image_rows = (
        images.order_by()
        .values_list("pk")
        .annotate(kind=Value("image", output_field=CharField()), sort_date=sort_date)
    )
    media_rows = media.order_by().values_list("pk").annotate(kind=F("type"), sort_date=sort_date)
    rows = image_rows.values_list("pk", "kind", "sort_date").union(
        media_rows.values_list("pk", "kind", "sort_date"), all=True
    )
    paginator = Paginator(rows.order_by("-sort_date", "-pk"), ITEMS_PER_PAGE)
    page = paginator.get_page(page_number)
    image_pks = [pk for pk, kind, _date in page.object_list if kind == "image"]
    media_pks = [pk for pk, kind, _date in page.object_list if kind != "image"]
    loaded = {
        ("image", obj.pk): obj
        for obj in ArchiveImage.objects.filter(pk__in=image_pks).prefetch_renditions()
    }
    loaded.update({("media", obj.pk): obj for obj in ArchiveMedia.objects.filter(pk__in=media_pks)})
    page.items = [
        loaded[("image" if kind == "image" else "media", pk)]
        for pk, kind, _date in page.object_list
        if ("image" if kind == "image" else "media", pk) in loaded
    ]
    return page
