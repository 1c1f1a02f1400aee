"""Every file under MEDIA_URL goes through here, in every environment, so that what the
archive refuses on its pages cannot be fetched by guessing a file's address.

Django decides; the bytes come from Django itself or, with MEDIA_ACCEL_MODE, from the web
server in front of it (nginx's X-Accel-Redirect or Apache's X-Sendfile), which then keeps
the files in a location the public cannot reach directly.

What each folder holds, and who may fetch it:
- original_images/  the uploaded photos, with GPS and camera serials: staff only;
- images/           renditions (GPS and serials stripped): anyone, while the image is public;
- media_public/     video and audio with their metadata removed: anyone, while public;
- media_thumbnails/ video posters (frames made by ffmpeg): anyone, while public;
- media/            video and audio as uploaded, with their metadata: staff only;
- documents/        never: Wagtail's document view checks collection privacy;
- anything else     staff only.
"""

import mimetypes
import os
import posixpath
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from media_archive import byte_ranges, privacy

PUBLIC_MAX_AGE = 60 * 60  # an item withdrawn from the public is gone from caches within the hour
NEVER_SERVED_FOLDERS = ("documents",)


def storage_name(url_path):
    """The file's name in storage, or None for anything that leaves MEDIA_ROOT or is not a
    plain relative path."""
    if not url_path or "\x00" in url_path or "\\" in url_path or url_path.startswith("/"):
        return None
    name = posixpath.normpath(url_path)
    if name in (".", "..") or name.startswith("../") or name != url_path.rstrip("/"):
        return None
    return name


def _public_item_for(folder, name):
    """The archive item a rendition, poster or public copy belongs to, if that item is not
    held back (its publishability is checked on the loaded row): one query, or none for
    folders the public never gets."""
    from media_archive.models import ArchiveImage, ArchiveMedia, ArchiveRendition

    if folder == "images":
        rendition = (
            ArchiveRendition.objects.filter(file=name)
            .filter(privacy.not_held_back_q(ArchiveImage, "image_id"))
            .select_related("image")
            .only("pk", "image")
            .first()
        )
        return rendition.image if rendition else None
    if folder in ("media_public", "media_thumbnails"):
        field = "public_file" if folder == "media_public" else "thumbnail"
        return (
            ArchiveMedia.objects.filter(**{field: name})
            .filter(privacy.not_held_back_q(ArchiveMedia))
            .first()
        )
    return None


def _file_response(request, name, path):
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    mode = settings.MEDIA_ACCEL_MODE
    if mode == "nginx":
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = quote(settings.MEDIA_ACCEL_PREFIX + name)
        return response
    if mode == "sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = path
        return response
    # Behind nginx or Apache the web server answers Range requests itself.
    return _django_file_response(request, path, content_type)


def _django_file_response(request, path, content_type):
    """The whole file, or the single byte range asked for (206), or 416."""
    stat = os.stat(path)
    last_modified = http_date(stat.st_mtime)
    byte_range = None
    # If-Range names the copy the client already holds part of; another copy means the
    # whole file. No ETags are sent, so only the date can match.
    if_range = request.headers.get("If-Range")
    if request.method in ("GET", "HEAD") and if_range in (None, last_modified):
        try:
            byte_range = byte_ranges.requested_range(request.headers.get("Range"), stat.st_size)
        except byte_ranges.Unsatisfiable:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{stat.st_size}"
            response["Accept-Ranges"] = "bytes"
            return response
    if byte_range is None:
        response = FileResponse(open(path, "rb"), content_type=content_type)  # noqa: SIM115 - closed by Django
    else:
        first, last = byte_range
        response = StreamingHttpResponse(
            byte_ranges.read_range(path, first, last), status=206, content_type=content_type
        )
        response["Content-Range"] = f"bytes {first}-{last}/{stat.st_size}"
        response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = last_modified
    return response


def serve_media_file(request, path):
    name = storage_name(path)
    if name is None:
        raise Http404
    try:
        full_path = default_storage.path(name)
    except SuspiciousFileOperation as error:
        raise Http404 from error
    folder = name.split("/", 1)[0]
    if folder in NEVER_SERVED_FOLDERS:
        raise Http404

    public = False
    item = _public_item_for(folder, name)
    if item is not None and privacy.is_publishable(item):
        public = True
    elif not privacy.can_see_everything(request.user):
        raise Http404  # refused looks exactly like missing

    if not os.path.isfile(full_path):
        raise Http404
    response = _file_response(request, name, full_path)
    if public and response.status_code in (200, 206):
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response
