import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from analytics.factories import DailyRollupFactory
from analytics.models import Dimension
from demo.steps.analytics import WEEKLY_REPORT_GROUP, ensure_analyst_group

pytestmark = pytest.mark.django_db


def test_weekly_report_goes_to_subscribers_only(django_user_model):
    ensure_analyst_group()
    subscriber = django_user_model.objects.create_user(
        username="reader", email="reader@example.org", password="x"
    )
    subscriber.groups.add(Group.objects.get(name=WEEKLY_REPORT_GROUP))
    django_user_model.objects.create_superuser(
        username="boss", email="boss@example.org", password="x"
    )
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    DailyRollupFactory(date=yesterday, views=120, visitors=40)
    DailyRollupFactory(date=yesterday - datetime.timedelta(days=7), views=60, visitors=20)
    DailyRollupFactory(date=yesterday, dimension=Dimension.PAGE, key="/ka/pension/", views=77)
    call_command("send_analytics_report", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [["reader@example.org"]]
    body = mail.outbox[0].body
    assert "120" in body and "100" in body  # views, and +100 % against the week before
    assert "/ka/pension/" in body
    assert "/admin/analytics/" in body
