from django.urls import include, path, reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.hooks import PUBLIC_PAGE_CHECK
from media_archive import admin_views, media_upload, renditions
from media_archive.bulk_actions import CatalogueBulkEditAction, CatalogueExportAction
from media_archive.models import Album
from media_archive.privacy import can_see_everything, publishable_q, validate_page_media
from media_archive.vocabularies import Event, Person, Place

# Every public page type refuses, on save, an archive item the public may not see.
hooks.register(PUBLIC_PAGE_CHECK, validate_page_media)


@hooks.register("construct_image_chooser_queryset")
def only_publishable_images(images, request):
    """Editors choose pictures for public pages here: internal items, items without valid
    consent and items with expired rights are not offered."""
    return images.filter(publishable_q())


@hooks.register("construct_media_chooser_queryset")
def only_publishable_media(media, request):
    return media.filter(publishable_q())


catalogue_urls = (
    [
        path("images/", admin_views.ImageCatalogueView.as_view(), name="images"),
        path(
            "images/results/",
            admin_views.ImageCatalogueView.as_view(results_only=True),
            name="images_results",
        ),
        path("media/", admin_views.MediaCatalogueView.as_view(), name="media"),
        path(
            "media/results/",
            admin_views.MediaCatalogueView.as_view(results_only=True),
            name="media_results",
        ),
        path("retention/", admin_views.RetentionReportView.as_view(), name="retention"),
        path(
            "vocabulary/<slug:kind>/",
            admin_views.vocabulary_suggestions,
            name="vocabulary",
        ),
        path(
            "duplicates/<int:pk>/",
            admin_views.DuplicateReviewView.as_view(),
            name="duplicate",
        ),
    ],
    "media_archive_catalogue",
)


@hooks.register("register_admin_urls")
def register_catalogue_urls():
    return [path("archive-catalogue/", include(catalogue_urls))]


upload_urls = (
    [path("media/", media_upload.add_several, name="media")],
    "media_archive_upload",
)


@hooks.register("register_admin_urls")
def register_upload_urls():
    return [path("archive-upload/", include(upload_urls))]


class MediaUploadMenuItem(MenuItem):
    def is_shown(self, request):
        return media_upload.permission_checker.policy.user_has_permission(request.user, "add")


class CatalogueMenuItem(MenuItem):
    def __init__(self, label, url_name, query="", **kwargs):
        super().__init__(label, format_lazy("{}{}", reverse_lazy(url_name), query), **kwargs)

    def is_shown(self, request):
        return admin_views.image_permission_policy().user_has_any_permission(
            request.user, ["change"]
        )


class ArchiveReportMenuItem(CatalogueMenuItem):
    """A report over photos and audio/video alike."""

    def is_shown(self, request):
        return admin_views.may_use_catalogue(request.user)


catalogue_menu = Menu(
    items=[
        MediaUploadMenuItem(
            _("Upload several videos and recordings"),
            reverse_lazy("media_archive_upload:media"),
            icon_name="upload",
            order=50,
        ),
        CatalogueMenuItem(_("Photo catalogue"), "media_archive_catalogue:images", order=100),
        CatalogueMenuItem(
            _("Video and audio catalogue"), "media_archive_catalogue:media", order=200
        ),
        CatalogueMenuItem(
            _("Photos needing cataloguing"),
            "media_archive_catalogue:images",
            "?needs_cataloguing=true",
            order=300,
        ),
        CatalogueMenuItem(
            _("Video and audio needing cataloguing"),
            "media_archive_catalogue:media",
            "?needs_cataloguing=true",
            order=400,
        ),
        CatalogueMenuItem(
            _("Photos: rights or consent expiring"),
            "media_archive_catalogue:images",
            "?expiring=true",
            order=500,
        ),
        CatalogueMenuItem(
            _("Video and audio: rights or consent expiring"),
            "media_archive_catalogue:media",
            "?expiring=true",
            order=600,
        ),
        ArchiveReportMenuItem(
            _("Retention report"), "media_archive_catalogue:retention", order=700
        ),
    ]
)


@hooks.register("register_admin_menu_item")
def register_catalogue_menu():
    return SubmenuMenuItem(
        _("Media archive"), catalogue_menu, icon_name="folder-open-inverse", order=310
    )


class AlbumViewSet(SnippetViewSet):
    model = Album
    icon = "folder-open-1"
    menu_label = _("Albums")
    add_to_admin_menu = False
    list_display = ["title_ka", "title_en", "event_date", "cover"]
    list_filter = ["event_date"]
    search_fields = ["title_ka", "title_en"]


register_snippet(AlbumViewSet)


class VocabularyViewSet(SnippetViewSet):
    add_to_admin_menu = False
    list_display = ["name_ka", "name_en"]
    search_fields = ["name_ka", "name_en"]
    ordering = ["name_ka"]


class PersonViewSet(VocabularyViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")


class PlaceViewSet(VocabularyViewSet):
    model = Place
    icon = "site"
    menu_label = _("Places")


class EventViewSet(VocabularyViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")


register_snippet(PersonViewSet)
register_snippet(PlaceViewSet)
register_snippet(EventViewSet)


hooks.register("register_bulk_action", CatalogueBulkEditAction)
hooks.register("register_bulk_action", CatalogueExportAction)


class RenditionsProgressPanel(Component):
    """How many archive images already have every picture the public site shows; the
    others wait for the background worker (media_archive.renditions)."""

    name = "archive_renditions"
    order = 150
    template_name = "media_archive/renditions_panel.html"

    def get_context_data(self, parent_context):
        ready, total = renditions.progress()
        return {"ready": ready, "total": total, "waiting": total - ready}


@hooks.register("construct_homepage_panels")
def add_renditions_progress(request, panels):
    if can_see_everything(request.user):
        panels.append(RenditionsProgressPanel())
