"""Events as iCalendar (RFC 5545): one event, or the whole calendar of a locale."""

import datetime
from html import unescape

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

PRODUCT_ID = "-//Social Service Agency of Georgia//ssa.gov.ge//"


def _plain_text(html):
    return unescape(strip_tags(html)).strip()


def event_component(event, request):
    tz = timezone.get_default_timezone()
    component = Event()
    # The same event in another language is another entry for a calendar application.
    component.add("uid", f"{event.translation_key}-{event.locale.language_code}@ssa.gov.ge")
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("dtstart", event.start.astimezone(tz))
    component.add("dtend", event.end.astimezone(tz))
    component.add("summary", event.title)
    component.add("location", event.place)
    component.add("categories", [str(event.get_event_type_display())])
    description = "\n\n".join(
        part for part in (event.lead, _plain_text(event.accreditation)) if part
    )
    if description:
        component.add("description", description)
    component.add("url", request.build_absolute_uri(event.get_url(request)))
    return component


def calendar_response(request, events, name, filename, subscription=False):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(timezone.get_default_timezone()))
    if subscription:
        # Calendar applications that subscribe ask again every hour (RFC 7986; Outlook's
        # older property beside it).
        calendar.add(
            "refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", "PT1H")
    for event in events:
        calendar.add_component(event_component(event, request))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if subscription else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
