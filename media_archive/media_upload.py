"""Several videos and recordings uploaded at once in the admin. wagtailmedia adds one file
per form; here every file goes through `ingest.ingest`, the path `import_media` takes, so
an upload is checked, probed, given a poster and a public copy, and refused as a duplicate
exactly as an import is. One bad file is reported by name and the others carry on.

A plain form POST answered with a page of outcomes: it works without JavaScript."""

import logging
import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.collections import CollectionChoiceField
from wagtail.models import Collection
from wagtailmedia.permissions import MediaPermissionPolicyChecker

from cms import upload_guard
from media_archive import duplicates, extraction, ingest
from media_archive.models import Album

logger = logging.getLogger(__name__)
permission_checker = MediaPermissionPolicyChecker()


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A list of uploaded files. Empty files pass here so that each is reported by name with
    the others, instead of failing the whole form."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data or []) if upload]
        if not uploads:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(upload, initial) for upload in uploads]


class MediaMultiUploadForm(forms.Form):
    files = MultipleFileField(
        label=gettext_lazy("Video and audio files"),
        help_text=gettext_lazy(
            "Choose several files at once (MP4, MOV, MP3, WAV). Each is checked on its own; "
            "a file that cannot be accepted does not stop the others."
        ),
    )
    collection = CollectionChoiceField(
        label=gettext_lazy("Collection"), queryset=Collection.objects.none()
    )
    album = forms.ModelChoiceField(
        label=gettext_lazy("Album"),
        queryset=Album.objects.all(),
        required=False,
        help_text=gettext_lazy("Optional: the album every file of this upload belongs to."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        collections = permission_checker.policy.collections_user_has_permission_for(user, "add")
        self.fields["collection"].queryset = collections.order_by("path")
        if not self.is_bound and collections:
            self.fields["collection"].initial = collections.order_by("path").first()
        for name, field in self.fields.items():
            field_id = self.auto_id % name
            # Screen readers announce the help and, after a failed submit, the error.
            field.widget.attrs["aria-describedby"] = f"{field_id}-helptext {field_id}-errors"


def ingest_upload(uploaded, **kwargs):
    """One uploaded file through the archive's ingest. ffprobe and ffmpeg read a path, so a
    file Django kept in memory is first written to a temporary file (removed afterwards)."""
    options = {
        "extensions": ingest.MEDIA_EXTENSIONS,
        "max_size": settings.ARCHIVE_MEDIA_MAX_UPLOAD_SIZE,
        **kwargs,
    }
    try:
        if hasattr(uploaded, "temporary_file_path"):
            path = uploaded.temporary_file_path()
            return ingest.ingest(uploaded, uploaded.name, source_path=path, **options)
        with tempfile.NamedTemporaryFile(suffix=Path(uploaded.name).suffix) as copy:
            for chunk in uploaded.chunks():
                copy.write(chunk)
            copy.flush()
            return ingest.ingest(uploaded, uploaded.name, source_path=copy.name, **options)
    except Exception as error:  # noqa: BLE001 - one file's failure must not lose the others'
        logger.exception("Upload of %s to the media archive failed", uploaded.name)
        if upload_guard.is_disk_error(error):
            return ingest.IngestResult(
                ingest.SKIPPED, uploaded.name, reason=upload_guard.refusal_message()
            )
        return ingest.IngestResult(
            ingest.SKIPPED, uploaded.name, reason=_("could not be stored (the error is logged)")
        )


def outcome_of(result):
    """What the outcome page shows for one file: the result and the admin links it needs."""
    return {
        "result": result,
        "item_url": duplicates.admin_edit_url(result.item) if result.item else "",
        "near_url": (
            duplicates.admin_edit_url(result.near_duplicate_of) if result.near_duplicate_of else ""
        ),
    }


@permission_checker.require("add")
def add_several(request):
    outcomes = []
    if request.method == "POST":
        form = MediaMultiUploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            chosen = {
                "collection": form.cleaned_data["collection"],
                "album": form.cleaned_data["album"],
            }
            outcomes = [
                outcome_of(ingest_upload(uploaded, user=request.user, **chosen))
                for uploaded in form.cleaned_data["files"]
            ]
            # The next batch usually goes to the same place.
            form = MediaMultiUploadForm(user=request.user, initial=chosen)
    else:
        form = MediaMultiUploadForm(user=request.user)
    statuses = [outcome["result"].status for outcome in outcomes]
    return render(
        request,
        "media_archive/media_upload.html",
        {
            "form": form,
            "outcomes": outcomes,
            "created_count": statuses.count(ingest.IMPORTED),
            "refused_count": len(statuses) - statuses.count(ingest.IMPORTED),
            "media_tools_available": extraction.media_tools_available(),
            "IMPORTED": ingest.IMPORTED,
            "DUPLICATE": ingest.DUPLICATE,
        },
    )
