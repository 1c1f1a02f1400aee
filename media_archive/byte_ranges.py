"""Single byte ranges (RFC 9110 §14) for files Django serves itself, so that video and audio
players can seek: Safari and iOS refuse to play media from a server that answers no Range.

Only one range is honoured; a request for several gets the whole file, which the standard
permits and players never need otherwise. A header that does not parse is ignored, as the
standard requires; a range that starts past the end gets 416.
"""

import re

_SINGLE_RANGE = re.compile(r"bytes\s*=\s*(\d*)\s*-\s*(\d*)", re.ASCII | re.IGNORECASE)
CHUNK_SIZE = 64 * 1024


class Unsatisfiable(Exception):
    """The range asks for no byte the file has (answered with 416)."""


def requested_range(header, size):
    """(first, last) byte positions, both inclusive, of a file of `size` bytes that the
    Range header asks for; None where the whole file is to be sent."""
    if not header:
        return None
    match = _SINGLE_RANGE.fullmatch(header.strip())
    if match is None:
        return None  # several ranges, another unit, or not a range at all
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # "-N": the last N bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return max(size - suffix, 0), size - 1
    first = int(first)
    if last and int(last) < first:
        return None  # invalid, so ignored
    if first >= size:
        raise Unsatisfiable
    return first, min(int(last), size - 1) if last else size - 1


def read_range(path, first, last):
    """The bytes first..last of the file, in chunks; the file is closed when the response
    is (Django closes a streaming response's iterator)."""
    with open(path, "rb") as fileobj:
        fileobj.seek(first)
        remaining = last - first + 1
        while remaining > 0:
            chunk = fileobj.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                return  # the file shrank under us; Content-Length tells the client
            remaining -= len(chunk)
            yield chunk
