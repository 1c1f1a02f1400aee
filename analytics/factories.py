import datetime
import random

import factory
from django.utils import timezone

from analytics.models import DailyRollup, Dimension, GoalEvent, PageView


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


def generated_page_views(count, days=30, end=None, seed=1, visitors=None, pages=None):
    """Unsaved, varied PageViews spread over `days` days up to `end` (for tests and bench).

    `pages`: (path, page id) pairs to view (the seeded site's own pages); PATHS otherwise."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    end = end or timezone.localdate()
    visitors = visitors or max(count // 4, 1)
    tz = timezone.get_current_timezone()
    pages = pages or [(path, None) for path in PATHS]
    for _ in range(count):
        day = end - datetime.timedelta(days=rng.randrange(days))
        moment = datetime.datetime.combine(
            day, datetime.time(rng.randrange(24), rng.randrange(60)), tzinfo=tz
        )
        path, page_id = rng.choice(pages)
        device, browser, os_family = rng.choice(DEVICES)
        source, medium, campaign = rng.choice(CAMPAIGNS)
        status = 404 if rng.random() < 0.05 else 200
        referrer = rng.choice(REFERRERS)
        yield PageView(
            viewed_at=moment,
            date=day,
            path=path if status == 200 else f"/ka/missing-{rng.randrange(5)}/",
            page_id=page_id if status == 200 else None,
            locale=path.split("/")[1],
            section=path.split("/")[2] if status == 200 and path.count("/") > 2 else "",
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


def goal_targets():
    """What the current site offers as goals: its public documents, the outbound links its
    service pages render (legal acts on matsne.gov.ge) and its public forms."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from analytics.goals import outbound_target

    targets = [
        (GoalEvent.Kind.DOWNLOAD, document.url, None, document.title)
        for document in get_document_model()
        .objects.filter(collection__view_restrictions=None)
        .order_by("pk")[:30]
    ]
    for page in Page.objects.live().public().specific().order_by("path"):
        for block in getattr(page, "legal_basis", None) or []:
            target = outbound_target(block.value["url"])
            if target:
                targets.append((GoalEvent.Kind.OUTBOUND, target, page.pk, ""))
        if getattr(page, "has_csrf_form", False):
            targets.append((GoalEvent.Kind.FORM, page.get_url(), page.pk, ""))
    return targets


def generated_goals(count, days=30, end=None, seed=2, visitors=None):
    """Unsaved GoalEvents on the site's own documents, links and forms (goal_targets)."""
    targets = goal_targets()
    if not targets:
        return []
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not secrets
    end = end or timezone.localdate()
    visitors = visitors or max(count // 2, 1)
    tz = timezone.get_current_timezone()
    events = []
    for _ in range(count):
        day = end - datetime.timedelta(days=rng.randrange(days))
        moment = datetime.datetime.combine(
            day, datetime.time(rng.randrange(24), rng.randrange(60)), tzinfo=tz
        )
        kind, target, page_id, label = rng.choice(targets)
        events.append(
            GoalEvent(
                occurred_at=moment,
                date=day,
                kind=kind,
                target=target,
                page_id=page_id,
                label=label,
                visitor_hash=f"{rng.randrange(visitors):032x}",
            )  # fmt: skip
        )
    return events
