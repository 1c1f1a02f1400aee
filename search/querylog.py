"""The search query log, written after the response rather than inside the search.

A synchronous INSERT made every search wait for the database to commit (about 25 ms on
SQLite, most of a search's time). A search only queues its row, in the page views'
in-process buffer (analytics.buffer.MemoryBuffer: one lock, bounded while the database
refuses writes); the rows are written with one bulk INSERT when a response has been handed
to the server (Django's ``request_finished``: the visitor does not wait), several at once
when searches overlap, and when the process exits. Nothing waits longer than the request
that queued it, so no query is lost to a restart and none is written into another request.

A failure to write is logged and dropped: logging never breaks a search.
"""

import atexit
import logging

from analytics.buffer import MemoryBuffer

logger = logging.getLogger(__name__)


class QueryLogBuffer(MemoryBuffer):
    def flush(self):
        from search.models import SearchQueryLog

        rows = self.drain()
        SearchQueryLog.objects.bulk_create([SearchQueryLog(**row) for row in rows])
        return len(rows)


_buffer = QueryLogBuffer()


def record(query: str, language: str, result_count: int) -> None:
    """Queue one searched query; written by the next due flush. Never raises."""
    from search.models import SearchQueryLog

    row = {
        "query": SearchQueryLog.normalise_query(query),
        "locale": language,
        "result_count": result_count,
    }
    try:
        _buffer.add(row)
    except Exception:
        logger.warning("A search query could not be logged", exc_info=True)


def flush() -> int:
    """Write every queued query now; returns how many."""
    return _buffer.flush()


def flush_after_response(**kwargs) -> None:
    """request_finished receiver."""
    try:
        if len(_buffer):
            _buffer.flush()
    except Exception:
        logger.warning("Logged search queries could not be written", exc_info=True)


def pending() -> int:
    return len(_buffer)


def discard() -> None:
    """Drop what is queued (tests start from an empty log)."""
    _buffer.clear()


def _flush_at_exit() -> None:
    try:
        flush()
    except Exception:
        logger.warning("Logged search queries could not be written at exit", exc_info=True)


atexit.register(_flush_at_exit)
