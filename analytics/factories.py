import datetime
import random

import factory
from django.utils import timezone

from analytics.models import DailyRollup, Dimension, PageView


class PageViewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PageView

    viewed_at = factory.LazyFunction(timezone.now)
    date = factory.LazyAttribute(lambda view: timezone.localdate(view.viewed_at))
    path = "/ka/"
    locale = "ka"
    status = 200
    is_entry = True
    device_class = "desktop"
    browser_family = "Firefox"
    os_family = "Linux"
    visitor_hash = factory.Sequence(lambda n: f"{n:032x}")


class DailyRollupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyRollup

    date = factory.LazyFunction(timezone.localdate)
    dimension = Dimension.TOTAL
    key = ""
    views = 10
    visitors = 5


PATHS = ["/ka/", "/ka/services/", "/ka/services/pension/", "/en/", "/en/news/", "/ka/news/"]
REFERRERS = ["", "", "", "www.google.com", "facebook.com", "my.gov.ge"]
DEVICES = [("desktop", "Chrome", "Windows"), ("mobile", "Chrome Mobile", "Android"),
           ("mobile", "Mobile Safari", "iOS"), ("tablet", "Safari", "iOS")]  # fmt: skip
CAMPAIGNS = [("", "", ""), ("", "", ""), ("facebook", "social", "pension-2026")]


def generated_page_views(count, days=30, end=None, seed=1, visitors=None):
    """Unsaved, varied PageViews spread over `days` days up to `end` (for tests and bench)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    end = end or timezone.localdate()
    visitors = visitors or max(count // 4, 1)
    tz = timezone.get_current_timezone()
    for _ in range(count):
        day = end - datetime.timedelta(days=rng.randrange(days))
        moment = datetime.datetime.combine(day, datetime.time(rng.randrange(24)), tzinfo=tz)
        path = rng.choice(PATHS)
        device, browser, os_family = rng.choice(DEVICES)
        source, medium, campaign = rng.choice(CAMPAIGNS)
        status = 404 if rng.random() < 0.05 else 200
        referrer = rng.choice(REFERRERS)
        yield PageView(
            viewed_at=moment,
            date=day,
            path=path if status == 200 else f"/ka/missing-{rng.randrange(5)}/",
            locale=path.split("/")[1],
            section=path.split("/")[2] if path.count("/") > 2 else "",
            status=status,
            is_entry=bool(referrer) or rng.random() < 0.3,
            referrer_host=referrer,
            utm_source=source,
            utm_medium=medium,
            utm_campaign=campaign,
            device_class=device,
            browser_family=browser,
            os_family=os_family,
            visitor_hash=None if rng.random() < 0.02 else f"{rng.randrange(visitors):032x}",
        )


def generated_rows(count, **options):
    """generated_page_views as field dicts, for analytics.buffer.write_rows (much faster than
    bulk_create)."""
    names = [field.attname for field in PageView._meta.concrete_fields if not field.primary_key]
    for view in generated_page_views(count, **options):
        yield {name: getattr(view, name) for name in names}
