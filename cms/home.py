"""What the home page shows besides its own fields: the top tasks, the latest news and
releases, and the offices open now.

All of it comes from published content only, so it is kept in the layout cache (a new
version on every publish) as small values; "open now" is worked out at each rendering from
the cached schedules, and the page cache keeps the result only until the next opening or
closing (cms.page_cache.expires_by).
"""

from dataclasses import dataclass

from django.apps import apps

from cms import layout_cache, page_cache
from helpers import dates

LATEST_NEWS = 3
OPEN_OFFICES_SHOWN = 5


@dataclass(frozen=True)
class TaskLink:
    title: str
    url: str
    description: str


@dataclass(frozen=True)
class NewsLink:
    title: str
    url: str
    kind: str
    date: object


@dataclass(frozen=True)
class OfficeHours:
    title: str
    url: str
    place: str
    schedule: dates.OpeningHours


def _public_live(pages):
    return [
        page
        for page in pages
        if page is not None
        and page.live
        and not layout_cache.is_under(page.path, layout_cache.private_paths())
    ]


def _tasks(home, request):
    chosen = [block.value for block in home.top_tasks]
    pages = {page.pk: page for page in _public_live([value["page"] for value in chosen])}
    links = []
    for value in chosen:
        page = value["page"]
        if page is None or page.pk not in pages:
            continue
        links.append(
            TaskLink(value["title"] or page.title, page.get_url(request), value["description"])
        )
    return links


def _news(home, request):
    news_index = apps.get_model("news", "NewsIndexPage")
    index = news_index.objects.child_of(home).live().first()
    if index is None:
        return None, []
    items = index.visible_items().specific()[:LATEST_NEWS]
    return index.get_url(request), [
        NewsLink(item.title, item.get_url(request), str(item.kind_label), item.publication_date)
        for item in items
    ]


def _offices(home, request):
    office_index = apps.get_model("offices", "OfficeIndexPage")
    index = layout_cache.public(office_index.objects.live()).descendant_of(home).first()
    if index is None:
        return None, []
    return index.get_url(request), [
        OfficeHours(office.title, office.get_url(request), office.place, office.schedule)
        for office in index.offices()
    ]


def home_context(home, request):
    def compute():
        news_url, news = _news(home, request)
        offices_url, offices = _offices(home, request)
        return {
            "tasks": _tasks(home, request),
            "news_url": news_url,
            "news": news,
            "offices_url": offices_url,
            "offices": offices,
        }

    data = layout_cache.cached("home-page", [home.pk, request.get_host()], compute)
    now = dates.tbilisi_now()
    open_now = []
    for office in data["offices"]:
        status = office.schedule.status_at(now)
        page_cache.expires_by(request, status.changes_at)
        if status.is_open:
            open_now.append((office, status))
    return {
        "top_tasks": data["tasks"],
        "latest_news": data["news"],
        "news_url": data["news_url"],
        "offices_url": data["offices_url"],
        "open_offices": open_now[:OPEN_OFFICES_SHOWN],
        "open_office_count": len(open_now),
        "office_count": len(data["offices"]),
    }
