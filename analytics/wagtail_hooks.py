from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import Button

from analytics import views


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    # The capture middleware reads this to tie the view to the page, not just its path.
    request.analytics_page_id = page.pk


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_reports(request.user)


def _report_urls():
    urls = [
        path("", views.OverviewView.as_view(), name="overview"),
        path("page/<int:page_id>/", views.PageAnalyticsView.as_view(), name="page"),
        path(
            "create-redirect/",
            views.PrefilledRedirectCreateView.as_view(),
            name="create_redirect",
        ),
    ]
    for view_class in views.REPORT_VIEWS:
        urls.append(path(f"{view_class.slug}/", view_class.as_view(), name=view_class.slug))
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
    for order, view_class in enumerate(views.REPORT_VIEWS, start=1):
        items.append(
            ReportMenuItem(
                view_class.page_title,
                reverse(f"analytics_reports:{view_class.slug}"),
                name=f"analytics-{view_class.slug}",
                icon_name=view_class.header_icon,
                order=order,
            )
        )
    return SubmenuMenuItem(
        _("Analytics"), Menu(items=items), name="analytics", icon_name="view", order=850
    )


@hooks.register("register_page_header_buttons")
def page_views_button(page, user, view_name, next_url=None):
    if views.can_view_reports(user) and page.depth > 1:
        yield Button(
            _("Views in the last 30 days"),
            url=reverse("analytics_reports:page", args=[page.pk]),
            icon_name="view",
            priority=80,
        )
