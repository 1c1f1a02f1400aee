"""Faceted browsing of the public archive: year, event, type, photographer and tag.

Only public items ever enter a query here (`privacy.public_q`): publishable, and not held
back for a page the public cannot see yet.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, Value
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItem

from cms import layout_cache
from media_archive.privacy import public_q

ITEMS_PER_PAGE = 24
TYPES = {"image": _("Photos"), "video": _("Video"), "audio": _("Audio")}
FACET_NAMES = ("year", "event", "type", "photographer", "tag")
# Filters that are no facet of their own: the album, chosen from the album index.
FILTER_NAMES = (*FACET_NAMES, "album")
# Facets whose values are the catalogue's Georgian text (no English is recorded for them).
GEORGIAN_VALUED = ("event", "photographer", "tag")
# Counts are also keyed by the catalogue's version (bumped on every change that could alter
# them, see `catalogue_changed`) and by the day, since rights and consent expire by date.
FACET_CACHE_SECONDS = 24 * 60 * 60


@dataclass
class GalleryFilters:
    year: int | None = None
    event: str = ""
    type: str = ""
    photographer: str = ""
    tag: str = ""
    album: int | None = None
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
        album = query.get("album", "").strip()
        if album:
            if album.isdigit() and len(album) <= 18:
                filters.album = int(album)
            else:
                filters.problems.append(_("The album “%(value)s” is not valid.") % {"value": album})
        filters.event = query.get("event", "").strip()[:255]
        filters.photographer = query.get("photographer", "").strip()[:255]
        filters.tag = query.get("tag", "").strip()[:100]
        return filters

    def active(self):
        return {
            name: getattr(self, name)
            for name in FILTER_NAMES
            if getattr(self, name) not in ("", None)
        }


def _base_querysets(album):
    from media_archive.models import ArchiveImage, ArchiveMedia

    images = ArchiveImage.objects.filter(public_q(ArchiveImage))
    media = ArchiveMedia.objects.filter(public_q(ArchiveMedia))
    if album is not None:
        images = images.filter(album=album)
        media = media.filter(album=album)
    return images, media


def _apply(images, media, filters, skip=None):
    """Narrow both querysets by every active filter except `skip` (its own facet)."""
    if filters.album and skip != "album":
        images = images.filter(album_id=filters.album)
        media = media.filter(album_id=filters.album)
    if filters.year and skip != "year":
        images = images.filter(year_taken=filters.year)
        media = media.filter(year_taken=filters.year)
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


def _tag_counts(queryset):
    """(tag id, count): grouped on the tagging table alone, the tags' names read once."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    return (
        TaggedItem.objects.filter(
            content_type=content_type, object_id__in=queryset.order_by().values("pk")
        )
        .order_by()
        .values_list("tag_id")
        .annotate(n=Count("pk"))
        .values_list("tag_id", "n")
    )


def catalogue_version():
    """The version the gallery's cached counts and pages are keyed by: the layout version
    of cms.layout_cache, a row in the database. Every process reads the same one whatever
    the cache backend (without Redis each gunicorn worker, the shell, the `publish_scheduled`
    cron and the task worker have a memory cache of their own), and it changes in the same
    transaction as the change itself. The page cache keys its copies of gallery pages by
    the same version, so they follow too."""
    return layout_cache.current_token()


def catalogue_changed(**kwargs):
    """Signal receiver: anything that can change what the gallery counts has changed."""
    layout_cache.bump()


def _page_changed(sender, instance=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        catalogue_changed()


def _reference_index_updated(sender, task_result, **kwargs):
    # A task backend with workers updates the reference index (and so what is held back)
    # after the page's own save.
    if task_result.task.name == "update_reference_index_task":
        catalogue_changed()


def connect_cache_invalidation():
    """Called once from the app config: the items, their tags and albums, and the pages
    and view restrictions that decide what is held back."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from django_tasks.signals import task_finished
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    from media_archive.models import Album, ArchiveImage, ArchiveMedia

    for model in (ArchiveImage, ArchiveMedia, Album, Tag, TaggedItem, PageViewRestriction):
        post_save.connect(catalogue_changed, sender=model, dispatch_uid=f"gallery-{model}")
        post_delete.connect(catalogue_changed, sender=model, dispatch_uid=f"gallery-{model}")
    m2m_changed.connect(catalogue_changed, sender=TaggedItem, dispatch_uid="gallery-tagging")
    # Any page type: Page's subclasses send their own post_save.
    post_save.connect(_page_changed, dispatch_uid="gallery-page-saved")
    post_delete.connect(_page_changed, dispatch_uid="gallery-page-deleted")
    page_published.connect(catalogue_changed, dispatch_uid="gallery-page-published")
    page_unpublished.connect(catalogue_changed, dispatch_uid="gallery-page-unpublished")
    task_finished.connect(_reference_index_updated, dispatch_uid="gallery-reference-index")


def _facet_cache_key(album, filters):
    active = json.dumps(filters.active(), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(active.encode()).hexdigest()[:32]
    album_key = album.pk if album is not None else "all"
    day = timezone.localdate().isoformat()
    return f"media_archive:gallery:facets:{catalogue_version()}:{day}:{album_key}:{digest}"


def _count_facets(album, filters):
    """{facet: [(value, label, count), …]} each counted with the other filters applied;
    one GROUP BY per facet and model."""
    images, media = _base_querysets(album)
    facets = {}

    i, m = _apply(images, media, filters, skip="year")
    years = _merge_counts(_value_counts(i, "year_taken"), _value_counts(m, "year_taken"))
    facets["year"] = [(str(y), str(y), n) for y, n in sorted(years.items(), reverse=True)]

    i, m = _apply(images, media, filters, skip="event")
    events = _merge_counts(_value_counts(i, "event_name"), _value_counts(m, "event_name"))
    facets["event"] = [(e, e, n) for e, n in sorted(events.items())]

    i, m = _apply(images, media, filters, skip="type")
    kinds = {"image": i.count(), **dict(_value_counts(m, "type"))}
    facets["type"] = [(k, k, kinds[k]) for k in TYPES if kinds.get(k)]

    i, m = _apply(images, media, filters, skip="photographer")
    people = _merge_counts(_value_counts(i, "credit"), _value_counts(m, "credit"))
    facets["photographer"] = [(p, p, n) for p, n in sorted(people.items())]

    i, m = _apply(images, media, filters, skip="tag")
    counts = _merge_counts(_tag_counts(i), _tag_counts(m))
    names = Tag.objects.filter(pk__in=counts).values_list("pk", "slug", "name")
    tags = sorted((name, slug, counts[pk]) for pk, slug, name in names)
    facets["tag"] = [(slug, name, n) for name, slug, n in tags]
    return facets


def facet_counts(album, filters, use_cache=True):
    """{facet: [(value, label, count), …]} each counted with the other filters applied,
    from the cache while the catalogue is unchanged."""
    key = _facet_cache_key(album, filters) if use_cache else None
    facets = cache.get(key) if key else None
    if facets is None:
        facets = _count_facets(album, filters)
        if key:
            cache.set(key, facets, FACET_CACHE_SECONDS)
    # Labels of types in the visitor's language, never the cached one's.
    facets["type"] = [(k, TYPES[k], n) for k, _label, n in facets["type"]]
    return facets


def matching_count(facets, filters):
    """How many items match every filter: the type facet counts them all, by type."""
    kinds = {kind: count for kind, _label, count in facets["type"]}
    return kinds.get(filters.type, 0) if filters.type else sum(kinds.values())


class _CountedPaginator(Paginator):
    """A paginator told its count, which the facets have just worked out."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def result_page(album, filters, page_number, count=None):
    """One page of matching items, newest first, images and media together. `count` (from
    `matching_count`) spares counting them again; the items are read afresh, their keys
    come from the cache while the catalogue is unchanged."""
    from media_archive.models import ArchiveImage, ArchiveMedia

    images, media = _apply(*_base_querysets(album), filters)
    # Each side walks its (sensitivity, gallery_date, id) index backwards and stops early.
    image_rows = (
        images.order_by()
        .annotate(kind=Value("image", output_field=CharField()))
        .values_list("pk", "kind", "gallery_date")
    )
    media_rows = media.order_by().annotate(kind=F("type")).values_list("pk", "kind", "gallery_date")
    rows = image_rows.union(media_rows, all=True).order_by("-gallery_date", "-pk")
    if count is None:
        paginator = Paginator(rows, ITEMS_PER_PAGE)
    else:
        paginator = _CountedPaginator(rows, ITEMS_PER_PAGE, count)
    page = paginator.get_page(page_number)
    # The page's keys are cached beside the facet counts, under the same version and day.
    key = f"{_facet_cache_key(album, filters)}:page:{page.number}"
    listed = cache.get(key)
    if listed is None:
        listed = list(page.object_list)
        cache.set(key, listed, FACET_CACHE_SECONDS)
    page.object_list = listed
    image_pks = [pk for pk, kind, _date in page.object_list if kind == "image"]
    media_pks = [pk for pk, kind, _date in page.object_list if kind != "image"]
    # Checked again: the cached keys must never outlive an item's privacy.
    images = ArchiveImage.objects.filter(public_q(ArchiveImage), pk__in=image_pks)
    media = ArchiveMedia.objects.filter(public_q(ArchiveMedia), pk__in=media_pks)
    loaded = {("image", obj.pk): obj for obj in images.prefetch_renditions()}
    loaded.update({("media", obj.pk): obj for obj in media})
    page.items = [
        loaded[("image" if kind == "image" else "media", pk)]
        for pk, kind, _date in page.object_list
        if ("image" if kind == "image" else "media", pk) in loaded
    ]
    return page


def album_index(album=None):
    """The albums with public items, newest event first: [(album, count, cover)], the cover
    only when it is public itself. Counted once per catalogue version (and day)."""
    from media_archive.models import Album, ArchiveImage

    def count():
        images, media = _base_querysets(album)
        counts = _merge_counts(_value_counts(images, "album_id"), _value_counts(media, "album_id"))
        return counts

    day = timezone.localdate().isoformat()
    key = f"media_archive:gallery:albums:{catalogue_version()}:{day}:{album.pk if album else 'all'}"
    counts = cache.get(key)
    if counts is None:
        counts = count()
        cache.set(key, counts, FACET_CACHE_SECONDS)
    albums = list(Album.objects.filter(pk__in=counts).select_related(None))
    cover_ids = [a.cover_id for a in albums if a.cover_id]
    covers = {
        image.pk: image
        for image in ArchiveImage.objects.filter(
            public_q(ArchiveImage), pk__in=cover_ids
        ).prefetch_renditions()
    }
    return [(a, counts[a.pk], covers.get(a.cover_id)) for a in albums]
