"""The one place where settings are read from the environment.

Every variable the platform understands is declared here with its type and its
development default; production.py removes the defaults that must never leak into
a live deployment.  The README's table of variables mirrors this module.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    MEDIA_ROOT=(str, str(BASE_DIR / "var" / "media")),
    # Uploaded files are served through media_archive.serving: "" streams them from
    # Django, "nginx" answers with X-Accel-Redirect to MEDIA_ACCEL_PREFIX, "sendfile" with
    # X-Sendfile (Apache mod_xsendfile).
    MEDIA_ACCEL_MODE=(str, ""),
    MEDIA_ACCEL_PREFIX=(str, "/protected-media/"),
    STATIC_ROOT=(str, str(BASE_DIR / "var" / "static")),
    # Correspondence attachments and replies: outside MEDIA_ROOT, never served by address.
    PRIVATE_FILES_ROOT=(str, str(BASE_DIR / "var" / "private")),
    CONN_MAX_AGE=(int, 60),
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX_PREFIX=(str, "ssa_"),
    REDIS_URL=(str, ""),
    # Seconds between attempts to reach Redis again after it failed (cms/resilient_cache.py).
    REDIS_RETRY_SECONDS=(float, 10.0),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "ssa.gov.ge <no-reply@ssa.gov.ge>"),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    SECURE_SSL_REDIRECT=(bool, True),
    # HSTS (production): a year, subdomains included; preload only when asked (README).
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
    SECURE_HSTS_INCLUDE_SUBDOMAINS=(bool, True),
    SECURE_HSTS_PRELOAD=(bool, False),
    # Addresses of the reverse proxies whose X-Forwarded-* headers gunicorn trusts
    # (gunicorn.conf.py); never "*".
    FORWARDED_ALLOW_IPS=(str, "127.0.0.1"),
    LOG_LEVEL=(str, "INFO"),
    # Site analytics (analytics app); MATOMO_* / GOOGLE_ANALYTICS_* switch on django-analytical.
    ANALYTICS_CAPTURE=(bool, True),
    ANALYTICS_BUFFER=(str, ""),
    ANALYTICS_FLUSH_SECONDS=(float, 5.0),
    ANALYTICS_FLUSH_ROWS=(int, 500),
    ANALYTICS_RETENTION_DAYS=(int, 90),
    ANALYTICS_SEARCH_RETENTION_DAYS=(int, 395),
    ANALYTICS_BEACON_RATE=(int, 120),
    ANALYTICS_API_TOKENS=(list, []),
    ANALYTICS_CLIENT_IP_HEADER=(str, ""),
    # Public site (cms.page_cache, navigation): the anonymous page cache, Cache-Control for
    # browsers and a CDN, purging a front-end cache, and the address the site is public at.
    PAGE_CACHE=(bool, True),
    PAGE_CACHE_SECONDS=(int, 600),
    PAGE_CACHE_BROWSER_SECONDS=(int, 0),
    PAGE_CACHE_SHARED_SECONDS=(int, 60),
    FRONTEND_CACHE_PURGE_URL=(str, ""),
    CLOUDFLARE_BEARER_TOKEN=(str, ""),
    CLOUDFLARE_ZONE_ID=(str, ""),
    PUBLIC_BASE_URL=(str, ""),
    MATOMO_DOMAIN_PATH=(str, ""),
    MATOMO_SITE_ID=(str, ""),
    GOOGLE_ANALYTICS_GTAG_PROPERTY_ID=(str, ""),
)

DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"
