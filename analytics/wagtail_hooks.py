from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.rich_text import LinkHandler

from analytics import goals, panels, views
from cms.hooks import PAGE_EDITOR_TAB


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    # The capture middleware reads this to tie the view to the page, not just its path.
    request.analytics_page_id = page.pk


@hooks.register(PAGE_EDITOR_TAB)
def page_views_tab():
    return panels.analytics_tab()


class OutboundLinkHandler(LinkHandler):
    """Rich text's links to other sites, rendered with the server's signature of their
    destination, so that the beacon can count them as goals (analytics.goals)."""

    identifier = "external"

    @staticmethod
    def expand_db_attributes(attrs):
        return goals.outbound_link_tag(attrs)


@hooks.register("register_rich_text_features")
def register_outbound_links(features):
    features.register_link_type(OutboundLinkHandler)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_reports(request.user)


def _report_urls():
    urls = [
        path("", views.OverviewView.as_view(), name="overview"),
        path("page/<int:page_id>/", views.PageAnalyticsView.as_view(), name="page"),
        path("realtime/", views.RealtimeView.as_view(), name="realtime"),
        path(
            "create-redirect/",
            views.PrefilledRedirectCreateView.as_view(),
            name="create_redirect",
        ),
    ]
    for report in views.REPORTS:
        urls.append(path(f"{report.slug}/", report.as_view(), name=report.slug))
    return urls


@hooks.register("register_admin_urls")
def register_analytics_urls():
    return [
        path("analytics/", include((_report_urls(), "analytics"), namespace="analytics_reports"))
    ]


@hooks.register("register_admin_menu_item")
def register_analytics_menu():
    items = [
        ReportMenuItem(
            views.OverviewView.page_title,
            reverse("analytics_reports:overview"),
            name="analytics-overview",
            icon_name=views.OverviewView.header_icon,
            order=0,
        )
    ]
    items.append(
        ReportMenuItem(
            views.RealtimeView.page_title,
            reverse("analytics_reports:realtime"),
            name="analytics-realtime",
            icon_name=views.RealtimeView.header_icon,
            order=1,
        )
    )
    for order, report in enumerate(views.REPORTS, start=2):
        items.append(
            ReportMenuItem(
                report.page_title,
                reverse(f"analytics_reports:{report.slug}"),
                name=f"analytics-{report.slug}",
                icon_name=report.header_icon,
                order=order,
            )
        )
    return SubmenuMenuItem(
        _("Analytics"), Menu(items=items), name="analytics", icon_name="view", order=850
    )
