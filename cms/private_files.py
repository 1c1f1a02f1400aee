"""Files that only staff with the right permission may read: correspondence attachments
and replies. They live outside MEDIA_ROOT (PRIVATE_FILES_ROOT), so the media view never serves
them; `serve` sends one only to a user with the permission its app registered for its folder."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.deconstruct import deconstructible

# Uploads the desk accepts: office documents, PDFs, scans.
PRIVATE_FILE_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "jpg",
    "jpeg",
    "png",
    "tif",
    "tiff",
]
PRIVATE_FILE_MAX_SIZE = 20 * 1024 * 1024


@deconstructible
class PrivateStorage(FileSystemStorage):
    """FileSystemStorage under settings.PRIVATE_FILES_ROOT, read when first used (so that
    the tests' temporary folder applies), with no URL."""

    def __init__(self):
        super().__init__(location=None, base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_FILES_ROOT

    @property
    def location(self):
        return str(Path(settings.PRIVATE_FILES_ROOT).resolve())

    def url(self, name):
        # The admin view below, which checks the reader's permission for the file's folder.
        return reverse("private_file", args=[name])


private_storage = PrivateStorage()


def file_response(handle, name):
    """The open file as a download, never cached."""
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# First folder of a file's name → (permission needed to read it, callback(request, name) run
# before it is sent, e.g. to write the audit log). Apps register their folders.
_FOLDERS = {}


def register_folder(folder, permission, on_download=None):
    _FOLDERS[folder] = (permission, on_download)


def serve(request, name):
    """Admin view: the private file `name`, to a user with its folder's permission."""
    folder = name.split("/", 1)[0]
    if folder not in _FOLDERS or ".." in name.split("/") or name.startswith("/"):
        raise Http404
    permission, on_download = _FOLDERS[folder]
    if not request.user.has_perm(permission):
        raise PermissionDenied
    if not private_storage.exists(name):
        raise Http404
    if on_download is not None:
        on_download(request, name)
    return file_response(private_storage.open(name, "rb"), Path(name).name)
