import factory
import wagtail_factories

from media_archive import collections
from media_archive.models import Album, ArchiveDocument, ArchiveImage, ArchiveMedia
from media_archive.renditions import make_public_renditions


class ArchiveDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"დოკუმენტი {n}")
    # Under the root, named in Georgian (wagtail-factories would make a root of its own,
    # "Test collection", per item).
    collection = factory.LazyFunction(collections.press_documents)
    file = factory.django.FileField(filename="forma.pdf", data=b"%PDF-1.4 demo")

    class Meta:
        model = ArchiveDocument


class AlbumFactory(factory.django.DjangoModelFactory):
    title_ka = factory.Sequence(lambda n: f"ღონისძიება {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")

    class Meta:
        model = Album


class ArchiveImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"ფოტო {n}")
    collection = factory.LazyFunction(collections.photo_archive)
    # Small: renditions (AVIF above all) cost CPU by the pixel, and no test needs more.
    file = factory.django.ImageField(width=480, height=270, color="steelblue")
    rights_kind = "agency"
    consent_status = "not_needed"
    sensitivity = "public"

    class Meta:
        model = ArchiveImage

    @classmethod
    def _create(cls, model_class, *args, make_renditions=False, **kwargs):
        """Rows as the upload leaves them, before the background worker has made the
        public renditions (each costs CPU: 13 per image). `make_renditions=True` runs the
        worker's task as well, for tests of what visitors see."""
        image = model_class(*args, **kwargs)
        image.renditions_left_to_caller = True
        image.save()
        if make_renditions:
            make_public_renditions.call(image.pk)
            image.refresh_from_db()
        return image


class ArchiveMediaFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"ვიდეო {n}")
    collection = factory.LazyFunction(collections.photo_archive)
    type = "video"
    duration = 12.5
    file = factory.django.FileField(filename="clip.mp4", data=b"\x00\x00\x00\x18ftypmp42")
    public_file = factory.django.FileField(filename="clip.mp4", data=b"\x00\x00\x00\x18ftypmp42")
    rights_kind = "agency"
    consent_status = "not_needed"
    sensitivity = "public"

    class Meta:
        model = ArchiveMedia

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        media = model_class(*args, **kwargs)
        # The bytes above are no playable video: skip ffprobe (tests/media_archive/files.py
        # makes real ones).
        media.catalogue_read_from_file = True
        media.save()
        return media
