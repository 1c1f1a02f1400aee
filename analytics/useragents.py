"""User agent → device class, browser family, OS family, or "a robot".

ua-parser (the Python port of the uap-core rules, which the uap project keeps current) does
the parsing; robots are what uap-core calls a "Spider", what the maintained crawler list of
the `crawler-user-agents` package matches (pinned; its JSON data set names Ezooms,
SiteExplorer, feed fetchers and some 1,500 patterns), or what ROBOT_PATTERN catches. Only
the three coarse families leave this module; the string itself is never stored. Results
are memoised because a site sees a few hundred distinct agents a day and a cache miss costs
about a millisecond of regular expressions.
"""

import re
from functools import lru_cache
from typing import NamedTuple

import crawleruseragents
import ua_parser

# Longer agents are truncated before parsing: real browsers stay well under this, and the
# parser's regular expressions must not be handed 10 KB of hostile input.
MAX_PARSED_LENGTH = 512

# Catches what uap-core does not call a "Spider": HTTP libraries, monitors, link previewers.
ROBOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|fetch|monitor|uptime|checker|preview|headless|"
    r"lighthouse|pingdom|curl|wget|python|java/|go-http|okhttp|httpclient|libwww|axios|"
    r"node-fetch|facebookexternalhit|embedly|whatsapp|telegram|discord|feed|rss|"
    # Feed aggregators announce their audience ("for …; 8 readers", "22 subscribers").
    r"\b\d+ (?:readers|subscribers)\b|livejournal\.com|^ruby\b|"
    # A bare "Mozilla/4.0" or "Mozilla/5.0 (compatible;)" names no browser at all.
    r"^mozilla/\d\.\d(?: \(compatible;\s*\))?$",
    re.IGNORECASE,
)

DESKTOP_OS = {"Windows", "Mac OS X", "macOS", "Linux", "Ubuntu", "Fedora", "Chrome OS", "FreeBSD"}


class AgentClass(NamedTuple):
    device_class: str
    browser_family: str
    os_family: str
    is_robot: bool


ROBOT = AgentClass("robot", "", "", True)


@lru_cache(maxsize=4096)
def _classify(agent: str) -> AgentClass:
    if (
        not agent
        or ROBOT_PATTERN.search(agent)
        or crawleruseragents.is_crawler(agent, case_sensitive=False)
    ):
        return ROBOT
    result = ua_parser.parse(agent)
    device = result.device.family if result.device else ""
    if device == "Spider":
        return ROBOT
    browser = result.user_agent.family if result.user_agent else "Other"
    os_family = result.os.family if result.os else "Other"
    return AgentClass(_device_class(agent, device, os_family), browser[:50], os_family[:50], False)


def _device_class(agent, device, os_family):
    if device == "iPad" or "Tablet" in device or "Tablet" in agent:
        return "tablet"
    if os_family == "Android" and "Mobile" not in agent:
        return "tablet"
    if "Mobile" in agent or device == "iPhone" or os_family in {"iOS", "Android"}:
        return "mobile"
    if os_family in DESKTOP_OS:
        return "desktop"
    return "other"


def classify_user_agent(agent: str) -> AgentClass:
    return _classify((agent or "")[:MAX_PARSED_LENGTH])
