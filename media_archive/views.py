"""Public downloads of archive images, in the sizes the agency permits, without GPS or
camera serial numbers (renditions are made by `privacy.PrivateMetadataStrippingFilter`)."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _

from helpers.georgian import slugify_georgian
from media_archive.models import ArchiveImage
from media_archive.privacy import can_see_everything, is_public

RETRY_AFTER_SECONDS = 60
DOWNLOAD_SIZES = {
    "medium": "max-1280x1280|format-jpeg",
    "large": "max-2560x2560|format-jpeg",
}


def download_image(request, pk, size):
    spec = DOWNLOAD_SIZES.get(size)
    if spec is None:
        raise Http404
    image = get_object_or_404(ArchiveImage, pk=pk)
    public = is_public(image)
    if not public and not can_see_everything(request.user):
        raise Http404  # the same answer as for an id that does not exist
    # Never made here (media_archive.renditions): the worker makes it after the upload.
    rendition = image.get_rendition(spec)
    if rendition.is_placeholder:
        response = HttpResponse(
            _("This picture is still being prepared. Please try again in a minute."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    name = slugify_georgian(image.title) or slugify(image.title) or f"image-{image.pk}"
    response = FileResponse(
        rendition.file.open("rb"), as_attachment=True, filename=f"{name}-{size}.jpg"
    )
    response["Cache-Control"] = "public" if public else "private, no-store"
    return response
