"""Demo news, press releases and events for `seed_demo`: Georgian pages with their English
translations (content: demo/content/news.json). Looks before it creates, so a second run
creates nothing. News dates are fixed; event dates are offsets in days from the day of the
first seeding, so that a fresh demo always has upcoming events."""

import datetime

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage
from demo.helpers import date, load, stream
from helpers.georgian import slugify_georgian
from news.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PressReleasePageFactory,
)
from news.models import EventIndexPage, NewsIndexPage


def _translate(page, locale, fields, report, tags=None):
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.slug = fields.get("slug") or slugify_georgian(fields["title"])
    if tags is not None:
        translation.tags.set(tags)
    translation.save_revision().publish()
    report.created.append(f"{locale.language_code}: {translation.title}")
    return translation


def _ensure_index(home, model, factory, content, locale_en, report):
    index = home.get_children().type(model).specific().first()
    if index is None:
        index = factory(
            parent=home,
            title=content["ka"]["title"],
            intro=content["ka"]["intro"],
            locale=home.locale,
            show_in_menus=True,
        )
        report.created.append(f"ka: {index.title}")
    _translate(
        index,
        locale_en,
        {
            "title": content["en"]["title"],
            "slug": content["en"]["slug"],
            "intro": content["en"]["intro"],
            "show_in_menus": True,
        },
        report,
    )
    return index


def _related_services(content, index, georgian_title):
    """Stream value of the demo services a news item concerns, where the services app
    (seeded before this one) has created them."""
    titles = content["related_services"].get(georgian_title, [])
    try:
        service_page = apps.get_model("services", "ServicePage")
    except LookupError:
        return []
    services = service_page.objects.filter(locale=index.locale, title__in=titles)
    return [("service", service) for service in services]


def _ensure_news_item(content, index, item, locale_en, report):
    ka, en = item["ka"], item["en"]
    slug = slugify_georgian(ka["title"])
    page = index.get_children().filter(slug=slug).specific().first()
    is_press_release = item["kind"] != "news"
    if page is None:
        fields = {
            "parent": index,
            "title": ka["title"],
            "slug": slug,
            "lead": ka["lead"],
            "body": stream(ka["body"]),
            "publication_date": date(item["date"]),
            "locale": index.locale,
            "tags": ka["tags"],
            "related_services": _related_services(content, index, ka["title"]),
        }
        if is_press_release:
            page = PressReleasePageFactory(
                **fields,
                release_type=item["kind"],
                dateline_place=ka["dateline"],
                media_contact_name=content["media_contact"]["ka"],
                media_contact_phone=content["media_contact"]["phone"],
                media_contact_email=content["media_contact"]["email"],
            )
        else:
            page = NewsPageFactory(**fields)
        report.created.append(f"ka: {page.title}")
    translated = {"title": en["title"], "lead": en["lead"], "body": stream(en["body"])}
    if is_press_release:
        translated["dateline_place"] = en["dateline"]
        translated["media_contact_name"] = content["media_contact"]["en"]
    _translate(page, locale_en, translated, report, tags=en["tags"])


def _at(day, hour, minute):
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone()
    )


def _ensure_event(index, event, locale_en, report):
    ka, en = event["ka"], event["en"]
    slug = slugify_georgian(ka["title"])
    page = index.get_children().filter(slug=slug).specific().first()
    if page is None:
        first_day = timezone.localdate() + datetime.timedelta(days=event["start_in_days"])
        last_day = first_day + datetime.timedelta(days=event.get("duration_days", 0))
        start_hour, start_minute, end_hour, end_minute = event["hours"]
        page = EventPageFactory(
            parent=index,
            title=ka["title"],
            slug=slug,
            event_type=event["type"],
            start=_at(first_day, start_hour, start_minute),
            end=_at(last_day, end_hour, end_minute),
            place=ka["place"],
            lead=ka["lead"],
            accreditation=ka["accreditation"],
            body=[],
            locale=index.locale,
        )
        report.created.append(f"ka: {page.title}")
    fields = {name: en[name] for name in ("title", "lead", "place", "accreditation")}
    _translate(page, locale_en, fields, report)


def seed(report):
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth=2).first()
    locale_en = Locale.objects.filter(language_code="en").first()
    if home is None or locale_en is None:
        return
    content = load("news")
    news_index = _ensure_index(
        home, NewsIndexPage, NewsIndexPageFactory, content["news_index"], locale_en, report
    )
    for item in content["news_items"]:
        _ensure_news_item(content, news_index, item, locale_en, report)
    event_index = _ensure_index(
        home, EventIndexPage, EventIndexPageFactory, content["event_index"], locale_en, report
    )
    for event in content["events"]:
        _ensure_event(event_index, event, locale_en, report)
