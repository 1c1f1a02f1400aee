"""Renditions of archive images made ahead of time, in the background, never in a visitor's
request.

A camera original is 12 to 50 megapixels (HEIC and TIFF among them): making the nine sizes
and formats of one gallery picture takes seconds, and a gallery page of 24 new photos made
them all inside the first visitor's request (223 s). Here:

- after an image is stored (import, admin upload, a replaced file or a moved focal point) a
  task of Wagtail 8's django-tasks makes every rendition the public site uses for it
  (`EVERY_IMAGE`); an image that a page, snippet or the site settings show also gets the
  page sizes (`ON_PAGES`), queued again whenever Wagtail has indexed what such an object
  refers to, or a page's revision is saved. In development and tests the task runs at once
  (django-tasks' immediate backend); in production a database queue and its worker
  (django-tasks-db, `manage.py db_worker`, see the README);
- in a visitor's request (anything outside /admin/, `VisitorRequestMiddleware`) an archive
  image only ever looks its renditions up: a missing one is a placeholder (`placeholder`),
  shown until the worker has made it. Staff in the admin and commands still make them on
  demand;
- the admin shows how far the work is (`progress`), and `manage.py make_renditions` makes
  what is missing for images stored before this existed.

`EVERY_IMAGE` and `ON_PAGES` list each size a public template or view asks for
(tests/media_archive/test_renditions_ahead.py reads the templates and fails on a size
missing here).
"""

import contextvars
import logging

from django.templatetags.static import static
from django_tasks import task
from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

# What every public archive image is shown in: the gallery's picture (three formats, three
# widths), site search (thumbnail and the full-size link) and the two downloads.
GALLERY_PICTURE = ("format-{avif,webp,jpeg}", "width-{320,640,960}")
EVERY_IMAGE = (
    *Filter.expand_spec(list(GALLERY_PICTURE)),
    "fill-160x120",
    "max-1280x1280",
    "max-1280x1280|format-jpeg",
    "max-2560x2560|format-jpeg",
)
# What pages show of the images chosen for them: a gallery's header, a news page's or a
# block's picture, a news card, a partner's logo, the share card (navigation.sharing).
ON_PAGES = (
    *Filter.expand_spec(["format-{avif,webp,jpeg}", "width-{640,1200}"]),
    *Filter.expand_spec(["format-{webp,jpeg}", "width-{480,800,1200}"]),
    "fill-480x270|format-webp",
    "max-240x120",
    "fill-1200x630",
)
PLACEHOLDER = "img/picture-pending.svg"

# True while a visitor's request is being answered: archive images then make no rendition.
_visitor_request = contextvars.ContextVar("archive_visitor_request", default=False)


def may_make_renditions():
    return not _visitor_request.get()


class VisitorRequestMiddleware:
    """Marks every request outside the admin as a visitor's: no rendition is made in it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _visitor_request.set(not request.path_info.startswith("/admin/"))
        try:
            return self.get_response(request)
        finally:
            _visitor_request.reset(token)


def placeholder(image, filter):
    """An unsaved rendition standing in for one not made yet: the size the real one will
    have, the placeholder picture as its address."""
    from media_archive.models import ArchiveRendition

    try:
        width, height = filter.get_transform(image).size
    except Exception:  # a spec Wagtail cannot size without the file; any box will do
        width, height = image.width or 1, image.height or 1
    rendition = ArchiveRendition(
        image=image, filter_spec=filter.spec, width=width, height=height, file=""
    )
    rendition.is_placeholder = True
    return rendition


def placeholder_url():
    return static(PLACEHOLDER)


def existing_or_placeholders(image, filters):
    """{spec: rendition} of the renditions already made, placeholders for the others;
    never makes one."""
    filters = [
        image.clean_filter_for_svg(f if isinstance(f, Filter) else Filter(spec=f)) for f in filters
    ]
    filters = list(dict.fromkeys(filters))
    found = image.find_existing_renditions(*filters)
    missing = [f.spec for f in filters if f not in found]
    if missing:
        logger.info("Image %s: renditions not made yet, placeholders shown: %s", image.pk, missing)
    return {f.spec: found.get(f) or placeholder(image, f) for f in filters}


def is_ready(image):
    """Whether every rendition a gallery shows of the image exists (the prefetched ones,
    when the caller prefetched them)."""
    filters = [Filter(spec=spec) for spec in Filter.expand_spec(list(GALLERY_PICTURE))]
    return len(image.find_existing_renditions(*filters)) == len(filters)


def shown_by_pages(image):
    """Whether a page, a snippet or the site settings (anything Wagtail's reference index
    covers), or a page's latest or scheduled draft, shows the image: it then needs the
    page sizes too."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    from cms.models import SiteSettings
    from media_archive.models import DraftReference

    image_type = ContentType.objects.get_for_model(type(image))
    return (
        ReferenceIndex.objects.filter(
            to_content_type=image_type, to_object_id=str(image.pk)
        ).exists()
        or DraftReference.objects.filter(content_type=image_type, object_id=image.pk).exists()
        or SiteSettings.objects.filter(share_image_id=image.pk).exists()
    )


@task()
def make_public_renditions(image_id):
    """Every rendition the public site uses of one image (the page sizes too when something
    shows it); those that exist are kept. Marks the image ready, which also tells the
    gallery and the page cache (through the image's save) that its pictures can be shown."""
    from media_archive.models import ArchiveImage

    image = ArchiveImage.objects.filter(pk=image_id).first()
    if image is None:  # deleted while waiting in the queue
        return 0
    # The immediate backend runs this wherever it was queued; the work is the task's own.
    allowed = _visitor_request.set(False)
    try:
        return _make(image, EVERY_IMAGE + (ON_PAGES if shown_by_pages(image) else ()))
    finally:
        _visitor_request.reset(allowed)


def _make(image, specs):
    made = 0
    try:
        existing = image.find_existing_renditions(*(Filter(spec=s) for s in specs))
        missing = [s for s in specs if Filter(spec=s) not in existing]
        if missing:
            image.get_renditions(*missing)
            made = len(missing)
    except Exception:
        # A file that went missing or cannot be decoded any more: the image keeps its
        # placeholders; the reason is in the log and the admin count shows it as waiting.
        logger.exception("Renditions of archive image %s could not be made", image.pk)
        return 0
    if not image.public_renditions_ready:
        image.public_renditions_ready = True
        image.save(update_fields=["public_renditions_ready"])
    return made


def enqueue(image_ids):
    """Queue the renditions of these images. As Wagtail queues its own tasks: at once, in
    the current transaction, so that with the database backend the task is committed or
    rolled back with the image itself (a worker never waits for a row that does not
    exist, a rolled-back upload leaves no task); the immediate backend makes them here."""
    for image_id in image_ids:
        make_public_renditions.enqueue(image_id)


def images_referenced_by(app_label, model_name, object_id):
    """Keys of the archive images an object refers to, by Wagtail's reference index."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    from media_archive.models import ArchiveImage

    model = apps.get_model(app_label, model_name)
    return [
        int(key)
        for key in ReferenceIndex.objects.filter(
            base_content_type=ReferenceIndex._get_base_content_type(model),
            object_id=str(object_id),
            to_content_type=ContentType.objects.get_for_model(ArchiveImage),
        ).values_list("to_object_id", flat=True)
    ]


def _reference_index_updated(sender, task_result, **kwargs):
    """Wagtail has indexed what a page, snippet or setting refers to (at once, or in the
    worker): the images it shows get their page sizes."""
    if task_result.task.name != "update_reference_index_task" or len(task_result.args) != 3:
        return
    try:
        enqueue(images_referenced_by(*task_result.args))
    except LookupError:  # a model removed since the task was queued
        return


def _site_settings_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.share_image_id:
        enqueue([instance.share_image_id])


def connect():
    """Called once from the app config."""
    from django.db.models.signals import post_save
    from django_tasks.signals import task_finished

    from cms.models import SiteSettings

    task_finished.connect(_reference_index_updated, dispatch_uid="archive-renditions-references")
    post_save.connect(
        _site_settings_saved, sender=SiteSettings, dispatch_uid="archive-renditions-settings"
    )


def progress():
    """(ready, total) images: the admin's count of the work still to do."""
    from media_archive.models import ArchiveImage

    total = ArchiveImage.objects.count()
    ready = ArchiveImage.objects.filter(public_renditions_ready=True).count()
    return ready, total
