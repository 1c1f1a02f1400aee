"""Demo content of the media archive: one event album with catalogued photos and a public
gallery page (Georgian, with its English translation). Looks before it creates."""

import datetime
import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Locale

from cms.models import HomePage
from media_archive.factories import AlbumFactory, ArchiveImageFactory
from media_archive.models import Album, ArchiveImage
from media_archive.pages import ArchiveGalleryPage

DEMO_FOLDER = "demo/2024-05-17 press conference"
GALLERY_SLUG = "mediaarkivi"
PHOTOS = [
    ("პრესკონფერენციის გახსნა", "Opening of the press conference", "ნინო ბერიძე", ["პენსია"]),
    ("სააგენტოს დირექტორის სიტყვა", "The director's address", "ნინო ბერიძე", ["პენსია"]),
    ("შეხვედრა ჟურნალისტებთან", "Meeting with journalists", "გიორგი კაპანაძე", ["მედია"]),
]


def _picture(seed):
    rng = random.Random(seed)  # noqa: S311 - demo pictures, not secrets
    image = Image.new("RGB", (1600, 1067), (230, 236, 242))
    draw = ImageDraw.Draw(image)
    for _ in range(10):
        x, y, radius = rng.randrange(1600), rng.randrange(1067), rng.randrange(80, 400)
        colour = tuple(rng.randrange(40, 220) for _ in range(3))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def ensure_album(report):
    album = Album.objects.filter(source_folder=DEMO_FOLDER).first()
    if album is not None:
        return album
    album = AlbumFactory(
        title_ka="პრესკონფერენცია",
        title_en="Press conference",
        event_date=datetime.date(2024, 5, 17),
        source_folder=DEMO_FOLDER,
    )
    report.created.append(f"album: {album.title_ka}")
    taken = timezone.make_aware(datetime.datetime(2024, 5, 17, 11, 0))
    for position, (caption_ka, caption_en, credit, tags) in enumerate(PHOTOS, start=1):
        image = ArchiveImageFactory(
            title=caption_ka,
            file=SimpleUploadedFile(f"press-{position}.jpg", _picture(position)),
            caption_ka=caption_ka,
            caption_en=caption_en,
            credit=credit,
            date_taken=taken + datetime.timedelta(minutes=10 * position),
            event_name=album.title_ka,
            place_name="თბილისი",
            album=album,
            album_position=position,
            file_plan_code="01-07",
            retention_years=10,
            # What the background worker does after an upload: without it the demo's
            # public pages would show "being prepared" until `make_renditions` is run.
            make_renditions=True,
        )
        image.tags.add(*tags)
        report.created.append(f"image: {image.title}")
        if album.cover_id is None:
            album.cover = image
            album.save(update_fields=["cover"])
    return album


def ensure_gallery(report):
    georgian = Locale.objects.get(language_code="ka")
    home = HomePage.objects.filter(locale=georgian, depth=2).first()
    if home is None:
        return
    gallery = home.get_children().filter(slug=GALLERY_SLUG).specific().first()
    if gallery is None:
        gallery = ArchiveGalleryPage(
            title="მედიაარქივი",
            slug=GALLERY_SLUG,
            intro="სააგენტოს ღონისძიებების ფოტო, ვიდეო და აუდიო მასალა.",
            locale=georgian,
        )
        home.add_child(instance=gallery)
        gallery.save_revision().publish()
        report.created.append(f"ka: {gallery.title}")
    english = Locale.objects.filter(language_code="en").first()
    if english and gallery.get_translation_or_none(english) is None:
        translation = gallery.copy_for_translation(english)
        translation.title = "Media archive"
        translation.slug = "media-archive"
        translation.intro = "Photos, video and audio from the agency's events."
        translation.save_revision().publish()
        report.created.append(f"en: {translation.title}")


def seed(report):
    ensure_album(report)
    ensure_gallery(report)
    if not ArchiveImage.objects.filter(sensitivity="internal", album__source_folder=DEMO_FOLDER):
        ArchiveImageFactory(
            title="შიდა სამუშაო ფოტო",
            file=SimpleUploadedFile("internal.jpg", _picture(99)),
            sensitivity="internal",
            album=Album.objects.get(source_folder=DEMO_FOLDER),
        )
        report.created.append("image: შიდა სამუშაო ფოტო")
