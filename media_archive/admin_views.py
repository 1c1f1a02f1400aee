"""The archive's catalogue listings in the admin: filters on the catalogue fields, the
"needs cataloguing" queue and the report of rights and consent about to expire (both are
filters of the same listing, so staff can combine them with the others)."""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.permissions import policy_registry

from media_archive.models import (
    Album,
    ArchiveImage,
    ArchiveMedia,
    ConsentStatus,
    RightsKind,
    Sensitivity,
)
from media_archive.privacy import publishable_q

EXPIRY_WARNING_DAYS = 30


def image_permission_policy():
    return policy_registry.get_by_type(ArchiveImage)


def needs_cataloguing_q():
    """Missing caption, date or rights: the queue the archivist works through."""
    return Q(caption_ka="") | Q(date_taken__isnull=True) | Q(rights_kind="")


def expiring_q(days=EXPIRY_WARNING_DAYS, on=None):
    on = on or timezone.localdate()
    until = on + datetime.timedelta(days=days)
    return Q(rights_expiry__range=(on, until)) | Q(consent_expiry__range=(on, until))


class CatalogueFilterSet(WagtailFilterSet):
    sensitivity = django_filters.ChoiceFilter(label=_("Sensitivity"), choices=Sensitivity.choices)
    rights_kind = django_filters.ChoiceFilter(
        label=_("Rights"),
        choices=[(value or "none", label) for value, label in RightsKind.choices],
        method="filter_rights_kind",
    )
    consent_status = django_filters.ChoiceFilter(
        label=_("Consent"),
        choices=[(value or "none", label) for value, label in ConsentStatus.choices],
        method="filter_consent_status",
    )
    minors_shown = django_filters.BooleanFilter(label=_("Minors shown"))
    album = django_filters.ModelChoiceFilter(label=_("Album"), queryset=Album.objects.all())
    year = django_filters.NumberFilter(label=_("Year taken"), field_name="date_taken__year")
    credit = django_filters.CharFilter(label=_("Photographer / credit"), lookup_expr="icontains")
    file_plan_code = django_filters.CharFilter(label=_("File-plan code"), lookup_expr="istartswith")
    publishable = django_filters.BooleanFilter(
        label=_("May be used publicly"), method="filter_publishable"
    )
    needs_cataloguing = django_filters.BooleanFilter(
        label=_("Needs cataloguing"), method="filter_needs_cataloguing"
    )
    expiring = django_filters.BooleanFilter(
        label=_("Rights or consent expire within 30 days"), method="filter_expiring"
    )
    near_duplicate = django_filters.BooleanFilter(
        label=_("Possible duplicate to review"),
        field_name="near_duplicate_of",
        lookup_expr="isnull",
        exclude=True,
    )

    def filter_rights_kind(self, queryset, name, value):
        return queryset.filter(rights_kind="" if value == "none" else value)

    def filter_consent_status(self, queryset, name, value):
        return queryset.filter(consent_status="" if value == "none" else value)

    def filter_publishable(self, queryset, name, value):
        return queryset.filter(publishable_q()) if value else queryset.exclude(publishable_q())

    def filter_needs_cataloguing(self, queryset, name, value):
        q = needs_cataloguing_q()
        return queryset.filter(q) if value else queryset.exclude(q)

    def filter_expiring(self, queryset, name, value):
        q = expiring_q()
        return queryset.filter(q) if value else queryset.exclude(q)


class ImageCatalogueFilterSet(CatalogueFilterSet):
    class Meta:
        model = ArchiveImage
        fields = []


class MediaCatalogueFilterSet(CatalogueFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Type"),
        field_name="type",
        choices=[("video", _("Video")), ("audio", _("Audio"))],
    )

    class Meta:
        model = ArchiveMedia
        fields = []


def _catalogue_columns(edit_url_name):
    return [
        # The bulk catalogue edit (bulk_actions.py) works on the ticked rows.
        BulkActionsCheckboxColumn("bulk_actions", obj_type="archive"),
        TitleColumn(
            "title",
            label=_("Title"),
            url_name=edit_url_name,
            get_title_id=lambda item: f"archive_{item.pk}_title",
        ),
        DateColumn("date_taken", label=_("Date taken"), sort_key="date_taken"),
        Column("credit", label=_("Photographer / credit"), sort_key="credit"),
        Column("event_name", label=_("Event"), sort_key="event_name"),
        Column("get_sensitivity_display", label=_("Sensitivity")),
        Column("get_rights_kind_display", label=_("Rights")),
        DateColumn("rights_expiry", label=_("Rights expire on"), sort_key="rights_expiry"),
        Column("get_consent_status_display", label=_("Consent")),
        DateColumn("consent_expiry", label=_("Consent expires on"), sort_key="consent_expiry"),
        Column("file_plan_code", label=_("File-plan code"), sort_key="file_plan_code"),
    ]


class ImageCatalogueView(IndexView):
    model = ArchiveImage
    filterset_class = ImageCatalogueFilterSet
    any_permission_required = ["change"]
    index_url_name = "media_archive_catalogue:images"
    index_results_url_name = "media_archive_catalogue:images_results"
    edit_url_name = "wagtailimages:edit"
    page_title = _("Photo catalogue")
    template_name = "media_archive/catalogue_index.html"
    header_icon = "image"
    paginate_by = 50
    default_ordering = "-created_at"
    search_fields = ["title", "caption_ka", "caption_en", "people_shown", "event_name", "credit"]
    search_backend_name = None  # plain database lookups over the catalogue columns
    columns = _catalogue_columns("wagtailimages:edit")

    @property
    def permission_policy(self):
        return image_permission_policy()

    def get_base_queryset(self):
        return ArchiveImage.objects.select_related("album")


class MediaCatalogueView(ImageCatalogueView):
    model = ArchiveMedia
    filterset_class = MediaCatalogueFilterSet
    index_url_name = "media_archive_catalogue:media"
    index_results_url_name = "media_archive_catalogue:media_results"
    edit_url_name = "wagtailmedia:edit"
    page_title = _("Video and audio catalogue")
    header_icon = "media"
    columns = _catalogue_columns("wagtailmedia:edit")

    @property
    def permission_policy(self):
        from wagtailmedia.permissions import permission_policy

        return permission_policy

    def get_base_queryset(self):
        return ArchiveMedia.objects.select_related("album")
