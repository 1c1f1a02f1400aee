"""The analytics settings, with the defaults that apply when a setting is absent.

base.py sets them from the environment (ssa/settings/env.py); tests override them with
``override_settings``, so every read goes through these functions rather than module constants.
"""

from django.conf import settings

DEFAULTS = {
    # Off switch for the capture middleware (the reports keep working).
    "ANALYTICS_CAPTURE": True,
    # "memory" (per-process buffer), "redis" (shared list; needs REDIS_URL) or "sync" (write
    # every view at once: for tests and debugging only).
    "ANALYTICS_BUFFER": "memory",
    "ANALYTICS_REDIS_URL": "",
    "ANALYTICS_FLUSH_SECONDS": 5.0,
    "ANALYTICS_FLUSH_ROWS": 500,
    "ANALYTICS_RETENTION_DAYS": 90,
    # Query-string parameters kept with the path; everything else is dropped.
    "ANALYTICS_QUERY_ALLOWLIST": ("q",),
    # Behind a reverse proxy: the META key carrying the client address, e.g.
    # "HTTP_X_FORWARDED_FOR" (its last entry is used) or "HTTP_X_REAL_IP".
    "ANALYTICS_CLIENT_IP_HEADER": "",
    # Path prefixes never counted (besides STATIC_URL and MEDIA_URL).
    "ANALYTICS_EXCLUDED_PREFIXES": ("/admin/", "/django-admin/", "/documents/", "/analytics/"),
    # Beacons (views of cached copies) accepted per minute from one address; an office
    # behind one address can read many pages a minute.
    "ANALYTICS_BEACON_RATE": 120,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
