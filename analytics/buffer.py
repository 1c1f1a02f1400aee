"""Where captured views wait before they are written in bulk.

* ``memory``: a list per process, written with one bulk INSERT when it holds
  ANALYTICS_FLUSH_ROWS rows or its oldest row is ANALYTICS_FLUSH_SECONDS old. The check runs
  when a response has been handed to the server (Django's ``request_finished``), so the
  visitor never waits for it, and on a timer in a background thread of each process, so the
  last views before a quiet spell are written too. When the process exits (gunicorn's
  graceful shutdown or restart, runserver stopped, SIGTERM or SIGINT) the rest is written
  (``install_exit_flush``); only a process killed outright (SIGKILL, a crash of the
  interpreter) loses its unwritten window.
* ``redis``: every process appends to one Redis list (no loss when a worker dies) and
  whichever process finds the list due moves it into the database; while Redis is
  unreachable, each process buffers in memory as ``memory`` does (RedisBuffer).
* ``sync``: every view is written at once (tests, debugging).

A failure to buffer or to write is logged and dropped: counting never breaks a request.
"""

import atexit
import datetime
import json
import logging
import os
import signal
import threading
import time

from django.db import connection, transaction

from analytics import conf
from analytics.models import PageView

logger = logging.getLogger(__name__)

REDIS_KEY = "analytics:pageviews"
BATCH_SIZE = 1000
# Rows kept while the database refuses writes, so an outage cannot exhaust memory.
MAX_PENDING_ROWS = 100_000


def write_new_rows(rows):
    """Insert imported rows whose fingerprint is not in the table yet; returns how many.

    The unique fingerprint is the guarantee (ON CONFLICT DO NOTHING, so two imports running
    at once cannot double a line either); the look-up first gives the count."""
    fingerprints = [row["fingerprint"] for row in rows]
    existing = set(
        PageView.objects.filter(fingerprint__in=fingerprints).values_list("fingerprint", flat=True)
    )
    new_rows = [row for row in rows if row["fingerprint"] not in existing]
    return write_rows(new_rows, skip_duplicates=True) and len(new_rows)


def write_rows(rows, skip_duplicates=False):
    """Insert page-view rows (dicts of PageView fields); returns how many were written.

    Plain executemany (COPY on PostgreSQL) rather than bulk_create: the ORM's per-value
    preparation costs more than the database does for these narrow rows. `skip_duplicates`
    ignores rows whose fingerprint is already stored (INSERT … ON CONFLICT DO NOTHING)."""
    if not rows:
        return 0
    fields = [field for field in PageView._meta.concrete_fields if not field.primary_key]
    columns = [field.column for field in fields]
    attnames = [field.attname for field in fields]
    ops = connection.ops
    adapt = {
        "viewed_at": ops.adapt_datetimefield_value,
        "date": ops.adapt_datefield_value,
    }
    if connection.vendor == "postgresql":
        adapt = {}  # psycopg adapts dates and aware datetimes itself
    defaults = {field.attname: field.get_default() for field in fields}
    values = [
        tuple(
            adapt[name](row.get(name)) if name in adapt else row.get(name, defaults[name])
            for name in attnames
        )
        for row in rows
    ]
    table = connection.ops.quote_name(PageView._meta.db_table)
    column_list = ", ".join(connection.ops.quote_name(column) for column in columns)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not skip_duplicates:
            with cursor.cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            conflict = " ON CONFLICT (fingerprint) DO NOTHING" if skip_duplicates else ""
            cursor.executemany(
                f"INSERT INTO {table} ({column_list}) VALUES ({placeholders}){conflict}",  # noqa: S608
                values,
            )
    return len(rows)


class MemoryBuffer:
    def __init__(self):
        self._rows = []
        self._lock = threading.Lock()
        self._oldest = None

    def add(self, row):
        with self._lock:
            if len(self._rows) >= MAX_PENDING_ROWS:
                del self._rows[0]
            self._rows.append(row)
            if self._oldest is None:
                self._oldest = time.monotonic()

    def __len__(self):
        return len(self._rows)

    def is_due(self):
        oldest = self._oldest
        if oldest is None:
            return False
        return len(self._rows) >= conf.get(
            "ANALYTICS_FLUSH_ROWS"
        ) or time.monotonic() - oldest >= conf.get("ANALYTICS_FLUSH_SECONDS")

    def drain(self):
        with self._lock:
            rows, self._rows, self._oldest = self._rows, [], None
        return rows

    def flush(self):
        return write_rows(self.drain())

    def clear(self):
        self.drain()


class RedisBuffer:
    """While Redis cannot be reached, views wait in a memory buffer of this process instead
    (written at the same rhythm as the ``memory`` kind): an outage loses at most what that
    kind can lose, the rows of a process that dies before its next flush (never more than
    MAX_PENDING_ROWS). Redis is tried again every OUTAGE_RETRY_SECONDS; the outage is logged
    once per that interval."""

    OUTAGE_RETRY_SECONDS = 10.0

    def __init__(self, url):
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._errors = (redis.exceptions.RedisError, OSError)
        self._last_flush = time.monotonic()
        self._added = 0
        self._fallback = MemoryBuffer()
        self._retry_at = 0.0
        self._logged_at = None

    def _reachable(self):
        return time.monotonic() >= self._retry_at

    def _failed(self, error):
        now = time.monotonic()
        self._retry_at = now + self.OUTAGE_RETRY_SECONDS
        if self._logged_at is None or now - self._logged_at >= self.OUTAGE_RETRY_SECONDS:
            self._logged_at = now
            logger.error(
                "Redis unreachable for the analytics buffer (%s): %d views held in memory",
                type(error).__name__,
                len(self._fallback),
            )

    def add(self, row):
        if self._reachable():
            try:
                self.client.rpush(REDIS_KEY, json.dumps(row, default=_json_default))
            except self._errors as error:
                self._failed(error)
            else:
                self._added += 1
                self._logged_at = None
                return
        self._fallback.add(row)

    def __len__(self):
        return self.client.llen(REDIS_KEY) + len(self._fallback)

    def is_due(self):
        return (
            self._fallback.is_due()
            or self._added >= conf.get("ANALYTICS_FLUSH_ROWS")
            or time.monotonic() - self._last_flush >= conf.get("ANALYTICS_FLUSH_SECONDS")
        )

    def drain(self):
        self._last_flush = time.monotonic()
        self._added = 0
        rows = self._fallback.drain()
        if not self._reachable():
            return rows
        try:
            while len(rows) < MAX_PENDING_ROWS:
                batch = self.client.lpop(REDIS_KEY, BATCH_SIZE)
                if not batch:
                    break
                rows.extend(_row_from_json(item) for item in batch)
        except self._errors as error:
            self._failed(error)
        return rows

    def flush(self):
        return write_rows(self.drain())

    def clear(self):
        self._fallback.clear()
        self.client.delete(REDIS_KEY)


def _json_default(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    raise TypeError(f"Cannot serialise {type(value).__name__}")


def _row_from_json(item):
    row = json.loads(item)
    row["viewed_at"] = datetime.datetime.fromisoformat(row["viewed_at"])
    row["date"] = datetime.date.fromisoformat(row["date"])
    return row


_buffers = {}
_buffers_lock = threading.Lock()


def get_buffer():
    """The buffer of the configured kind (None for "sync"), one per process."""
    kind = conf.get("ANALYTICS_BUFFER")
    if kind == "sync":
        return None
    if kind == "redis" and not conf.get("ANALYTICS_REDIS_URL"):
        kind = "memory"
    key = (kind, conf.get("ANALYTICS_REDIS_URL") if kind == "redis" else "")
    buffer = _buffers.get(key)
    if buffer is None:
        with _buffers_lock:
            buffer = _buffers.get(key)
            if buffer is None:
                buffer = RedisBuffer(key[1]) if kind == "redis" else MemoryBuffer()
                _buffers[key] = buffer
    return buffer


def record(row):
    """Queue one page-view row; never raises."""
    try:
        buffer = get_buffer()
        if buffer is None:
            write_rows([row])
        else:
            buffer.add(row)
            _ensure_timer()
    except Exception:
        logger.warning("A page view could not be recorded", exc_info=True)


_timer = {"pid": None}
_timer_lock = threading.Lock()


def _ensure_timer():
    """One flushing thread per process, started by the first buffered view (after a fork,
    gunicorn's workers each start their own)."""
    if _timer["pid"] == os.getpid():
        return
    with _timer_lock:
        if _timer["pid"] == os.getpid():
            return
        _timer["pid"] = os.getpid()
        thread = threading.Thread(target=_flush_periodically, name="analytics-flush", daemon=True)
        thread.start()


def _flush_periodically():
    from django.db import close_old_connections

    while True:
        interval = min(max(float(conf.get("ANALYTICS_FLUSH_SECONDS")) / 2, 0.2), 5.0)
        time.sleep(interval)
        flush_if_due()
        close_old_connections()


def flush_at_exit():
    """Write what this process still holds; registered with atexit."""
    try:
        written = flush()
        if written:
            logger.info("Wrote %s buffered page views at exit", written)
    except Exception:
        logger.warning("Buffered page views could not be written at exit", exc_info=True)


def install_exit_flush():
    """Flush at interpreter exit, and make SIGTERM an orderly exit where nothing else handles
    it: Python's default for SIGTERM ends the process without running atexit (runserver,
    manage.py commands). A handler installed by the server (gunicorn's graceful shutdown,
    which exits the worker normally) is kept and called. Only the main thread may install
    signal handlers; elsewhere atexit alone applies."""
    atexit.register(flush_at_exit)
    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous in (signal.SIG_IGN, None) or getattr(previous, "_analytics_exit", False):
        return

    def exit_on_sigterm(signum, frame):
        if callable(previous):
            previous(signum, frame)
        else:
            raise SystemExit(128 + signum)

    exit_on_sigterm._analytics_exit = True
    signal.signal(signal.SIGTERM, exit_on_sigterm)


def flush():
    """Write everything buffered in this process (or in Redis); returns the row count."""
    buffer = get_buffer()
    return buffer.flush() if buffer is not None else 0


def flush_if_due(**kwargs):
    """request_finished receiver: write the buffer once it is full or old enough."""
    try:
        buffer = get_buffer()
        if buffer is not None and buffer.is_due():
            buffer.flush()
    except Exception:
        logger.warning("Buffered page views could not be written", exc_info=True)


def discard_all():
    """Drop every buffered row of this process (tests start from an empty buffer)."""
    for buffer in list(_buffers.values()):
        if isinstance(buffer, MemoryBuffer):
            buffer.clear()
