import factory
import wagtail_factories

from media_archive.models import ArchiveDocument, ArchiveImage


class ArchiveImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"ფოტო {n}")
    file = factory.django.ImageField(width=1600, height=900, color="steelblue")

    class Meta:
        model = ArchiveImage


class ArchiveDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"დოკუმენტი {n}")
    file = factory.django.FileField(filename="forma.pdf", data=b"%PDF-1.4 demo")

    class Meta:
        model = ArchiveDocument
