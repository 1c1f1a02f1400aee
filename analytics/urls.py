"""Public analytics endpoints (outside the language prefixes)."""

from django.urls import path

from analytics.beacon import page_view_beacon

urlpatterns = [path("view", page_view_beacon, name="analytics_beacon")]
