"""The Analytics tab of the page editor: the page's views and visitors over the last 30
days, read from the rollups (one indexed query), for users who may see the reports.

Wagtail 8 has no hook for the editor's side panels, so the tab is added where Wagtail builds
every page type's edit handler (wagtail.admin.panels.page_utils): page types keep declaring
their panels as usual and all of them get the tab.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel, TabbedInterface

from analytics.charts import sparkline
from analytics.daterange import preset_range
from analytics.models import Dimension
from analytics.queries import daily_totals

PERMISSION = "analytics.view_reports"
PERIOD = "30d"


class PageViewsPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Views in the last 30 days"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "analytics/panels/page_views.html"

        def is_shown(self):
            # A page being created has no views yet.
            return bool(getattr(self.instance, "pk", None)) and self.request.user.has_perm(
                PERMISSION
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            period = preset_range(PERIOD, timezone.localdate())
            days = daily_totals(period, Dimension.PAGE, page_id=self.instance.pk)
            context.update(
                period=period,
                days=days,
                views=sum(day["views"] for day in days),
                visitors=sum(day["visitors"] for day in days),
                peak=max(days, key=lambda day: day["views"]),
                chart=sparkline([day["views"] for day in days]),
                report_url=reverse("analytics_reports:page", args=[self.instance.pk]),
            )
            return context


def analytics_tab():
    return ObjectList([PageViewsPanel()], heading=_("Analytics"), permission=PERMISSION)


def with_analytics_tab(build_edit_handler):
    """Wagtail's page edit-handler builder (a cached_classmethod), plus the Analytics tab."""
    from wagtail.utils.decorators import cached_classmethod

    def build(cls):
        handler = build_edit_handler.fn(cls)
        if not isinstance(handler, TabbedInterface):  # a page type with its own layout
            return handler
        options = handler.clone_kwargs()
        options["children"] = [*handler.children, analytics_tab()]
        return TabbedInterface(**options).bind_to_model(cls)

    build.with_analytics_tab = True
    return cached_classmethod(build)


def install_analytics_tab():
    """Called from AppConfig.ready, before or after wagtail.admin's own ready() (which reads
    page_utils._get_page_edit_handler when it runs)."""
    from wagtail.admin.panels import page_utils
    from wagtail.models import Page

    original = page_utils._get_page_edit_handler
    if getattr(original.fn, "with_analytics_tab", False):
        return
    wrapped = with_analytics_tab(original)
    page_utils._get_page_edit_handler = wrapped
    if Page.__dict__.get("get_edit_handler") is original:
        Page.get_edit_handler = wrapped
