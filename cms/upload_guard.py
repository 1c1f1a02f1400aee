"""Losing the disk: when the media storage is read-only or full, every upload in the admin
(Wagtail's image and document forms and multi-upload, wagtailmedia, the archive's own
upload) is refused with a message in the admin's language instead of a 500, and leaves
nothing behind: no row, no file, no half-written file.

- ``MediaStorage`` (the default storage) removes a file it could not finish writing and
  remembers, for the current upload request, every file it did write.
- ``UploadGuardMiddleware`` runs each multipart POST of the admin in one transaction. When a
  disk error (read-only file system, no space, permission denied, quota) escapes a view, it
  rolls the transaction back, deletes the files the request wrote, logs the error and answers:
  JSON for Wagtail's multi-upload (which shows ``error_message`` beside the file), otherwise
  a redirect back to the form with the message.
"""

import contextvars
import errno
import logging
import os

from django.contrib import messages
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

DISK_ERRNOS = {errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EFBIG}

# Names the storage wrote during the current upload request; None outside one.
_written = contextvars.ContextVar("upload_guard_written", default=None)


def is_disk_error(error):
    while error is not None:
        if isinstance(error, OSError) and error.errno in DISK_ERRNOS:
            return True
        error = error.__cause__ or error.__context__
    return False


def refusal_message():
    return _(
        "The file could not be saved: the media storage is full or cannot be written to. "
        "Nothing was added. Please tell the site administrator."
    )


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            saved = super()._save(name, content)
        except OSError as error:
            if is_disk_error(error):
                self._remove_partial(name)
            raise
        written = _written.get()
        if written is not None:
            written.append(saved)
        return saved

    def _remove_partial(self, name):
        # FileSystemStorage creates the file before writing it: a full disk leaves a stub.
        try:
            path = self.path(name)
            if os.path.isfile(path):
                os.remove(path)
        except OSError:
            pass


def _is_upload(request):
    return request.method == "POST" and request.content_type == "multipart/form-data"


def _wants_json(request):
    return (
        request.headers.get("x-requested-with") == "XMLHttpRequest"
        or "application/json" in request.headers.get("accept", "")
        or "/multiple/" in request.path_info
    )


class UploadGuardMiddleware:
    """After authentication and messages; only for the admin's uploads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (_is_upload(request) and request.path_info.startswith("/admin/")):
            return self.get_response(request)
        written = []
        token = _written.set(written)
        request._upload_guard_written = written
        try:
            with transaction.atomic():
                return self.get_response(request)
        finally:
            _written.reset(token)

    def process_exception(self, request, exception):
        written = getattr(request, "_upload_guard_written", None)
        if written is None or not is_disk_error(exception):
            return None
        logger.error("Upload refused: the media storage cannot be written", exc_info=exception)
        transaction.set_rollback(True)
        from django.core.files.storage import default_storage

        for name in written:
            try:
                default_storage.delete(name)
            except OSError:
                logger.warning("Could not remove %s after a refused upload", name)
        message = refusal_message()
        if _wants_json(request):
            return JsonResponse({"success": False, "error_message": message})
        messages.error(request, message)
        return HttpResponseRedirect(request.get_full_path())
