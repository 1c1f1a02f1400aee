"""The daily secret salts behind the visitor hash.

A salt exists for "today" and "yesterday" only (in the site's time zone): creating a new one
deletes those older than that, and ``purge_analytics`` does too, so no salt lives longer than
48 hours and a stored hash can never again be recomputed from an IP address and user agent.
"""

import datetime
import hashlib
import secrets
import threading

from django.db import IntegrityError, transaction

from analytics.models import DailySalt

_lock = threading.Lock()
_cache: dict[datetime.date, str] = {}


def forget_cached_salts():
    _cache.clear()


def delete_expired_salts(today: datetime.date) -> int:
    deleted, _ = DailySalt.objects.filter(date__lt=today - datetime.timedelta(days=1)).delete()
    for day in [day for day in _cache if day < today - datetime.timedelta(days=1)]:
        _cache.pop(day, None)
    return deleted


def salt_for(day: datetime.date) -> str:
    """The salt of `day`, created on first use. One query per process per day."""
    salt = _cache.get(day)
    if salt is not None:
        return salt
    with _lock:
        salt = _cache.get(day)
        if salt is None:
            salt = _load_or_create(day)
            _cache[day] = salt
    return salt


def _load_or_create(day):
    existing = DailySalt.objects.filter(date=day).values_list("salt", flat=True).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            created = DailySalt.objects.create(date=day, salt=secrets.token_hex(32))
    except IntegrityError:  # another process created it first
        return DailySalt.objects.get(date=day).salt
    delete_expired_salts(day)
    return created.salt


def visitor_hash(salt: str, ip: str, user_agent: str, host: str) -> str:
    """128 bits of keyed BLAKE2b: unique per visitor and day, unlinkable once the salt is gone."""
    digest = hashlib.blake2b(key=bytes.fromhex(salt), digest_size=16)
    digest.update("\x00".join((ip, user_agent, host)).encode("utf-8", "replace"))
    return digest.hexdigest()
