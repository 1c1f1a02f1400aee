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
    # What an access-log import treats as a static asset (never a page view), by the last
    # extension of the path and by path prefix; documents are downloads, not page views.
    "ANALYTICS_ASSET_EXTENSIONS": tuple(
        (
            "css js mjs map png jpg jpeg gif ico svg webp avif bmp tif tiff woff woff2 ttf "
            "otf eot swf jar class mp3 mp4 m4a ogg ogv webm wav avi mov flv exe msi dmg deb "
            "rpm iso bin zip gz tgz bz2 xz 7z rar tar pyc xml rss atom json webmanifest"
        ).split()
    ),
    "ANALYTICS_ASSET_PATHS": tuple(
        (
            "/static/ /media/ /favicon /robots.txt /sitemap /apple-touch-icon /.well-known/ "
            "/browserconfig.xml"
        ).split()
    ),
    "ANALYTICS_DOCUMENT_EXTENSIONS": tuple(
        ("pdf doc docx xls xlsx ppt pptx odt ods odp rtf csv").split()
    ),
    # Extensions of pages (served by a script or as HTML): imported as page views. A path with
    # any other extension is imported too ("a page is what is not an asset") and listed in
    # the import's summary, so the asset list can be completed.
    "ANALYTICS_PAGE_EXTENSIONS": tuple(
        ("html htm xhtml shtml php asp aspx jsp cfm cgi pl").split()
    ),
    # Search log and the rollups holding free text (search terms): kept this many days.
    "ANALYTICS_SEARCH_RETENTION_DAYS": 395,
    # Beacons (views of cached copies) accepted per minute from one address; an office
    # behind one address can read many pages a minute.
    "ANALYTICS_BEACON_RATE": 120,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
