"""The Analytics tab of the page editor: the page's views and visitors over the last 30
days, read from the rollups (one indexed query), for users who may see the reports.

Every page type of the site gets the tab through cms's `register_page_editor_tab` hook
(analytics/wagtail_hooks.py); page types keep declaring their panels as usual.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel

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
