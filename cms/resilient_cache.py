"""Django's Redis cache backend, made optional in fact: when Redis cannot be reached every
cache call behaves as a miss (reads return their default, writes store nothing), so the
layout cache, the page cache, the gallery counts and Wagtail's renditions are computed from
the database instead of answering 500.

- A failure is logged once per ``RETRY_SECONDS`` (the first one with its traceback), not once
  per request; while Redis is marked down no call waits on a connection at all.
- After ``RETRY_SECONDS`` the next call tries Redis again: when it answers, it is used from
  then on and the recovery is logged.
- Writes lost during the outage (a set or delete that did not reach Redis) would leave a
  stale value behind once Redis returns with its old data; the keys are remembered (at most
  ``MAX_REMEMBERED_KEYS``) and deleted on recovery. The layout and page caches do not need
  this (their version token lives in the database), the gallery's catalogue version does.

Counters (``incr``) raise ValueError while Redis is down, as for a key that does not exist:
the callers (the inquiry form's and the beacon's per-address limits) treat that as a new
count, so those limits are not enforced during an outage, and nothing is refused.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 10.0
MAX_REMEMBERED_KEYS = 10_000
# Short timeouts: a Redis that hangs must not hold a request for long either.
DEFAULT_SOCKET_TIMEOUT = 0.5


def _redis_errors():
    import redis

    return (redis.exceptions.RedisError, OSError)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        self.retry_seconds = float(options.pop("retry_seconds", RETRY_SECONDS))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_until = 0.0  # monotonic time before which Redis is not tried
        self._down_since = None
        self._failures = 0  # calls answered without Redis in the current outage
        self._last_logged = None
        self._lost_writes = set()

    # The state ------------------------------------------------------------------------

    @property
    def is_down(self):
        return self._down_since is not None

    def _available(self):
        return self._down_since is None or time.monotonic() >= self._down_until

    def _failed(self, error, lost_keys=()):
        now = time.monotonic()
        with self._lock:
            self._failures += 1
            self._down_until = now + self.retry_seconds
            if len(self._lost_writes) < MAX_REMEMBERED_KEYS:
                self._lost_writes.update(lost_keys)
            first = self._down_since is None
            if first:
                self._down_since = now
            since_logged = None if self._last_logged is None else now - self._last_logged
            due = first or since_logged is None or since_logged >= self.retry_seconds
            if due:
                self._last_logged = now
        if due:
            logger.error(
                "Redis cache unreachable (%s): serving without the cache, retrying every %.0f s"
                " (%d calls without it so far)",
                type(error).__name__,
                self.retry_seconds,
                self._failures,
                exc_info=first,
            )

    def _skipped(self, lost_keys=()):
        with self._lock:
            self._failures += 1
            if len(self._lost_writes) < MAX_REMEMBERED_KEYS:
                self._lost_writes.update(lost_keys)

    def _recover(self):
        """Redis answers again: forget what was written meanwhile, before anything is read.
        Raises the Redis error when it does not answer after all."""
        with self._lock:
            lost = list(self._lost_writes)
        client = self._cache.get_client(write=True)
        client.ping()
        if lost:
            client.delete(*lost)
        with self._lock:
            if self._down_since is None:
                return
            outage = time.monotonic() - self._down_since
            self._lost_writes.difference_update(lost)
            failures, self._failures = self._failures, 0
            self._down_since = None
            self._last_logged = None
        logger.warning(
            "Redis cache reachable again after %.0f s (%d calls served without it, %d stale"
            " keys deleted)",
            outage,
            failures,
            len(lost),
        )

    def _call(self, method, fallback, lost_keys, *args, **kwargs):
        if not self._available():
            self._skipped(lost_keys() if lost_keys else ())
            return fallback()
        try:
            if self._down_since is not None:
                self._recover()
            return method(*args, **kwargs)
        except _redis_errors() as error:
            self._failed(error, lost_keys() if lost_keys else ())
            return fallback()

    # The cache API ---------------------------------------------------------------------

    def _key(self, key, version):
        return self.make_and_validate_key(key, version=version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, None, key, default=default, version=version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, None, keys, version=version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, lambda: False, None, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            super().add,
            lambda: False,
            lambda: [self._key(key, version)],
            key,
            value,
            timeout=timeout,
            version=version,
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            super().set,
            lambda: None,
            lambda: [self._key(key, version)],
            key,
            value,
            timeout=timeout,
            version=version,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            super().set_many,
            lambda: list(data),
            lambda: [self._key(key, version) for key in data],
            data,
            timeout=timeout,
            version=version,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, lambda: False, None, key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        return self._call(
            super().delete, lambda: False, lambda: [self._key(key, version)], key, version=version
        )

    def delete_many(self, keys, version=None):
        return self._call(
            super().delete_many,
            lambda: None,
            lambda: [self._key(key, version) for key in keys],
            keys,
            version=version,
        )

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")

        return self._call(
            super().incr, missing, lambda: [self._key(key, version)], key, delta, version=version
        )

    def clear(self):
        return self._call(super().clear, lambda: False, None)
