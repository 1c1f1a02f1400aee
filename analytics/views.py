"""Analytics reports in the Wagtail admin, read from the daily rollups.

Every report is a Wagtail ReportView, so every table downloads as CSV and XLSX; the period
comes from analytics.daterange, which never fails on a bad query string. The per-dimension
reports are one view class configured by the `Report` declarations in REPORTS.
"""

import re
from dataclasses import dataclass, field, fields
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.auth import permission_denied
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.redirects.views import CreateView as RedirectCreateView
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from analytics.charts import trend_chart
from analytics.daterange import PRESETS, parse_date_range
from analytics.models import Dimension, GoalEvent
from analytics.queries import (
    GROUP_COUNT,
    compare,
    daily_totals,
    dimension_totals,
    goal_totals,
    percent_change,
    period_summary,
    previous_period_views,
    realtime,
    visit_summary,
)
from cms.spreadsheets import SafeSpreadsheetExportMixin
from helpers.personal_data import scrub

NONE_LABEL = _("(none)")
SCREEN_ONLY = {"previous_views", "change_display"}
VISIT_LABELS = {
    "visits": _("Visits"),
    "bounce_rate": _("Bounce rate"),
    "duration": _("Average visit duration"),
}


def format_figure(key, value):
    if value is None:
        return "—"
    if key == "bounce_rate":
        return f"{value}%"
    if key == "duration":
        minutes, seconds = divmod(int(value), 60)
        return _("%(minutes)d min %(seconds)d s") % {"minutes": minutes, "seconds": seconds}
    return value


FIGURE_LABELS = {"visitors": _("Visitors"), "views": _("Views")}


def can_view_reports(user):
    return user.is_active and user.has_perm("analytics.view_reports")


class LinkColumn(Column):
    """A cell holding one link: the row's value at `accessor` is {"url": …, "label": …}."""

    cell_template_name = "analytics/tables/link_cell.html"


class GroupCountPaginator(WagtailPaginator):
    """Paginates dimension_totals(…, with_group_count=True): the page's own rows carry the
    number of rows, so one aggregate query serves both the page and the count. Only an empty
    page (no rows, or a number past the end) falls back to a separate count query.

    Its footer tells the analyst what the table covers (rows, the period, how fresh the
    figures are), not Wagtail's default count of the model's objects ("N daily rollups")."""

    date_range = None

    @cached_property
    def items_count_label(self):
        rows = ngettext("%(count)s row", "%(count)s rows", self.count) % {"count": self.count}
        if self.date_range is None:
            return rows
        return _("%(rows)s, %(start)s to %(end)s; counts are brought up to date every hour.") % {
            "rows": rows,
            "start": date_format(self.date_range.start, "DATE_FORMAT"),
            "end": date_format(self.date_range.end, "DATE_FORMAT"),
        }

    def get_page(self, number):
        # Django's get_page checks the number against the count before fetching the page;
        # here the page comes first and brings the count.
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.page(self.num_pages)

    def page(self, number):
        if "count" not in self.__dict__:
            try:
                first_row = (int(number) - 1) * self.per_page
            except (TypeError, ValueError):
                first_row = -1
            # A number far past any report's end goes the ordinary way (a count query) rather
            # than into an OFFSET the database cannot take.
            if 0 <= first_row < 2**31:
                rows = list(self.object_list[first_row : first_row + self.per_page + self.orphans])
                if rows:
                    self.count = rows[0][GROUP_COUNT]  # Paginator.count is a cached_property
                number = self.validate_number(number)
                if self.count - first_row <= self.per_page + self.orphans:
                    return self._get_page(rows, number, self)
                return self._get_page(rows[: self.per_page], number, self)
        return super().page(number)


class AnalyticsView(SafeSpreadsheetExportMixin, ReportView):
    """A report whose CSV cannot carry a formula (a search term or referrer that begins with
    "=" is exported as text: cms.spreadsheets); XLSX keeps formulas as text already."""

    template_name = "analytics/report.html"
    header_icon = "table"
    paginate_by = 50
    slug = "report"

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
        return f"analytics-{self.slug}-{self.date_range.start}-{self.date_range.end}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["date_range"] = self.date_range
        context["date_error"] = self.date_error
        context["presets"] = PRESETS.items()
        return context


class DimensionReportView(AnalyticsView):
    """Views (and visitors) per value of one rollup dimension over the period; the
    attributes come from a `Report` declaration."""

    dimension = ""
    key_label = _("Value")
    detail_label = None
    views_label = _("Views")
    with_visitors = True
    key_labels = {}
    empty_label = NONE_LABEL
    default_ordering = "-views"

    @cached_property
    def columns(self):
        columns = [Column("key_display", label=self.key_label, sort_key="key")]
        if self.detail_label:
            columns.append(Column("detail_display", label=self.detail_label, sort_key="detail"))
        columns.append(NumberColumn("views", label=self.views_label, sort_key="views"))
        if self.with_visitors:
            columns.append(
                NumberColumn("visitors", label=FIGURE_LABELS["visitors"], sort_key="visitors")
            )
        columns.append(NumberColumn("previous_views", label=_("Previous period")))
        columns.append(Column("change_display", label=_("Change")))
        return columns

    @property
    def export_headings(self):
        return {
            column.name: column.label for column in self.columns if column.name in self.list_export
        }

    @property
    def list_export(self):
        # The comparison columns are the screen's; the export is the period's own table (the
        # API gives the previous period's figures to programs).
        return [
            column.name
            for column in self.columns
            if not isinstance(column, LinkColumn) and column.name not in SCREEN_ONLY
        ]

    def group_by(self):
        return ["key", "detail"] if self.detail_label else ["key"]

    paginator_class = GroupCountPaginator

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        paginator.date_range = self.date_range
        return paginator

    def get_base_queryset(self):
        return dimension_totals(
            self.dimension, self.date_range, self.group_by(), with_group_count=True
        )

    def order_queryset(self, queryset):
        # A second key keeps pagination stable among rows with equal counts.
        return super().order_queryset(queryset).order_by(self.ordering, *self.group_by())

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        previous = previous_period_views(self.dimension, self.date_range, self.group_by(), rows)
        for row in rows:
            # Scrubbed again on the way out: rollups built before scrubbing may hold a term.
            key = scrub(row["key"])
            row["key_display"] = self.key_labels.get(key, key or self.empty_label)
            row["detail_display"] = row.get("detail") or NONE_LABEL
            row["previous_views"] = previous.get(tuple(row[name] for name in self.group_by()), 0)
            change = percent_change(row["views"], row["previous_views"])
            row["change_display"] = "—" if change is None else f"{change:+}%"
        return rows


class PagesReportView(DimensionReportView):
    """Rows per page (a path can change owner, so the page is part of the key), titled and
    linked to the page editor."""

    @cached_property
    def columns(self):
        title = TitleColumn("title", label=_("Page"), get_url=lambda row: row.get("edit_url"))
        return [title, *super().columns]

    def group_by(self):
        return ["key", "page_id"]

    def decorate_paginated_queryset(self, object_list):
        rows = super().decorate_paginated_queryset(object_list)
        pages = Page.objects.in_bulk([row["page_id"] for row in rows if row["page_id"]])
        # Analysts read reports; a link to an editor they cannot open is a dead end.
        editable = set(
            PagePermissionPolicy()
            .instances_user_has_permission_for(self.request.user, "change")
            .filter(pk__in=list(pages))
            .values_list("pk", flat=True)
        )
        for row in rows:
            page = pages.get(row["page_id"])
            row["title"] = page.title if page else row["key_display"]
            can_edit = page is not None and page.pk in editable
            row["edit_url"] = reverse("wagtailadmin_pages:edit", args=[page.pk]) if can_edit else ""
        return rows


class SectionsReportView(DimensionReportView):
    """Sections by the title of their page in the admin's language, not by their slug."""

    def decorate_paginated_queryset(self, object_list):
        rows = super().decorate_paginated_queryset(object_list)
        titles = section_titles([row["key"] for row in rows if row["key"]])
        for row in rows:
            if row["key"] in titles:
                row["key_display"] = titles[row["key"]]
        return rows


def section_titles(slugs):
    """slug → title of the shallowest page with that slug, in the admin's language first."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    titles = {}
    pages = (
        Page.objects.filter(slug__in=slugs, depth__gt=1)
        .order_by("-depth")
        .values_list("slug", "title", "locale__language_code")
    )
    for slug, title, _language in sorted(pages, key=lambda row: row[2] == language):
        titles[slug] = title
    return titles


class NotFoundReportView(DimensionReportView):
    """404s with where they were linked from, and a "create redirect" link for those who
    may add one."""

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
                "url": f"{add_url}?{urlencode({'old_path': row['key']})}",
                "label": _("Create redirect"),
            }
        return rows


DOCUMENT_PATH = re.compile(r"^/documents/(\d+)/")


class GoalsReportView(DimensionReportView):
    """Goals reached (downloads, outbound links, form submissions): a total per kind beside
    the previous period above the table of targets; documents by their title."""

    results_template_name = "analytics/goals_results.html"

    def decorate_paginated_queryset(self, object_list):
        rows = super().decorate_paginated_queryset(object_list)
        ids = {
            int(match[1])
            for row in rows
            if row["key"] == GoalEvent.Kind.DOWNLOAD
            and (match := DOCUMENT_PATH.match(row.get("detail") or ""))
        }
        titles = dict(get_document_model().objects.filter(pk__in=ids).values_list("pk", "title"))
        for row in rows:
            match = DOCUMENT_PATH.match(row.get("detail") or "")
            if row["key"] == GoalEvent.Kind.DOWNLOAD and match and int(match[1]) in titles:
                row["detail_display"] = f"{titles[int(match[1])]} ({row['detail']})"
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        current = goal_totals(self.date_range)
        previous = goal_totals(self.date_range.previous())
        summary = []
        for kind, label in GoalEvent.Kind.choices:
            item = compare(current.get(kind, 0), previous.get(kind, 0))
            item.update(key=kind, label=label)
            summary.append(item)
        context["summary"] = summary
        context["previous_range"] = self.date_range.previous()
        return context


@dataclass(frozen=True)
class Report:
    """One entry of the Analytics menu: a rollup dimension and how its table reads."""

    slug: str
    dimension: str
    page_title: str
    header_icon: str
    key_label: str
    detail_label: str | None = None
    views_label: str = FIGURE_LABELS["views"]
    with_visitors: bool = True
    key_labels: dict = field(default_factory=dict)
    empty_label: str = NONE_LABEL
    view_class: type = DimensionReportView

    def as_view(self):
        options = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "view_class"}
        return self.view_class.as_view(**options)


SEARCH_OPTIONS = {
    "header_icon": "search",
    "key_label": _("Search term"),
    "detail_label": _("Language"),
    "views_label": _("Searches"),
    "with_visitors": False,
}
REPORTS = [
    Report("pages", Dimension.PAGE, _("Top pages"), "doc-full", _("Path"),
           view_class=PagesReportView),
    Report("entry-pages", Dimension.ENTRY, _("Entry pages"), "doc-full", _("Path"),
           view_class=PagesReportView),
    Report("exit-pages", Dimension.EXIT, _("Exit pages"), "doc-full", _("Path"),
           view_class=PagesReportView),
    Report("sections", Dimension.SECTION, _("Site sections"), "folder-open-inverse",
           _("Section"), empty_label=_("Home page"), view_class=SectionsReportView),
    Report("referrers", Dimension.REFERRER, _("Referring sites"), "link", _("Referring site")),
    Report("campaigns", Dimension.CAMPAIGN, _("Campaigns"), "link", _("Campaign"),
           detail_label=_("Source / medium")),
    Report("devices", Dimension.DEVICE, _("Devices"), "desktop", _("Device class"),
           key_labels={"desktop": _("Desktop"), "mobile": _("Mobile phone"),
                       "tablet": _("Tablet"), "other": _("Other")}),
    Report("browsers", Dimension.BROWSER, _("Browsers"), "desktop", _("Browser")),
    Report("operating-systems", Dimension.OS, _("Operating systems"), "desktop",
           _("Operating system")),
    Report("languages", Dimension.LOCALE, _("Languages"), "globe", _("Language"),
           key_labels=dict(settings.LANGUAGES)),
    Report("search-terms", Dimension.SEARCH_TERM, _("Site-search terms"), **SEARCH_OPTIONS),
    Report("zero-result-searches", Dimension.ZERO_RESULT_SEARCH, _("Searches without results"),
           **SEARCH_OPTIONS),
    Report("goals", Dimension.GOAL, _("Goals"), "success", _("Goal"),
           detail_label=_("Target"), views_label=_("Conversions"),
           key_labels=dict(GoalEvent.Kind.choices), view_class=GoalsReportView),
    Report("not-found", Dimension.NOT_FOUND, _("Pages not found (404)"), "warning",
           _("Requested path"), detail_label=_("Linked from"), view_class=NotFoundReportView),
]  # fmt: skip


class OverviewView(AnalyticsView):
    """Visitors and views per day, their totals and the change against the previous period."""

    slug = "overview"
    page_title = _("Analytics overview")
    header_icon = "view"
    results_template_name = "analytics/overview_results.html"
    paginate_by = None
    columns = [
        Column("date", label=_("Date")),
        NumberColumn("views", label=FIGURE_LABELS["views"]),
        NumberColumn("visitors", label=FIGURE_LABELS["visitors"]),
    ]
    list_export = ["date", "views", "visitors"]
    export_headings = {"date": _("Date"), **FIGURE_LABELS}

    def totals_filter(self):
        return {"dimension": Dimension.TOTAL}

    def visit_figures(self):
        """Visits, bounce rate and visit duration beside the previous period's."""
        current = visit_summary(self.date_range)
        previous = visit_summary(self.date_range.previous())
        figures = []
        for key, label in VISIT_LABELS.items():
            item = compare(current[key], previous[key])
            item.update(key=key, label=label, value=format_figure(key, current[key]))
            item["previous"] = format_figure(key, previous[key])
            figures.append(item)
        return figures

    def get_queryset(self):
        return daily_totals(self.date_range, **self.totals_filter())

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        days = context["object_list"]
        previous = daily_totals(self.date_range.previous(), **self.totals_filter())
        summary = period_summary(days, previous)
        for item in summary:
            item["label"] = FIGURE_LABELS[item["key"]]
        summary.extend(self.visit_figures())
        context["summary"] = summary
        context["previous_range"] = self.date_range.previous()
        context["chart"] = trend_chart([(d["date"], d["views"], d["visitors"]) for d in days])
        context["peak"] = max(days, key=lambda day: day["views"]) if days else None
        return context


class RealtimeView(AnalyticsView):
    """The last 30 minutes, from the raw page views, beside the 30 minutes before."""

    slug = "realtime"
    page_title = _("Real time: last 30 minutes")
    header_icon = "time"
    template_name = "analytics/realtime.html"
    results_template_name = "analytics/overview_results.html"
    paginate_by = None
    columns = [
        Column("path", label=_("Path")),
        NumberColumn("views", label=FIGURE_LABELS["views"]),
        NumberColumn("visitors", label=FIGURE_LABELS["visitors"]),
    ]
    list_export = ["path", "views", "visitors"]
    export_headings = {"path": _("Path"), **FIGURE_LABELS}

    @cached_property
    def figures(self):
        return realtime(timezone.now())

    def get_queryset(self):
        return self.figures["pages"]

    def get_filename(self):
        return f"analytics-realtime-{timezone.now():%Y-%m-%d-%H%M}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["summary"] = [
            {**self.figures[key], "key": key, "label": FIGURE_LABELS[key]}
            for key in ("visitors", "views")
        ]
        return context


class PageAnalyticsView(OverviewView):
    """One page's views per day: linked from the page editor's analytics panel."""

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
