"""Analytics reports in the Wagtail admin, read from the daily rollups.

Every report is a Wagtail ReportView, so every table downloads as CSV and XLSX; the period
comes from analytics.daterange, which never fails on a bad query string.
"""

from django.db.models import Sum
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.redirects.views import CreateView as RedirectCreateView
from wagtail.models import Page

from analytics.charts import trend_chart
from analytics.daterange import PRESETS, parse_date_range
from analytics.models import DailyRollup, Dimension

NONE_LABEL = _("(none)")


def can_view_reports(user):
    return user.is_active and user.has_perm("analytics.view_reports")


def percent_change(current, previous):
    if not previous:
        return None
    return round((current - previous) * 100 / previous, 1)


class LinkColumn(Column):
    """A cell holding one link: the row's value at `accessor` is {"url": …, "label": …}."""

    cell_template_name = "analytics/tables/link_cell.html"


class AnalyticsView(ReportView):
    template_name = "analytics/report.html"
    header_icon = "table"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            return permission_denied(request)
        self.date_range, self.date_error = parse_date_range(request.GET)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Dashboard")},
            {"url": reverse("analytics_reports:overview"), "label": _("Analytics")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_filename(self):
        slug = getattr(self, "slug", "report")
        return f"analytics-{slug}-{self.date_range.start}-{self.date_range.end}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["date_range"] = self.date_range
        context["date_error"] = self.date_error
        context["presets"] = PRESETS.items()
        return context

    def rollups(self, dimension):
        return DailyRollup.objects.filter(
            dimension=dimension, date__range=(self.date_range.start, self.date_range.end)
        )


class DimensionReportView(AnalyticsView):
    """Views (and visitors) per value of one rollup dimension over the period."""

    slug = ""
    dimension = ""
    key_label = _("Value")
    detail_label = None
    views_label = _("Views")
    with_visitors = True
    default_ordering = "-views"

    @cached_property
    def columns(self):
        columns = [self.key_column()]
        if self.detail_label:
            columns.append(Column("detail_display", label=self.detail_label, sort_key="detail"))
        columns.append(NumberColumn("views", label=self.views_label, sort_key="views"))
        if self.with_visitors:
            columns.append(NumberColumn("visitors", label=_("Visitors"), sort_key="visitors"))
        return columns

    def key_column(self):
        return Column("key_display", label=self.key_label, sort_key="key")

    @property
    def list_export(self):
        fields = ["key_display"]
        if self.detail_label:
            fields.append("detail_display")
        fields.append("views")
        if self.with_visitors:
            fields.append("visitors")
        return fields

    @property
    def export_headings(self):
        return {
            "key_display": self.key_label,
            "detail_display": self.detail_label or "",
            "views": self.views_label,
            "visitors": _("Visitors"),
        }

    def group_by(self):
        return ["key", "detail"] if self.detail_label else ["key"]

    def get_base_queryset(self):
        return (
            self.rollups(self.dimension)
            .values(*self.group_by())
            .annotate(views=Sum("views"), visitors=Sum("visitors"))
        )

    def order_queryset(self, queryset):
        # A second key keeps pagination stable among rows with equal counts.
        return super().order_queryset(queryset).order_by(self.ordering, *self.group_by())

    def display_key(self, row):
        return row["key"] or NONE_LABEL

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        for row in rows:
            row["key_display"] = self.display_key(row)
            row["detail_display"] = row.get("detail") or NONE_LABEL
        return rows


class PagesReportView(DimensionReportView):
    slug = "pages"
    dimension = Dimension.PAGE
    page_title = _("Top pages")
    header_icon = "doc-full"
    key_label = _("Path")

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Page"), get_url=lambda row: row.get("edit_url")),
            *super().columns,
        ]

    @property
    def list_export(self):
        return ["title", *super().list_export]

    @property
    def export_headings(self):
        return {"title": _("Page"), **super().export_headings}

    def group_by(self):
        return ["key", "page_id"]

    def decorate_paginated_queryset(self, object_list):
        rows = super().decorate_paginated_queryset(object_list)
        pages = Page.objects.in_bulk([row["page_id"] for row in rows if row["page_id"]])
        for row in rows:
            page = pages.get(row["page_id"])
            row["title"] = page.title if page else row["key_display"]
            row["edit_url"] = reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else ""
        return rows


class EntryPagesReportView(PagesReportView):
    slug = "entry-pages"
    dimension = Dimension.ENTRY
    page_title = _("Entry pages")


class SectionsReportView(DimensionReportView):
    slug = "sections"
    dimension = Dimension.SECTION
    page_title = _("Site sections")
    header_icon = "folder-open-inverse"
    key_label = _("Section")

    def display_key(self, row):
        return row["key"] or _("Home page")


class ReferrersReportView(DimensionReportView):
    slug = "referrers"
    dimension = Dimension.REFERRER
    page_title = _("Referring sites")
    header_icon = "link"
    key_label = _("Referring site")


class CampaignsReportView(DimensionReportView):
    slug = "campaigns"
    dimension = Dimension.CAMPAIGN
    page_title = _("Campaigns")
    header_icon = "link"
    key_label = _("Campaign")
    detail_label = _("Source / medium")


class DevicesReportView(DimensionReportView):
    slug = "devices"
    dimension = Dimension.DEVICE
    page_title = _("Devices")
    header_icon = "desktop"
    key_label = _("Device class")
    DEVICE_LABELS = {
        "desktop": _("Desktop"),
        "mobile": _("Mobile phone"),
        "tablet": _("Tablet"),
        "other": _("Other"),
    }

    def display_key(self, row):
        return self.DEVICE_LABELS.get(row["key"], row["key"] or NONE_LABEL)


class BrowsersReportView(DimensionReportView):
    slug = "browsers"
    dimension = Dimension.BROWSER
    page_title = _("Browsers")
    header_icon = "desktop"
    key_label = _("Browser")


class OperatingSystemsReportView(DimensionReportView):
    slug = "operating-systems"
    dimension = Dimension.OS
    page_title = _("Operating systems")
    header_icon = "desktop"
    key_label = _("Operating system")


class LanguagesReportView(DimensionReportView):
    slug = "languages"
    dimension = Dimension.LOCALE
    page_title = _("Languages")
    header_icon = "globe"
    key_label = _("Language")

    def display_key(self, row):
        from django.conf import settings

        return dict(settings.LANGUAGES).get(row["key"], row["key"] or NONE_LABEL)


class SearchTermsReportView(DimensionReportView):
    slug = "search-terms"
    dimension = Dimension.SEARCH_TERM
    page_title = _("Site-search terms")
    header_icon = "search"
    key_label = _("Search term")
    detail_label = _("Language")
    views_label = _("Searches")
    with_visitors = False


class ZeroResultSearchesReportView(SearchTermsReportView):
    slug = "zero-result-searches"
    dimension = Dimension.ZERO_RESULT_SEARCH
    page_title = _("Searches without results")


class NotFoundReportView(DimensionReportView):
    slug = "not-found"
    dimension = Dimension.NOT_FOUND
    page_title = _("Pages not found (404)")
    header_icon = "warning"
    key_label = _("Requested path")
    detail_label = _("Linked from")

    @cached_property
    def columns(self):
        columns = super().columns
        if self.request.user.has_perm("wagtailredirects.add_redirect"):
            columns.append(LinkColumn("redirect_link", label=_("Action")))
        return columns

    def decorate_paginated_queryset(self, object_list):
        rows = super().decorate_paginated_queryset(object_list)
        add_url = reverse("analytics_reports:create_redirect")
        for row in rows:
            row["redirect_link"] = {
                "url": f"{add_url}?{_query({'old_path': row['key']})}",
                "label": _("Create redirect"),
            }
        return rows


def _query(params):
    from urllib.parse import urlencode

    return urlencode(params)


class OverviewView(AnalyticsView):
    """Visitors and views per day, their totals and the change against the previous period."""

    slug = "overview"
    page_title = _("Analytics overview")
    header_icon = "view"
    results_template_name = "analytics/overview_results.html"
    paginate_by = None
    columns = [
        Column("date", label=_("Date")),
        NumberColumn("views", label=_("Views")),
        NumberColumn("visitors", label=_("Visitors")),
    ]
    list_export = ["date", "views", "visitors"]
    export_headings = {"date": _("Date"), "views": _("Views"), "visitors": _("Visitors")}

    def daily_totals(self, date_range, **filters):
        totals = {
            row["date"]: row
            for row in DailyRollup.objects.filter(date__range=(date_range.start, date_range.end))
            .filter(**filters)
            .values("date")
            .annotate(views=Sum("views"), visitors=Sum("visitors"))
            .order_by()
        }
        return [
            {
                "date": day,
                "views": totals.get(day, {}).get("views") or 0,
                "visitors": totals.get(day, {}).get("visitors") or 0,
            }
            for day in date_range.dates()
        ]

    def totals_filter(self):
        return {"dimension": Dimension.TOTAL}

    def get_queryset(self):
        return self.daily_totals(self.date_range, **self.totals_filter())

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        days = context["object_list"]
        previous = self.daily_totals(self.date_range.previous(), **self.totals_filter())
        summary = []
        for field, label in (("visitors", _("Visitors")), ("views", _("Views"))):
            current_total = sum(day[field] for day in days)
            previous_total = sum(day[field] for day in previous)
            summary.append(
                {
                    "key": field,
                    "label": label,
                    "value": current_total,
                    "previous": previous_total,
                    "change": percent_change(current_total, previous_total),
                }
            )
        context["summary"] = summary
        context["previous_range"] = self.date_range.previous()
        context["chart"] = trend_chart([(d["date"], d["views"], d["visitors"]) for d in days])
        context["peak"] = max(days, key=lambda day: day["views"]) if days else None
        return context


class PageAnalyticsView(OverviewView):
    """One page's views per day: linked from the page editor's header."""

    slug = "page"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.page = Page.objects.filter(pk=kwargs["page_id"]).first()
        if self.page is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        title = self.page.get_admin_display_title()
        return _("Views of “%(title)s”") % {"title": title}

    def get_filename(self):
        return f"analytics-page-{self.kwargs['page_id']}-{self.date_range.start}"

    def totals_filter(self):
        return {"dimension": Dimension.PAGE, "page_id": self.kwargs["page_id"]}


class PrefilledRedirectCreateView(RedirectCreateView):
    """Wagtail's "add redirect" form with the 404 path filled in; it posts to Wagtail's own."""

    def get_initial(self):
        initial = super().get_initial()
        old_path = self.request.GET.get("old_path", "")
        if old_path.startswith("/"):
            initial["old_path"] = old_path[:255]
        return initial


REPORT_VIEWS = [
    PagesReportView,
    EntryPagesReportView,
    SectionsReportView,
    ReferrersReportView,
    CampaignsReportView,
    DevicesReportView,
    BrowsersReportView,
    OperatingSystemsReportView,
    LanguagesReportView,
    SearchTermsReportView,
    ZeroResultSearchesReportView,
    NotFoundReportView,
]
