"""Reading nginx / Apache "combined" access logs into page-view rows.

Each line goes through analytics.capture exactly like a live request. The visitor hash uses a
random salt per day that exists only in memory for the duration of the import, so imported
hashes can never be linked back to the addresses in the log.
"""

import datetime
import gzip
import re
import secrets
from collections import Counter

from analytics.capture import Hit, Rejected, page_view_row

COMBINED = re.compile(
    r'^(?P<ip>\S+) \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<method>[A-Z]+) (?P<target>\S+)(?: [^"]*)?" '
    r'(?P<status>\d{3}) \S+(?: "(?P<referrer>(?:[^"\\]|\\.)*)" "(?P<agent>(?:[^"\\]|\\.)*)")?'
)
TIME_FORMAT = "%d/%b/%Y:%H:%M:%S %z"


def open_log(path):
    """Text lines of a plain or gzipped log; undecodable bytes become U+FFFD."""
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


def parse_line(line, host):
    """A Hit from one log line; raises Rejected("malformed") when it cannot be read."""
    match = COMBINED.match(line)
    if match is None:
        raise Rejected("malformed")
    try:
        viewed_at = datetime.datetime.strptime(match["time"], TIME_FORMAT)
    except ValueError as error:
        raise Rejected("malformed") from error
    target = match["target"]
    if not target.startswith("/"):
        raise Rejected("malformed")
    path, _, query = target.partition("?")
    from urllib.parse import unquote

    return Hit(
        viewed_at=viewed_at,
        method=match["method"],
        path=unquote(path, errors="replace"),
        query_string=query,
        status=int(match["status"]),
        # Logs do not record the content type: a path with a file extension is not a page.
        content_type="" if "." not in path.rsplit("/", 1)[-1] else "application/octet-stream",
        referrer="" if match["referrer"] in (None, "-") else match["referrer"],
        user_agent="" if match["agent"] in (None, "-") else match["agent"],
        ip=match["ip"],
        host=host,
    )


def import_lines(lines, host, write, batch_size=2000, progress=None):
    """Count, filter and write the page views of `lines`; returns (imported, Counter of
    rejection reasons)."""
    salts = EphemeralSalts()
    rejected = Counter()
    batch, imported = [], 0
    for number, line in enumerate(lines, start=1):
        try:
            batch.append(page_view_row(parse_line(line.rstrip("\n"), host), salts))
        except Rejected as rejection:
            rejected[rejection.reason] += 1
        if len(batch) >= batch_size:
            imported += write(batch)
            batch = []
        if progress is not None:
            progress(number)
    imported += write(batch)
    return imported, rejected
