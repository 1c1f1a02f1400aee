import pytest
from django.contrib.auth.models import Group

from analytics.models import DailyRollup, Dimension, PageView
from demo.seed import SeedReport
from demo.steps.analytics import ANALYST_GROUP, seed

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent():
    first = SeedReport()
    seed(first)
    views = PageView.objects.count()
    assert views == 3000
    assert DailyRollup.objects.filter(dimension=Dimension.TOTAL).exists()
    assert Group.objects.get(name=ANALYST_GROUP).permissions.filter(codename="view_reports")
    second = SeedReport()
    seed(second)
    assert second.created == []
    assert PageView.objects.count() == views
