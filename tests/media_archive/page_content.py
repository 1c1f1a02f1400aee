"""Archive items as pages show them, for the tests of what pages may show and hold back."""

from django.core.files.uploadedfile import SimpleUploadedFile

from media_archive.factories import ArchiveImageFactory
from tests.media_archive import files


def photo(title, seed=3):
    """An archive photo with a real JPEG file, its public renditions made (as the
    background worker leaves it)."""
    picture = SimpleUploadedFile("p.jpg", files.jpeg_bytes(seed=seed, size=(300, 200)))
    return ArchiveImageFactory(title=title, file=picture, make_renditions=True)


def image_block(image):
    """A page body's image block showing `image`."""
    return ("image", {"image": {"image": image, "decorative": True, "alt_text": ""}, "caption": ""})
