"""Mentions from the outlets' RSS and Atom feeds: items whose title or summary names the
agency (MonitoringSettings.keywords) become mentions, once per link, tone neutral until
someone reads them. A feed that does not answer within the timeout, or is not a feed, gives
a clear error on the outlet and stops nothing else."""

import datetime
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass, field

import feedparser
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from monitoring.models import Mention, MonitoringSettings, Outlet

logger = logging.getLogger(__name__)
MAX_FEED_BYTES = 5 * 1024 * 1024
USER_AGENT = "ssa.gov.ge media monitoring"


class FeedError(Exception):
    """A feed that could not be read; the message is for the staff member."""


@dataclass
class ImportResult:
    created: int = 0
    errors: dict = field(default_factory=dict)  # outlet name → message


def fetch(url, timeout):
    if not url.lower().startswith(("http://", "https://")):
        raise FeedError(_("A feed's address must begin with http:// or https://."))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        # The scheme is checked above: no file: or other handlers.
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data = response.read(MAX_FEED_BYTES + 1)
    except TimeoutError as error:
        raise FeedError(
            _("The feed did not answer within %(seconds)s seconds.") % {"seconds": timeout}
        ) from error
    except urllib.error.HTTPError as error:
        raise FeedError(
            _("The feed's server answered with error %(code)s.") % {"code": error.code}
        ) from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            raise FeedError(
                _("The feed did not answer within %(seconds)s seconds.") % {"seconds": timeout}
            ) from error
        logger.info("Feed %s unreachable: %s", url, error)
        raise FeedError(_("The feed could not be reached.")) from error
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(_("The feed is larger than 5 MB."))
    return data


def parse(data):
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise FeedError(_("This address does not give an RSS or Atom feed."))
    return feed.entries


def _entry_date(entry):
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return timezone.localdate()


def matching_entries(entries, keywords):
    for entry in entries:
        text = f"{entry.get('title', '')} {strip_tags(entry.get('summary', ''))}".casefold()
        if entry.get("link") and any(keyword in text for keyword in keywords):
            yield entry


def import_outlet(outlet, keywords, timeout):
    entries = parse(fetch(outlet.feed_url, timeout))
    created = 0
    for entry in matching_entries(entries, keywords):
        link = entry["link"][:1000]
        if Mention.objects.filter(url=link).exists():
            continue
        Mention.objects.create(
            outlet=outlet,
            published_on=_entry_date(entry),
            headline=strip_tags(entry.get("title", ""))[:500] or link,
            url=link,
            tone=Mention._meta.get_field("tone").default,
            source=Mention.Source.FEED,
        )
        created += 1
    return created


def import_feeds(outlets=None):
    config = MonitoringSettings.load()
    keywords = config.keyword_list()
    outlets = (
        outlets
        if outlets is not None
        else Outlet.objects.filter(is_active=True).exclude(feed_url="")
    )
    result = ImportResult()
    for outlet in outlets:
        try:
            result.created += import_outlet(outlet, keywords, config.feed_timeout)
            outlet.feed_error = ""
        except FeedError as error:
            outlet.feed_error = str(error)[:300]
            result.errors[outlet.name] = str(error)
        outlet.feed_checked_at = timezone.now()
        outlet.save(update_fields=["feed_error", "feed_checked_at"])
    return result
