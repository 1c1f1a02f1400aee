"""Import rate of the media archive beside Wagtail's plain image creation, same run.

    .venv/bin/python bench/media_import.py [COUNT] [MEGAPIXELS] [BATCH]

The issue asks for 1,000 JPEGs of 12 megapixels; on the 2-core build machine that takes
far longer than the 3-minute bench budget, so the default is 8 files of 12 MP (pass a
larger COUNT where time allows). Both sides read the same files from disk, store them in
a temporary MEDIA_ROOT and write a record to a temporary SQLite database; the archive side
also decodes the whole image (truncation and bomb checks), hashes it twice (SHA-256,
difference hash), reads EXIF/IPTC/XMP and looks for duplicates.

Files are made and timed in batches of BATCH (default 50): each batch goes through plain
creation, then through the archive import, so both sides see the same disk cache and the
same table sizes, and a running line after every batch gives both rates so far (a long
run that has to be stopped still leaves comparable figures).
"""

import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "ssa.settings.test"
_handle, _database_path = tempfile.mkstemp(prefix="media-bench-", suffix=".db")
os.close(_handle)
os.environ["DATABASE_URL"] = "sqlite:///" + _database_path


def make_jpegs(folder, numbers, base):
    from PIL import ImageDraw

    from tests.media_archive.files import camera_exif

    width, height = base.size
    paths = []
    for number in numbers:
        rng = random.Random(number)
        image = base.copy()
        draw = ImageDraw.Draw(image)
        for _ in range(8):  # every file a different picture, so none is a duplicate
            x, y = rng.randrange(width), rng.randrange(height)
            radius = rng.randrange(100, width // 3)
            colour = tuple(rng.randrange(256) for _ in range(3))
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
        path = folder / f"photo-{number:04d}.jpg"
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85, exif=camera_exif())
        path.write_bytes(buffer.getvalue())
        paths.append(path)
    return paths


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    megapixels = float(sys.argv[2]) if len(sys.argv) > 2 else 12
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 50

    import django

    django.setup()
    from django.conf import settings
    from django.core.files import File
    from django.core.management import call_command
    from PIL import Image
    from wagtail.images.models import Image as WagtailImage

    from media_archive import ingest
    from media_archive.models import ArchiveImage

    work = Path(tempfile.mkdtemp(prefix="media-bench-files-"))
    database = settings.DATABASES["default"]["NAME"]
    try:
        call_command("migrate", verbosity=0)
        width = int((megapixels * 1_000_000 * 4 / 3) ** 0.5)
        height = width * 3 // 4
        base = Image.effect_noise((width, height), 40).convert("RGB")
        plain_seconds = archive_seconds = 0.0
        imported = 0
        for first in range(0, count, batch):
            numbers = range(first, min(first + batch, count))
            paths = make_jpegs(work, numbers, base)

            started = time.perf_counter()
            for path in paths:
                with path.open("rb") as fileobj:
                    WagtailImage.objects.create(title=path.stem, file=File(fileobj, name=path.name))
            plain_seconds += time.perf_counter() - started

            started = time.perf_counter()
            results = [ingest.ingest_path(path) for path in paths]
            archive_seconds += time.perf_counter() - started

            imported += sum(result.status == ingest.IMPORTED for result in results)
            assert imported == ArchiveImage.objects.count(), [r.reason for r in results]
            for path in paths:
                path.unlink()
            done = numbers.stop
            print(
                f"  {done:5d} files: plain {done / plain_seconds:6.2f} files/s, "
                f"archive {done / archive_seconds:6.2f} files/s",
                flush=True,
            )

        assert imported == count, imported
        plain_rate = count / plain_seconds
        archive_rate = count / archive_seconds
        print(f"{count} JPEGs of {width}×{height} ({width * height / 1e6:.1f} MP)")
        print(f"Wagtail plain image creation: {plain_rate:6.2f} files/s")
        print(f"Media archive import:         {archive_rate:6.2f} files/s")
        print(f"Archive import runs at {archive_rate / plain_rate:.2f}× the plain rate")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
        if database and os.path.exists(database):
            os.remove(database)


if __name__ == "__main__":
    main()
