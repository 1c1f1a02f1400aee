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


def test_demo_views_and_goals_are_of_the_seeded_site(demo_site, client):
    """The demo's analytics name pages, documents and forms the seeded site has: every path
    of a counted view opens that page, and the goals are the site's own."""
    from wagtail.models import Page

    from analytics.models import GoalEvent

    paths = dict(PageView.objects.filter(status=200).values_list("path", "page_id").distinct())
    assert len(paths) > 10
    pages = Page.objects.in_bulk(list(paths.values()))
    for path, page_id in paths.items():
        assert pages[page_id].get_url() == path
    for path in sorted(paths)[:: max(len(paths) // 8, 1)]:
        assert client.get(path).status_code == 200, path
    kinds = set(GoalEvent.objects.values_list("kind", flat=True))
    assert kinds == {"download", "outbound", "form"}
    for target in GoalEvent.objects.filter(kind="form").values_list("target", flat=True):
        assert client.get(target).status_code == 200
    assert DailyRollup.objects.filter(dimension=Dimension.GOAL).exists()
