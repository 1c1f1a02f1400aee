import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from news.factories import EventPageFactory, tbilisi_datetime
from news.models import EVENTS_PER_PAGE, EventType
from tests.news.utils import in_days, restrict_to_logged_in_users

pytestmark = pytest.mark.django_db


def titles(response):
    return [event.title for event in response.context["events"]]


@pytest.fixture
def events(sections):
    index = sections["events_ka"]
    return {
        "index": index,
        "soon": EventPageFactory(parent=index, title="მალე", start=in_days(2)),
        "later": EventPageFactory(parent=index, title="მოგვიანებით", start=in_days(30)),
        "past": EventPageFactory(parent=index, title="გასული", start=in_days(-5)),
        "draft": EventPageFactory(parent=index, title="დრაფტი", start=in_days(3), live=False),
    }


def test_upcoming_events_soonest_first(client, events):
    response = client.get(events["index"].url)
    assert response.status_code == 200
    assert titles(response) == ["მალე", "მოგვიანებით"]
    assert 'href="/ka/ghonisdziebebi/past/"' in response.content.decode()


def test_past_events_latest_first(client, events):
    EventPageFactory(parent=events["index"], title="უფრო ძველი", start=in_days(-50))
    response = client.get(events["index"].url + "past/")
    assert response.status_code == 200
    assert titles(response) == ["გასული", "უფრო ძველი"]


def test_an_event_under_way_is_still_upcoming(client, events):
    EventPageFactory(
        parent=events["index"], title="მიმდინარე კამპანია", start=in_days(-3), end=in_days(3)
    )
    assert "მიმდინარე კამპანია" in titles(client.get(events["index"].url))


@pytest.mark.parametrize(("page", "status"), [("abc", 200), ("7", 404), ("0", 404)])
def test_event_listing_bad_page_numbers(client, events, page, status):
    assert client.get(events["index"].url + "past/", {"page": page}).status_code == status


def test_event_listing_paginates(client, events):
    for day in range(EVENTS_PER_PAGE):
        EventPageFactory(parent=events["index"], start=in_days(40 + day))
    response = client.get(events["index"].url, {"page": "2"})
    assert response.status_code == 200
    assert len(response.context["events"]) == 2


def test_event_page_shows_tbilisi_time_in_georgian(client, sections):
    event = EventPageFactory(
        parent=sections["events_ka"],
        title="პრესკონფერენცია",
        event_type=EventType.PRESS_CONFERENCE,
        # 07:00 UTC is 11:00 in Tbilisi (UTC+4, no daylight saving).
        start=datetime.datetime(2026, 12, 3, 7, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2026, 12, 3, 8, 30, tzinfo=datetime.UTC),
        accreditation="<p>აკრედიტაცია 1 დეკემბრამდე: press@ssa.gov.ge</p>",
    )
    html = client.get(event.url).content.decode()
    assert "ხუთშაბათი, 3 დეკემბერი, 2026, 11:00" in html
    assert "12:30" in html
    assert "აკრედიტაცია 1 დეკემბრამდე" in html
    assert f'href="{event.url}ical/"' in html


def test_one_event_as_icalendar(client, sections):
    event = EventPageFactory(
        parent=sections["events_ka"],
        title="სემინარი ჟურნალისტებისთვის",
        event_type=EventType.SEMINAR,
        start=tbilisi_datetime(2026, 12, 10, 10, 0),
        end=tbilisi_datetime(2026, 12, 10, 14, 0),
        place="ქუთაისი, ტერიტორიული ცენტრი",
        lead="სოციალური თემების გაშუქება.",
        accreditation="<p>დარეგისტრირდით&nbsp;press@ssa.gov.ge-ზე</p>",
    )
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "სემინარი ჟურნალისტებისთვის"
    assert str(vevent["LOCATION"]) == "ქუთაისი, ტერიტორიული ცენტრი"
    start = vevent.decoded("DTSTART")
    assert start == tbilisi_datetime(2026, 12, 10, 10, 0)
    assert start.tzinfo.key == "Asia/Tbilisi"
    assert vevent.decoded("DTEND") - start == datetime.timedelta(hours=4)
    assert "press@ssa.gov.ge-ზე" in str(vevent["DESCRIPTION"])
    assert "<p>" not in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == f"http://testserver{event.url}"
    assert calendar.walk("VTIMEZONE"), "the time zone is described for calendar applications"


def test_the_calendar_as_icalendar(client, events, sections):
    restrict_to_logged_in_users(
        EventPageFactory(parent=events["index"], title="შიდა შეხვედრა", start=in_days(4))
    )
    EventPageFactory(parent=sections["events_en"], title="Press conference", start=in_days(4))
    response = client.get(events["index"].url + "ical/")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")]
    assert summaries == ["გასული", "მალე", "მოგვიანებით"]
    uids = {str(vevent["UID"]) for vevent in calendar.walk("VEVENT")}
    assert len(uids) == 3
    english = icalendar.Calendar.from_ical(client.get(sections["events_en"].url + "ical/").content)
    assert [str(vevent["SUMMARY"]) for vevent in english.walk("VEVENT")] == ["Press conference"]


def test_event_times_survive_the_round_trip_in_any_zone(client, sections):
    start = datetime.datetime(2026, 7, 1, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    event = EventPageFactory(parent=sections["events_ka"], start=start)
    calendar = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)
    [vevent] = calendar.walk("VEVENT")
    assert vevent.decoded("DTSTART") == start


def test_the_feed_of_all_upcoming_events_parses(client, events, sections):
    response = client.get(events["index"].url + "ical/upcoming/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    vevents = calendar.walk("VEVENT")
    assert [str(vevent["SUMMARY"]) for vevent in vevents] == ["მალე", "მოგვიანებით"]
    for vevent in vevents:
        assert vevent["DTSTART"].dt < vevent["DTEND"].dt
        assert str(vevent["URL"]).startswith("http://testserver/ka/")
    assert str(calendar["REFRESH-INTERVAL"].to_ical().decode()) == "PT1H"
    listing = client.get(events["index"].url).content.decode()
    assert 'type="text/calendar" title=' in listing
    assert events["index"].url + "ical/upcoming/" in listing
