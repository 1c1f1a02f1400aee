"""Public analytics endpoints (outside the language prefixes)."""

from django.urls import path

from analytics.api import report_api
from analytics.beacon import goal_beacon, page_view_beacon

urlpatterns = [
    path("view", page_view_beacon, name="analytics_beacon"),
    path("goal", goal_beacon, name="analytics_goal_beacon"),
    path("api/<slug:slug>/", report_api, name="analytics_api"),
]
