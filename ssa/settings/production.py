"""Production: every secret from the environment, and no default for any of them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings refuse to start without it: "
        "set SECRET_KEY in the environment to a long random string "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Production settings refuse to fall back to SQLite: "
        "set DATABASE_URL, e.g. postgres://user:password@host:5432/ssa."
    )

SECRET_KEY = env("SECRET_KEY")

# Background work waits in the database for its worker, `manage.py db_worker` (README,
# "Background work"): renditions of new archive images never slow an upload or a page.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# gunicorn serves the static files itself, compressed and with far-future cache headers.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
DEBUG = False

STORAGES = {
    "default": {"BACKEND": "cms.upload_guard.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD")
# Browsers upgrade any http: reference of a page (only where the site is served over HTTPS).
CONTENT_SECURITY_POLICY = {  # noqa: F405
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
        "upgrade-insecure-requests": True,
    }
}
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a commitment browsers ship in their source and take months to undo:
    # opt in with SECURE_HSTS_PRELOAD=true once ssa.gov.ge and every subdomain serve HTTPS.
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
    # TLS is terminated by the reverse proxy, which redirects HTTP; SECURE_SSL_REDIRECT=false
    # says so (Django would otherwise redirect again).
    *([] if SECURE_SSL_REDIRECT else ["security.W008"]),
]
