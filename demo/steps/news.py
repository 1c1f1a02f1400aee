"""Demo news, press releases and events for `seed_demo`: Georgian pages with their English
translations. Looks before it creates, so a second run creates nothing."""

import datetime

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage
from cms.seed import _stream
from helpers.georgian import slugify_georgian
from news import demo_content
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


def _related_services(index, georgian_title):
    """Stream value of the demo services a news item concerns, where the services app
    (seeded before this one) has created them."""
    titles = demo_content.RELATED_SERVICES.get(georgian_title, [])
    try:
        service_page = apps.get_model("services", "ServicePage")
    except LookupError:
        return []
    services = service_page.objects.filter(locale=index.locale, title__in=titles)
    return [("service", service) for service in services]


def _ensure_news_item(index, item, locale_en, report):
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
            "body": _stream(ka["body"]),
            "publication_date": item["date"],
            "locale": index.locale,
            "tags": ka["tags"],
            "related_services": _related_services(index, ka["title"]),
        }
        if is_press_release:
            page = PressReleasePageFactory(
                **fields,
                release_type=item["kind"],
                dateline_place=ka["dateline"],
                media_contact_name=demo_content.MEDIA_CONTACT["ka"],
                media_contact_phone=demo_content.MEDIA_CONTACT["phone"],
                media_contact_email=demo_content.MEDIA_CONTACT["email"],
            )
        else:
            page = NewsPageFactory(**fields)
        report.created.append(f"ka: {page.title}")
    translated = {"title": en["title"], "lead": en["lead"], "body": _stream(en["body"])}
    if is_press_release:
        translated["dateline_place"] = en["dateline"]
        translated["media_contact_name"] = demo_content.MEDIA_CONTACT["en"]
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
    news_index = _ensure_index(
        home, NewsIndexPage, NewsIndexPageFactory, demo_content.NEWS_INDEX, locale_en, report
    )
    for item in demo_content.NEWS_ITEMS:
        _ensure_news_item(news_index, item, locale_en, report)
    event_index = _ensure_index(
        home, EventIndexPage, EventIndexPageFactory, demo_content.EVENT_INDEX, locale_en, report
    )
    for event in demo_content.EVENTS:
        _ensure_event(event_index, event, locale_en, report)
