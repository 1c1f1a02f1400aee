"""The archive's catalogue listings in the admin: filters on the catalogue fields, the
"needs cataloguing" queue and the report of rights and consent about to expire (both are
filters of the same listing, so staff can combine them with the others)."""

import datetime

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from media_archive import duplicate_review, duplicates, retention
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


THUMBNAIL_SPEC = "fill-160x120"  # one of the sizes made ahead (renditions.EVERY_IMAGE)


class CatalogueDateColumn(Column):
    """The date itself in Georgian or English (catalogue_dates), not Wagtail's "N years
    ago"."""

    cell_template_name = "media_archive/tables/date_cell.html"


class ThumbnailColumn(Column):
    """A small picture of the item. Looked up, never made in the listing's request: the
    worker makes this size ahead (a placeholder until it has); a video shows its poster."""

    cell_template_name = "media_archive/tables/thumbnail_cell.html"

    def __init__(self, name="thumbnail", **kwargs):
        super().__init__(name, label=_("Picture"), **kwargs)

    def get_value(self, instance):
        from media_archive import renditions

        if isinstance(instance, ArchiveImage):
            return renditions.existing_or_placeholders(instance, [THUMBNAIL_SPEC])[THUMBNAIL_SPEC]
        return instance.thumbnail or None


class DuplicateReviewColumn(Column):
    """A link to the side-by-side review of an image flagged as a possible duplicate."""

    cell_template_name = "media_archive/tables/duplicate_cell.html"

    def __init__(self, name="near_duplicate_of", **kwargs):
        super().__init__(name, label=_("Possible duplicate"), **kwargs)

    def get_value(self, instance):
        if instance.near_duplicate_of_id is None:
            return ""
        return reverse("media_archive_catalogue:duplicate", args=[instance.pk])


def _catalogue_columns(edit_url_name):
    return [
        # The bulk catalogue edit (bulk_actions.py) works on the ticked rows.
        BulkActionsCheckboxColumn("bulk_actions", obj_type="archive"),
        ThumbnailColumn(),
        TitleColumn(
            "title",
            label=_("Title"),
            url_name=edit_url_name,
            get_title_id=lambda item: f"archive_{item.pk}_title",
        ),
        CatalogueDateColumn("date_taken", label=_("Date taken"), sort_key="date_taken"),
        Column("credit", label=_("Photographer / credit"), sort_key="credit"),
        Column("event_name", label=_("Event"), sort_key="event_name"),
        Column("get_sensitivity_display", label=_("Sensitivity")),
        Column("get_rights_kind_display", label=_("Rights")),
        CatalogueDateColumn("rights_expiry", label=_("Rights expire on"), sort_key="rights_expiry"),
        Column("get_consent_status_display", label=_("Consent")),
        CatalogueDateColumn(
            "consent_expiry", label=_("Consent expires on"), sort_key="consent_expiry"
        ),
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
    columns = [*_catalogue_columns("wagtailimages:edit"), DuplicateReviewColumn()]

    @property
    def permission_policy(self):
        return image_permission_policy()

    def get_base_queryset(self):
        # Only the collections the user may change (the listing, its filters and its
        # "select all" alike); the thumbnails' renditions in one query for the page.
        return (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .select_related("album")
            .prefetch_renditions(THUMBNAIL_SPEC)
        )


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
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).select_related("album")


def media_permission_policy():
    from wagtailmedia.permissions import permission_policy

    return permission_policy


def changeable(user):
    """(model, items of it the user may change) for images and for audio/video: a role
    sees only the collections it has rights on."""
    return [
        (ArchiveImage, image_permission_policy().instances_user_has_permission_for(user, "change")),
        (ArchiveMedia, media_permission_policy().instances_user_has_permission_for(user, "change")),
    ]


def may_use_catalogue(user):
    return image_permission_policy().user_has_any_permission(
        user, ["change"]
    ) or media_permission_policy().user_has_any_permission(user, ["change"])


class RetentionReportForm(forms.Form):
    days = forms.IntegerField(
        label=_("Days ahead"),
        min_value=0,
        max_value=retention.MAX_WARNING_DAYS,
        required=False,
        initial=retention.DEFAULT_WARNING_DAYS,
        help_text=_("Items whose retention ends within this many days, and those past it."),
    )


class RetentionReportView(WagtailAdminTemplateMixin, TemplateView):
    """Items past or near the end of their retention period, with the file-plan code, the
    first thing a disposal review needs."""

    template_name = "media_archive/retention_report.html"
    page_title = _("Retention report")
    header_icon = "time"
    per_page = 100

    def dispatch(self, request, *args, **kwargs):
        if not may_use_catalogue(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = RetentionReportForm(self.request.GET or None)
        days = retention.DEFAULT_WARNING_DAYS
        if form.is_bound and form.is_valid() and form.cleaned_data["days"] is not None:
            days = form.cleaned_data["days"]
        rows = []
        for model, items in changeable(self.request.user):
            for item, ends_on, days_left in retention.due_items(items, days):
                rows.append(
                    {
                        "item": item,
                        "edit_url": duplicates.admin_edit_url(item),
                        "kind": model._meta.verbose_name,
                        "ends_on": ends_on,
                        "overdue_days": -days_left if days_left < 0 else None,
                        "days_left": days_left if days_left >= 0 else None,
                    }
                )
        rows.sort(key=lambda row: (row["ends_on"], row["item"].title))
        page = Paginator(rows, self.per_page).get_page(self.request.GET.get("p"))
        context.update(
            {
                "form": form,
                "days": days,
                "page_obj": page,
                "rows": page.object_list,
                "overdue_count": sum(1 for row in rows if row["overdue_days"] is not None),
                "total": len(rows),
            }
        )
        return context


REVIEW_SPEC = "max-1280x1280"  # made ahead for every archive image (renditions.EVERY_IMAGE)


class DuplicateReviewView(WagtailAdminTemplateMixin, TemplateView):
    """An image flagged as a possible duplicate beside the image it resembles, with their
    catalogues, and the decision: keep both, or keep one (duplicate_review.replace)."""

    template_name = "media_archive/duplicate_review.html"
    page_title = _("Possible duplicate")
    header_icon = "image"

    def dispatch(self, request, pk):
        policy = image_permission_policy()
        changeable_images = policy.instances_user_has_permission_for(request.user, "change")
        # Not found, rather than forbidden, for an image in a collection the user may not
        # see: the answer must not tell that it exists.
        self.image = changeable_images.filter(pk=pk, near_duplicate_of__isnull=False).first()
        if self.image is None:
            raise Http404
        self.other = changeable_images.filter(pk=self.image.near_duplicate_of_id).first()
        if self.other is None:
            raise Http404
        return super().dispatch(request, pk)

    def post(self, request, pk):
        decision = request.POST.get("decision")
        listing = reverse("media_archive_catalogue:images") + "?near_duplicate=true"
        if decision == "keep_both":
            duplicate_review.keep_both(self.image)
            messages.success(request, _("Both images are kept; the flag is cleared."))
            return redirect(listing)
        if decision not in ("keep_flagged", "keep_earlier"):
            messages.error(request, _("Choose what to do with the two images."))
            return redirect(request.path)
        keep, remove = (
            (self.image, self.other) if decision == "keep_flagged" else (self.other, self.image)
        )
        try:
            outcome = duplicate_review.replace(keep=keep, remove=remove)
        except duplicate_review.ReplacementRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(request.path)
        messages.success(
            request,
            _("«%(removed)s» is removed; everything that used it now shows «%(kept)s».")
            % {"removed": outcome.removed_title, "kept": outcome.kept.title},
        )
        return redirect(listing)

    def get_context_data(self, **kwargs):
        from media_archive import renditions

        sides = []
        for key, image in (("flagged", self.image), ("earlier", self.other)):
            sides.append(
                {
                    "key": key,
                    "image": image,
                    "picture": renditions.existing_or_placeholders(image, [REVIEW_SPEC])[
                        REVIEW_SPEC
                    ],
                    "in_use": duplicate_review.is_in_use(image),
                    "usage_count": image.get_usage().count(),
                }
            )
        return {
            **super().get_context_data(**kwargs),
            "sides": sides,
            "distance": duplicates.hamming_distance(
                self.image.perceptual_hash or "0", self.other.perceptual_hash or "0"
            ),
        }


def vocabulary_suggestions(request, kind):
    """Names of people, places or events matching what the archivist has typed."""
    from media_archive import vocabularies

    if not may_use_catalogue(request.user):
        return permission_denied(request)
    if kind not in vocabularies.VOCABULARIES:
        raise Http404
    return JsonResponse(
        {"results": vocabularies.vocabulary_suggestions(kind, request.GET.get("q", ""))}
    )
