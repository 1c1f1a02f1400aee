"""Reading nginx / Apache "combined" access logs into page-view rows.

Each line goes through analytics.capture exactly like a live request. The visitor hash uses a
random salt per day that exists only in memory for the duration of the import, so imported
hashes can never be linked back to the addresses in the log.

What counts as a page: a log does not record the content type, so a path is a page unless it
is a static asset, by an explicit list of extensions and path prefixes
(ANALYTICS_ASSET_EXTENSIONS, ANALYTICS_ASSET_PATHS) — not "has a dot": `.html`, `.xhtml` and
`.php` pages are pages. Documents (ANALYTICS_DOCUMENT_EXTENSIONS) are downloads, not views. A
path whose extension is on neither list nor among the known page extensions is imported and
listed in the summary as "of unknown type", so the lists can be completed.

A `304 Not Modified` of a page is a visitor reading it again from the browser's cache after
the server confirmed it: counted as a view (status 200), as GoAccess and Matomo's importer do.

Every imported row carries a fingerprint of its line (see PageView.fingerprint), unique in
the table: importing the same file, a rotated file that overlaps the last one, or a file
twice in one command adds nothing the second time.
"""

import datetime
import gzip
import re
import secrets
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.utils.crypto import salted_hmac

from analytics import conf
from analytics.capture import Hit, Rejected, page_view_row

COMBINED = re.compile(
    r'^(?P<ip>\S+) \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<method>[A-Z]+) (?P<target>\S+)(?: [^"]*)?" '
    r'(?P<status>\d{3}) \S+(?: "(?P<referrer>(?:[^"\\]|\\.)*)" "(?P<agent>(?:[^"\\]|\\.)*)")?'
)
TIME_FORMAT = "%d/%b/%Y:%H:%M:%S %z"
FINGERPRINT_SALT = "analytics.accesslog.fingerprint"
UNKNOWN_LISTED = 20


def open_log(path):
    """Text lines of a plain or gzipped log (rotated files: access.log.1, access.log.2.gz);
    undecodable bytes become U+FFFD."""
    with open(path, "rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    if gzipped:
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")  # noqa: SIM115 - caller closes


class EphemeralSalts:
    """One random salt per day, never written anywhere."""

    def __init__(self):
        self._salts = {}

    def __call__(self, day):
        return self._salts.setdefault(day, secrets.token_hex(32))


def _extension(path):
    last = path.rsplit("/", 1)[-1]
    if "." not in last:
        return ""
    return last.rsplit(".", 1)[-1].lower()


def path_kind(path):
    """ "asset", "document", "page" or "unknown" (an extension on no list: imported as a page)."""
    if path.startswith(tuple(conf.get("ANALYTICS_ASSET_PATHS"))):
        return "asset"
    extension = _extension(path)
    if not extension or extension in conf.get("ANALYTICS_PAGE_EXTENSIONS"):
        return "page"
    if extension in conf.get("ANALYTICS_ASSET_EXTENSIONS"):
        return "asset"
    if extension in conf.get("ANALYTICS_DOCUMENT_EXTENSIONS"):
        return "document"
    return "unknown"


def parse_line(line, host, own_hosts=()):
    """A Hit from one log line; raises Rejected("malformed") when it cannot be read, and
    Rejected("static asset") / Rejected("document download") for what is not a page."""
    match = COMBINED.match(line)
    if match is None:
        raise Rejected("malformed")
    try:
        viewed_at = datetime.datetime.strptime(match["time"], TIME_FORMAT)
    except ValueError as error:
        raise Rejected("malformed") from error
    target = match["target"]
    if target.startswith(("http://", "https://")):  # absolute form (proxy requests)
        target = "/" + target.split("://", 1)[1].partition("/")[2]
    if not target.startswith("/"):
        raise Rejected("malformed")
    path, _, query = target.partition("?")
    path = unquote(path, errors="replace")
    kind = path_kind(path)
    if kind == "asset":
        raise Rejected("static asset")
    if kind == "document":
        raise Rejected("document download")
    status = int(match["status"])
    return Hit(
        viewed_at=viewed_at,
        method=match["method"],
        path=path,
        query_string=query,
        status=200 if status == 304 else status,
        content_type="text/html",
        referrer="" if match["referrer"] in (None, "-") else match["referrer"],
        user_agent="" if match["agent"] in (None, "-") else match["agent"],
        ip=match["ip"],
        host=host,
        own_hosts=tuple(own_hosts),
    )


def fingerprint(line, repetition):
    """Keyed hash of the line and how many identical lines came before it in this import:
    two identical lines in one log (a double click within a second) are two views; the same
    line in an overlapping file is the same view."""
    return salted_hmac(FINGERPRINT_SALT, f"{repetition}\x00{line}", algorithm="sha256").hexdigest()[
        :32
    ]


@dataclass
class ImportSummary:
    read: int = 0
    imported: int = 0
    already_imported: int = 0
    rejected: Counter = field(default_factory=Counter)
    unknown_paths: Counter = field(default_factory=Counter)

    @property
    def skipped(self):
        return sum(self.rejected.values()) + self.already_imported


def import_lines(lines, hosts, write, batch_size=2000, progress=None, summary=None):
    """Count, filter and write the page views of `lines` for a site known as `hosts` (the
    first is the one the visitor hash uses); `write(rows)` returns how many it wrote, the
    rest having been imported before. Returns an ImportSummary."""
    if isinstance(hosts, str):
        hosts = [hosts]
    host, own_hosts = hosts[0], [name.lower() for name in hosts]
    summary = summary if summary is not None else ImportSummary()
    salts = EphemeralSalts()
    seen = Counter()
    batch = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        summary.read += 1
        try:
            hit = parse_line(line, host, own_hosts)
            row = page_view_row(hit, salts)
        except Rejected as rejection:
            summary.rejected[rejection.reason] += 1
        else:
            row["fingerprint"] = fingerprint(line, seen[line])
            seen[line] += 1
            if path_kind(hit.path) == "unknown":
                summary.unknown_paths[row["path"]] += 1
            batch.append(row)
        if len(batch) >= batch_size:
            _write(batch, write, summary)
            batch = []
        if progress is not None:
            progress(number)
    _write(batch, write, summary)
    return summary


def _write(batch, write, summary):
    if not batch:
        return
    written = write(batch)
    summary.imported += written
    summary.already_imported += len(batch) - written
