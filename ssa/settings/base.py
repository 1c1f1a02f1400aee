"""Settings shared by every environment. Values that differ come from env.py."""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import BASE_DIR, DEFAULT_DATABASE_URL, env

SITE_DIR = BASE_DIR / "site"

DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "cms",
    "services",
    "offices",
    "news",
    "info",
    "staff",
    "navigation",
    "media_archive",
    "search",
    "analytics",
    # The Director's Office desk.
    # Public Reception (inquiries) before the register, whose rights it also gets.
    "inquiries",
    "correspondence",
    "monitoring",
    "partners",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: press replaces one of its workflow notification handlers.
    "press",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    # The database queue of background work in production (settings/production.py).
    "django_tasks_db",
    "analytical",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CSP, Permissions-Policy, CORP on every response, cached copies included (outside the
    # page cache).
    "cms.security_headers.SecurityHeadersMiddleware",
    # Before anything reads a parameter: NUL in a path or query is refused with 400.
    "cms.request_guard.RejectMalformedRequestsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The admin defaults to Georgian whatever the browser asks for (a profile choice wins).
    "cms.middleware.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step log-in to the admin (accounts/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    # After authentication (staff are not counted), before redirects (a redirected 404 is not
    # a 404).
    "analytics.middleware.AnalyticsMiddleware",
    # Inside analytics (a page served from the cache is still counted), after authentication
    # (logged-in users are never served from it).
    "cms.page_cache.PageCacheMiddleware",
    # A visitor's request makes no rendition of an archive image: they are made ahead of
    # time by a background task (media_archive/renditions.py).
    "media_archive.renditions.VisitorRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The admin's uploads in one transaction; a full or read-only media storage is refused
    # with a message, leaving no row or file (cms/upload_guard.py).
    "cms.upload_guard.UploadGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Password reset requests per address (accounts/login_security.py).
    "accounts.login_security.PasswordResetThrottleMiddleware",
    # Last, as django-axes requires: turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ssa.urls"
WSGI_APPLICATION = "ssa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db_url("DATABASE_URL", default=DEFAULT_DATABASE_URL)}
# Connections kept between requests: opening one costs more than serving a page from the
# page cache (which still reads the layout version); checked before reuse, so a database
# restart costs one failed check, not a failed request.
DATABASES["default"]["CONN_MAX_AGE"] = env("CONN_MAX_AGE")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Georgian first, English second.
LANGUAGE_CODE = "ka"
LANGUAGES = [("ka", "ქართული"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("ka", "ქართული"), ("en", "English")]
# The project's own catalogue first (its strings win), then the Georgian catalogues we maintain
# for the packages (locale/vendor/<package>/), which Django merges over the packages' own.
LOCALE_PATHS = [BASE_DIR / "locale"] + sorted(
    path for path in (BASE_DIR / "locale" / "vendor").glob("*") if path.is_dir()
)
TIME_ZONE = "Asia/Tbilisi"
# Georgian times on the 24-hour clock (cms/formats/ka/formats.py); the rest is Django's `ka`.
FORMAT_MODULE_PATH = ["ssa.formats"]
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT")
STATIC_URL = "/static/"
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = "/media/"
PRIVATE_FILES_ROOT = env("PRIVATE_FILES_ROOT")
STORAGES = {
    "default": {"BACKEND": "cms.upload_guard.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models exceed Django's default of 1,000 form fields in the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: Redis when REDIS_URL is set, otherwise a per-process memory cache. Losing Redis
# turns the cache into a miss for every call (cms/resilient_cache.py), never into a 500.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "cms.resilient_cache.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            "OPTIONS": {"retry_seconds": env("REDIS_RETRY_SECONDS")},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for the layout of every page (cms.layout_cache) beside the renditions;
            # Django's default of 300 entries would keep evicting them on a real site.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# The anonymous page cache (cms/page_cache.py): entries live PAGE_CACHE_SECONDS at most on
# the server (any change editors publish replaces them at once); browsers may keep a page
# PAGE_CACHE_BROWSER_SECONDS, a CDN or proxy PAGE_CACHE_SHARED_SECONDS (raise it once the
# CDN is purged on publication, below).
PAGE_CACHE = env("PAGE_CACHE")
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
PAGE_CACHE_BROWSER_SECONDS = env("PAGE_CACHE_BROWSER_SECONDS")
PAGE_CACHE_SHARED_SECONDS = env("PAGE_CACHE_SHARED_SECONDS")
# Wagtail's front-end cache invalidation: a published or unpublished page (and the listings
# and home pages that show it) is purged from the CDN or proxy in front of the site.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx proxy_cache_purge, Fastly-style PURGE
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_BEARER_TOKEN") and env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }

# The address the public site is reached at (https://ssa.gov.ge): absolute links in the
# sitemap, feeds and share cards. Empty: the address of each request.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL").rstrip("/")

# E-mail: EMAIL_URL such as smtp+tls://user:password@host:587 or consolemail://.
vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (renditions of archive images, reference index, file deletion, cache
# purges) runs at once, where it is queued, in development and tests; production queues
# it in the database for `manage.py db_worker` (settings/production.py, README).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = _("Social Service Agency")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
# Avatars from Gravatar would be a request to a third-party host from every admin screen.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The agency works in one time zone. With a single choice Wagtail drops the account
# setting that listed ~600 zone names in English; every time in the admin is Tbilisi time.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
# A translation starts as a draft and goes through the same review as its source;
# wagtail-localize would otherwise publish it at once when its source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILIMAGES_IMAGE_MODEL = "media_archive.ArchiveImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_archive.ArchiveDocument"
WAGTAILMEDIA = {"MEDIA_MODEL": "media_archive.ArchiveMedia"}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "xls",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
# Video and audio sent through the admin's multi-file upload (media_archive.media_upload);
# `import_media` reads files already on the server and has no cap.
ARCHIVE_MEDIA_MAX_UPLOAD_SIZE = 1024 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
# Wagtail's own Latin fallback for Georgian is an informal one (ც → c, ხ → x); keeping the
# Georgian letters lets cms.forms romanise them by the national system instead.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Search: Wagtail's database backend unless ELASTICSEARCH_URL names a cluster.
if env("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [env("ELASTICSEARCH_URL")],
            "INDEX": env("ELASTICSEARCH_INDEX_PREFIX") + "wagtail",
            "TIMEOUT": 5,
        }
    }
else:
    # Wagtail's database backend, with SQLite's ranking in one pass (search/db_backend.py).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.db_backend"}}

# Site search (search app): with Elasticsearch the database index is kept current too, so
# that search can answer from it while the cluster is unreachable.
if (
    "database" not in WAGTAILSEARCH_BACKENDS
    and WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] != "search.db_backend"
):
    WAGTAILSEARCH_BACKENDS["database"] = {"BACKEND": "search.db_backend"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    "loggers": {
        # One line per background task and per page action is noise in a terminal; the
        # admin's own history keeps the page actions.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Staff section (staff app): page privacy sends visitors to this login page, in the site's
# own look, instead of Wagtail's bare one.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "staff/login.html"

# Site analytics (analytics app): cookieless capture of public page views, reports in the
# admin. Buffer: "memory" per process, "redis" when REDIS_URL is set, or "sync".
ANALYTICS_CAPTURE = env("ANALYTICS_CAPTURE")
ANALYTICS_BUFFER = env("ANALYTICS_BUFFER") or ("redis" if env("REDIS_URL") else "memory")
ANALYTICS_REDIS_URL = env("REDIS_URL")
ANALYTICS_FLUSH_SECONDS = env("ANALYTICS_FLUSH_SECONDS")
ANALYTICS_FLUSH_ROWS = env("ANALYTICS_FLUSH_ROWS")
ANALYTICS_RETENTION_DAYS = env("ANALYTICS_RETENTION_DAYS")
# The search log and the search-term rollups (free text visitors typed), scrubbed of personal
# data as they are written, are kept this long (13 months: a year-on-year comparison).
ANALYTICS_SEARCH_RETENTION_DAYS = env("ANALYTICS_SEARCH_RETENTION_DAYS")
ANALYTICS_BEACON_RATE = env("ANALYTICS_BEACON_RATE")
# The analysts' JSON API (analytics/api.py): comma-separated bearer tokens; none, no API.
ANALYTICS_API_TOKENS = env("ANALYTICS_API_TOKENS")
ANALYTICS_CLIENT_IP_HEADER = env("ANALYTICS_CLIENT_IP_HEADER")
ANALYTICS_QUERY_ALLOWLIST = ["q"]
# Third-party analytics through django-analytical: off unless configured. Matomo runs without
# cookies and is never sent user identities.
ANALYTICAL_AUTO_IDENTIFY = False
if env("MATOMO_DOMAIN_PATH") and env("MATOMO_SITE_ID"):
    MATOMO_DOMAIN_PATH = env("MATOMO_DOMAIN_PATH")
    MATOMO_SITE_ID = env("MATOMO_SITE_ID")
    MATOMO_DISABLE_COOKIES = True
if env("GOOGLE_ANALYTICS_GTAG_PROPERTY_ID"):
    GOOGLE_ANALYTICS_GTAG_PROPERTY_ID = env("GOOGLE_ANALYTICS_GTAG_PROPERTY_ID")

# Media archive (media_archive/): duplicate refusal in the admin upload forms, HEIC
# photos from phones (pillow-heif), and the wagtailmedia form that refuses duplicates too.
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_archive.forms.ArchiveImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "heic", "tiff"]
# Browsers show neither HEIC nor TIFF: their renditions are JPEG (Wagtail already converts
# HEIC; TIFF scans would otherwise be served as TIFF).
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"tiff": "jpeg"}
WAGTAILMEDIA = {**WAGTAILMEDIA, "MEDIA_FORM_BASE": "media_archive.forms.ArchiveMediaForm"}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_archive.forms.ArchiveDocumentForm"
# Every file under MEDIA_URL is served by media_archive.serving, which decides per file who
# may fetch it; the web server may send the bytes once Django has decided.
MEDIA_ACCEL_MODE = env("MEDIA_ACCEL_MODE")
if MEDIA_ACCEL_MODE not in ("", "nginx", "sendfile"):
    raise ImproperlyConfigured('MEDIA_ACCEL_MODE must be "", "nginx" or "sendfile".')
MEDIA_ACCEL_PREFIX = env("MEDIA_ACCEL_PREFIX")
# Documents only through Wagtail's view, which checks collection privacy; their files are
# never served by address (media_archive.serving refuses documents/).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Security headers (cms/security_headers.py; README "Security headers"). The public site: only
# its own files, nothing inline, never framed. The admin: what Wagtail 8 needs (inline
# initialiser scripts and style attributes; its preview frames admin pages).
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "media-src": [_SELF],
        "connect-src": [_SELF],
        "frame-src": [_NONE],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
    }
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "media-src": [_SELF, "blob:"],
        "frame-src": [_SELF],
        "frame-ancestors": [_SELF],
    }
}
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views answer SAMEORIGIN themselves
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Losing the database (cms/outage.py): 503, Retry-After, the hotline from the environment.
HOTLINE_PHONE = env("HOTLINE_PHONE")
OUTAGE_RETRY_AFTER_SECONDS = env("OUTAGE_RETRY_AFTER_SECONDS")

# Log-ins (accounts/login_security.py): django-axes locks out a user name from one address
# after AXES_FAILURE_LIMIT failures, for LOGIN_COOLOFF_MINUTES; success resets the count.
# AxesBackend (the standalone check plus ModelBackend's get_user) first, not the standalone
# one: code that logs a user in with the first backend (Wagtail's test utilities, say) needs
# one that can load the user back from the session. Its authenticate only checks the lockout;
# ModelBackend after it checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env("LOGIN_FAILURE_LIMIT")
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env("LOGIN_COOLOFF_MINUTES"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.login_security.lockout"
AXES_CLIENT_IP_CALLABLE = "accounts.login_security.client_ip"
AXES_VERBOSE = False
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER")
PASSWORD_RESET_LIMIT = env("PASSWORD_RESET_LIMIT")
# After logging in without `next`: the admin for editors, the staff section for the others
# (staff.views.after_login).
LOGIN_REDIRECT_URL = "after_login"
# Sessions (only logged-in staff have one) end after SESSION_IDLE_MINUTES without a request.
SESSION_COOKIE_AGE = env("SESSION_IDLE_MINUTES") * 60
SESSION_SAVE_EVERY_REQUEST = True
# Two-step log-in (accounts/two_factor.py): required for superusers and the groups that
# publish or approve; TWO_FACTOR_REQUIRED=false only for a first set-up without a phone.
TWO_FACTOR_REQUIRED = env("TWO_FACTOR_REQUIRED")
OTP_TOTP_ISSUER = "ssa.gov.ge"
