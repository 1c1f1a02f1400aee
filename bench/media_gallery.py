"""Faceted gallery request and duplicate lookups over 100,000 catalogued archive items,
each beside its baseline measured in the same run.

    nice -n 10 .venv/bin/python bench/media_gallery.py [COUNT]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ssa_media nice -n 10 \\
        .venv/bin/python bench/media_gallery.py [COUNT] [--postgres-only]

COUNT defaults to 100,000 (80 % photos, 20 % video and audio). Rows are written with raw
multi-row inserts into a throw-away database (SQLite in memory; with DATABASE_URL also a
temporary PostgreSQL database next to the one it names, dropped afterwards); no files.

1. Gallery: the real request of an ArchiveGalleryPage (media_archive.gallery: five facets
   by year, event, type, photographer and tag, plus the first page of results), unfiltered
   and filtered by year + photographer or by event; cold (facet cache cleared before each
   request: every facet counted) and warm (facet counts from the cache, the first page
   still queried); with the gallery's indexes (migration 0004), then with those dropped.
2. Exact duplicate (SHA-256): duplicates.find_exact_duplicate with and without the index.
3. Near duplicate (perceptual hash within 6 bits): duplicates.find_near_duplicate, which
   looks up four indexed 16-bit hash bands, beside the linear scan over every hash that
   it replaced.
4. First view of a gallery page of 24 newly imported camera files (`--first-view`, also
   run by default first): 24 real files from ../shared/corpora/exif-samples (JPEG, HEIC,
   TIFF; generated 12 MP JPEGs where the corpus is missing) are imported with
   media_archive.ingest into a migrated SQLite database with the production task backend
   (django-tasks-db's database queue); the import rate is printed beside Wagtail's plain
   image creation of the same files; then the worker (`db_worker --batch`) makes the
   renditions, and the first view of the gallery page (empty caches: every facet counted,
   every picture looked up) is timed beside a warm view, through Django's whole request
   stack. The rule: first view at most twice a warm view. The views are also timed once
   before the worker has run (placeholders: a visitor's request makes no rendition).
Times are medians of repeated runs; the ratios are the figures to compare.

    nice -n 10 .venv/bin/python bench/media_gallery.py --first-view-only
"""

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def analyze(connection):
    """Statistics, and on PostgreSQL the visibility map that autovacuum keeps in service:
    without it no index-only scan is possible."""
    return "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"


def median_seconds(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def insert_rows(model, rows, fixed):
    """Raw multi-row inserts: every column at its model default unless given."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    given = list(rows[0]) if rows else []
    defaults = {
        f.column: f.get_db_prep_save(fixed.get(f.attname, f.get_default()), connection)
        for f in fields
        if f.attname not in given
    }
    columns = given + list(defaults)
    column_names = [
        model._meta.get_field(name).column if name in given else name for name in columns
    ]
    default_values = tuple(defaults.values())
    placeholders = ", ".join(["%s"] * len(columns))
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} "
        f"({', '.join(connection.ops.quote_name(c) for c in column_names)}) VALUES ({placeholders})"
    )
    with connection.cursor() as cursor:
        for offset in range(0, len(rows), 5000):
            batch = rows[offset : offset + 5000]
            cursor.executemany(sql, [tuple(row.values()) + default_values for row in batch])


def generate(count):
    """COUNT catalogued items with realistic spreads of years, events, people and tags."""
    import datetime
    import json

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem
    from wagtail.models import Collection, Locale, Page, ReferenceIndex

    from media_archive.duplicates import hash_bands
    from media_archive.models import ArchiveImage, ArchiveMedia, gallery_columns

    rng = random.Random(5)
    Locale.objects.get_or_create(language_code="ka")
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    root_page = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    events = [f"ღონისძიება {n}" for n in range(300)]
    people = [f"ფოტოგრაფი {n}" for n in range(40)]
    tags = Tag.objects.bulk_create([Tag(name=f"თეგი {n}", slug=f"tag-{n}") for n in range(200)])
    start = timezone.make_aware(datetime.datetime(2010, 1, 1))
    now = timezone.now()
    span_seconds = 16 * 365 * 24 * 3600

    def catalogue(number):
        public = rng.random() < 0.9
        date_taken = start + datetime.timedelta(seconds=rng.randrange(span_seconds))
        return {
            "title": f"item {number}",
            "caption_ka": f"აღწერა {number}",
            "date_taken": date_taken,
            # what save() stores; raw inserts, like a bulk import, must fill them too
            **gallery_columns(date_taken, now),
            "event_name": rng.choice(events),
            "credit": rng.choice(people),
            "sensitivity": "public" if public else "internal",
            "rights_kind": rng.choice(["agency", "agency", "agency", "licensed", ""]),
            "consent_status": rng.choice(["not_needed", "not_needed", "on_file", ""]),
            "sha256": f"{rng.getrandbits(256):064x}",
        }

    fixed = {
        "collection_id": collection.pk,
        "created_at": now,
        "technical_metadata": json.dumps({}),
        "licence": "CC BY 4.0",
    }
    image_count = count * 4 // 5
    image_rows = []
    for number in range(image_count):
        perceptual_hash = f"{rng.getrandbits(64):016x}"
        bands = hash_bands(perceptual_hash)
        image_rows.append(
            {
                **catalogue(number),
                "file": f"original_images/item-{number}.jpg",
                "width": 4000,
                "height": 3000,
                "perceptual_hash": perceptual_hash,
                **{f"phash_band_{n}": band for n, band in enumerate(bands)},
            }
        )
    insert_rows(ArchiveImage, image_rows, fixed)
    media_rows = [
        {
            **catalogue(number),
            "file": f"media/item-{number}.mp4",
            "type": rng.choice(["video", "video", "audio"]),
            "duration": 60,
        }
        for number in range(image_count, count)
    ]
    insert_rows(ArchiveMedia, media_rows, fixed)
    images = list(ArchiveImage.objects.only("pk", "sha256", "perceptual_hash"))
    tagged = []
    for model in (ArchiveImage, ArchiveMedia):
        content_type = ContentType.objects.get_for_model(model)
        for pk in model.objects.values_list("pk", flat=True):
            for tag in rng.sample(tags, 2):
                tagged.append(
                    {"tag_id": tag.pk, "content_type_id": content_type.pk, "object_id": pk}
                )
    insert_rows(TaggedItem, tagged, {})
    # Some items used on pages: the gallery must check each against the reference index.
    page_type = ContentType.objects.get_for_model(Page)
    image_type = ContentType.objects.get_for_model(ArchiveImage)
    references = [
        ReferenceIndex(
            content_type=page_type,
            base_content_type=page_type,
            # the live root page, or a page nobody may see
            object_id=str(rng.choice([root_page.pk, 999_999])),
            to_content_type=image_type,
            to_object_id=str(image.pk),
            model_path="header_image",
            content_path=f"header_image.{image.pk}",
            content_path_hash=ReferenceIndex._get_content_path_hash(f"header_image.{image.pk}"),
        )
        for image in rng.sample(images, min(5000, len(images)))
    ]
    ReferenceIndex.objects.bulk_create(references, batch_size=2000)
    return images


class Indexes:
    """Drop some indexes of the archive tables and put them back, by the database's own
    definition of each: those named in `names`, or those on no other columns than
    `columns`."""

    def __init__(self, connection, columns=(), names=()):
        from media_archive.models import ArchiveImage, ArchiveMedia

        self.connection = connection
        self.definitions = {}
        with connection.cursor() as cursor:
            for model in (ArchiveImage, ArchiveMedia):
                table = model._meta.db_table
                constraints = connection.introspection.get_constraints(cursor, table)
                for name, details in constraints.items():
                    if name in names or (
                        details["index"]
                        and not details["primary_key"]
                        and not details["unique"]
                        and details["columns"]
                        and set(details["columns"]) <= set(columns)
                    ):
                        self.definitions[name] = self._definition(cursor, name)

    def _definition(self, cursor, name):
        if self.connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE type='index' AND name=%s", [name])
        return cursor.fetchone()[0]

    def drop(self):
        with self.connection.cursor() as cursor:
            for name in self.definitions:
                cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute(analyze(self.connection))

    def restore(self):
        with self.connection.cursor() as cursor:
            for definition in self.definitions.values():
                cursor.execute(definition)
            cursor.execute(analyze(self.connection))


def linear_scan_near_duplicate(perceptual_hash):
    """The lookup find_near_duplicate replaced: every stored hash compared in Python."""
    from media_archive.duplicates import NEAR_DUPLICATE_MAX_DISTANCE
    from media_archive.models import ArchiveImage

    target = int(perceptual_hash, 16)
    best = None
    rows = ArchiveImage.objects.exclude(perceptual_hash="").values_list("pk", "perceptual_hash")
    for pk, other in rows.iterator(chunk_size=5000):
        distance = (target ^ int(other, 16)).bit_count()
        if distance <= NEAR_DUPLICATE_MAX_DISTANCE and (best is None or distance < best[1]):
            best = (pk, distance)
    return ArchiveImage.objects.get(pk=best[0]) if best else None


def near_copies(images, count, rng):
    """Hashes of resized copies: an existing hash with up to 6 bits flipped, and hashes
    with no near duplicate at all."""
    hashes = []
    for image in rng.sample(images, count):
        value = int(image.perceptual_hash, 16)
        for bit in rng.sample(range(64), rng.randint(1, 6)):
            value ^= 1 << bit
        hashes.append((f"{value:016x}", image.pk))
    return hashes


def worker(count):
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from media_archive import duplicates, gallery

    settings.DATABASES["default"].setdefault("TEST", {})
    # Tables straight from the models: the data migrations' rows are made by generate().
    settings.DATABASES["default"]["TEST"]["MIGRATE"] = False
    if connection.vendor == "postgresql":
        settings.DATABASES["default"]["TEST"]["NAME"] = (
            settings.DATABASES["default"]["NAME"] + "_gallery_bench"
        )
    started = time.perf_counter()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    print(f"[{connection.vendor}] tables created in {time.perf_counter() - started:.1f} s")
    try:
        started = time.perf_counter()
        images = generate(count)
        with connection.cursor() as cursor:
            cursor.execute(analyze(connection))
        print(
            f"[{connection.vendor}] {count:,} items generated in "
            f"{time.perf_counter() - started:.1f} s"
        )

        from django.core.cache import cache
        from django.test.utils import CaptureQueriesContext

        from media_archive.models import ArchiveImage, ArchiveMedia

        def gallery_request(query):
            """What ArchiveGalleryPage.get_context asks of media_archive.gallery."""
            filters = gallery.GalleryFilters.from_query(query)
            facets = gallery.facet_counts(None, filters)
            count = gallery.matching_count(facets, filters)
            page = gallery.result_page(None, filters, 1, count=count)
            assert len(page.items) == min(gallery.ITEMS_PER_PAGE, count)
            return facets, [item.pk for item in page.items]

        def cold(query):
            cache.clear()
            return gallery_request(query)

        queries = {
            "all": {},
            "year+photographer": {"year": "2020", "photographer": "ფოტოგრაფი 7"},
            "event": {"event": "ღონისძიება 12"},
        }
        # The indexes migration 0004 adds for the gallery (models.gallery_indexes).
        added = {
            index.name
            for model in (ArchiveImage, ArchiveMedia)
            for index in model._meta.indexes
            if "_public_" in index.name
        }
        indexes = Indexes(connection, names=added)
        assert set(indexes.definitions) == added, "the gallery's indexes are missing"
        answers = {name: cold(q) for name, q in queries.items()}  # also warms content types
        with CaptureQueriesContext(connection) as counted:
            cold({})
        cold_queries = len(counted.captured_queries)
        with CaptureQueriesContext(connection) as counted:
            gallery_request({})
        warm_queries = len(counted.captured_queries)

        def measure():
            figures = {}
            for name, q in queries.items():
                assert cold(q) == answers[name]  # the same answer with or without indexes
                figures[name, "cold"] = median_seconds(lambda q=q: cold(q), 3)
                gallery_request(q)
                figures[name, "warm"] = median_seconds(lambda q=q: gallery_request(q), 5)
            return figures

        with_indexes = measure()
        indexes.drop()
        without = measure()
        indexes.restore()
        load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
        print(
            f"  machine load average {load} on {os.cpu_count()} cores (wall times inflate)\n"
            f"  gallery request (5 facets + first page of 24), {cold_queries} queries cold, "
            f"{warm_queries} warm (facet counts cached); without = the same request with "
            f"the {len(added)} indexes of migration 0004 dropped"
        )
        for name in queries:
            for state in ("cold", "warm"):
                w, wo = with_indexes[name, state], without[name, state]
                print(
                    f"    {name:18} {state}  with indexes {w * 1000:8.1f} ms | "
                    f"without {wo * 1000:8.1f} ms | {wo / w:5.1f}× faster with"
                )

        rng = random.Random(11)
        checksums = [image.sha256 for image in rng.sample(images, 200)]

        def exact_lookups():
            for checksum in checksums:
                assert duplicates.find_exact_duplicate(checksum) is not None

        sha_index = Indexes(connection, columns={"sha256"})
        exact_with = median_seconds(exact_lookups, 3) / len(checksums)
        sha_index.drop()
        exact_without = median_seconds(exact_lookups, 1) / len(checksums)
        sha_index.restore()
        print(
            f"  exact duplicate (SHA-256) per lookup: indexed {exact_with * 1000:.2f} ms | "
            f"no index {exact_without * 1000:.2f} ms | {exact_without / exact_with:.0f}× faster"
        )

        probes = near_copies(images, 20, rng)
        fresh = [f"{rng.getrandbits(64):016x}" for _ in range(20)]

        def band_lookups():
            for perceptual_hash, original_pk in probes:
                assert duplicates.find_near_duplicate(perceptual_hash).pk == original_pk
            for perceptual_hash in fresh:
                duplicates.find_near_duplicate(perceptual_hash)

        def scan_lookups():
            for perceptual_hash, original_pk in probes[:5]:
                assert linear_scan_near_duplicate(perceptual_hash).pk == original_pk

        band = median_seconds(band_lookups, 3) / (len(probes) + len(fresh))
        scan = median_seconds(scan_lookups, 1) / 5
        print(
            f"  near duplicate (≤6 bits) per lookup: hash bands {band * 1000:.2f} ms | "
            f"linear scan {scan * 1000:.1f} ms | {scan / band:.0f}× faster"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


FIRST_VIEW_ITEMS = 24


def corpus_files(count):
    """`count` real camera files, alternating kinds (JPEG, HEIC, TIFF), or None."""
    for folder in (ROOT, *ROOT.parents):
        corpus = folder / "shared" / "corpora" / "exif-samples"
        if corpus.is_dir():
            break
    else:
        return None
    kinds = {
        kind: sorted(p for p in (corpus / kind).rglob("*") if p.is_file())
        for kind in ("jpg", "heic", "tiff")
    }
    picked = []
    while len(picked) < count and any(kinds.values()):
        for kind in ("jpg", "jpg", "heic", "tiff"):
            if kinds[kind] and len(picked) < count:
                picked.append(kinds[kind].pop(0))
    return picked


def generated_files(count, folder):
    from PIL import Image

    paths = []
    for number in range(count):
        path = Path(folder) / f"generated-{number}.jpg"
        Image.effect_noise((4000, 3000), 40 + number).convert("RGB").save(path, quality=90)
        paths.append(path)
    return paths


def first_view_worker():
    """Runs with DATABASE_URL pointing at a fresh SQLite file and MEDIA_ROOT at a temporary
    folder (set by main())."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.files.images import ImageFile
    from django.core.management import call_command
    from django.test import Client, override_settings
    from wagtail.images.models import Image

    from media_archive import ingest, renditions
    from media_archive.models import ArchiveGalleryPage, ArchiveImage
    from tests.utils import make_locales, make_site_tree

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"[first view] migrated in {time.perf_counter() - started:.0f} s")
    make_locales()
    home = make_site_tree()["ka"]
    gallery = ArchiveGalleryPage(title="ფოტოარქივი", slug="photo-archive")
    home.add_child(instance=gallery)

    files = corpus_files(FIRST_VIEW_ITEMS)
    source = "../shared/corpora/exif-samples"
    if not files:
        files = generated_files(FIRST_VIEW_ITEMS, os.environ["MEDIA_ROOT"])
        source = "generated 12 MP JPEGs (corpus missing)"

    # Plain Wagtail: the stock image model, the file stored, the row written.
    started = time.perf_counter()
    for path in files:
        with open(path, "rb") as handle:
            Image.objects.create(title=path.stem, file=ImageFile(handle, name=path.name))
    plain = time.perf_counter() - started

    public = {"rights_kind": "agency", "consent_status": "not_needed"}
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        started = time.perf_counter()
        outcomes = []
        for path in files:
            with open(path, "rb") as handle:
                outcomes.append(ingest.ingest(handle, path.name, defaults=public))
        archive = time.perf_counter() - started
        imported = [o.item for o in outcomes if o.item is not None]
        refused = [f"{o.name}: {o.reason}" for o in outcomes if o.item is None]

        client = Client()
        url = gallery.url

        def view():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response

        cache.clear()
        started = time.perf_counter()
        before = view().content.decode()
        placeholder_view = time.perf_counter() - started
        assert renditions.progress()[0] == 0, "a visitor's request made a rendition"
        assert before.count("archive-item__pending") == len(imported)

        started = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        worker = time.perf_counter() - started
    ready, total = renditions.progress()
    made = sum(image.renditions.count() for image in ArchiveImage.objects.all())

    cache.clear()  # the first view after the import: nothing cached, every facet counted
    started = time.perf_counter()
    html = view().content.decode()
    first = time.perf_counter() - started
    assert html.count("<picture>") == ready, "every imported picture is shown"
    warm = median_seconds(view, 5)

    print(
        f"  {len(files)} files from {source}: {len(imported)} imported, "
        f"{len(refused)} refused{': ' + '; '.join(refused) if refused else ''}\n"
        f"  import: archive (checks, metadata, hashes, duplicates; renditions queued) "
        f"{len(files) / archive:.2f} files/s | plain Wagtail image creation "
        f"{len(files) / plain:.2f} files/s | {archive / plain:.1f}× the time of plain\n"
        f"  worker: {made} renditions of {ready}/{total} images in {worker:.1f} s "
        f"({worker / max(ready, 1):.2f} s an image), none in a visitor's request\n"
        f"  gallery view before the worker ran (placeholders): {placeholder_view * 1000:.0f} ms\n"
        f"  gallery page of {ready} new items: first view {first * 1000:.0f} ms | warm view "
        f"{warm * 1000:.0f} ms | first/warm {first / warm:.2f} (rule: at most 2.00: "
        f"{'met' if first <= 2 * warm else 'NOT met'})"
    )
    from django.conf import settings

    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def run_first_view():
    folder = tempfile.mkdtemp(prefix="gallery-first-view-")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ssa.settings.test",
        "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
        "MEDIA_ROOT": folder,
    }
    try:
        subprocess.run(  # noqa: S603 - this script, again, as the worker
            [sys.executable, __file__, "--first-view-worker"], env=environment, check=True
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    if "--first-view-only" in sys.argv:
        run_first_view()
        return
    arguments = [a for a in sys.argv[1:] if a not in ("--postgres-only", "--first-view")]
    count = int(arguments[0]) if arguments else 100_000
    run_first_view()
    if "--first-view" in sys.argv:
        return
    runs = [] if "--postgres-only" in sys.argv else [None]  # None: SQLite in memory
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        runs.append(os.environ["DATABASE_URL"])
    for database_url in runs:
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "ssa.settings.test"}
        environment.pop("DATABASE_URL", None)
        if database_url:
            environment["DATABASE_URL"] = database_url
        subprocess.run(  # noqa: S603 - this script, again, as the worker
            [sys.executable, __file__, "--worker", str(count)], env=environment, check=True
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--first-view-worker"]:
        first_view_worker()
    elif sys.argv[1:2] == ["--worker"]:
        worker(int(sys.argv[2]))
    else:
        main()
