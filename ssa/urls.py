import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from cms import routing
from media_archive import serving as media_serving
from navigation import views as navigation_views
from search import views as search_views
from staff import views as staff_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("archive-downloads/", include("media_archive.urls")),
    path("sitemap.xml", navigation_views.sitemap_xml, name="sitemap"),
    path("robots.txt", navigation_views.robots_txt, name="robots_txt"),
    path("favicon.ico", navigation_views.favicon, name="favicon"),
    path("site.webmanifest", navigation_views.web_manifest, name="web_manifest"),
    path("analytics/", include("analytics.urls")),
    # Georgian first: the bare domain always opens the Georgian site, whatever language
    # the browser asks for; the switcher on every page leads to English.
    path("", RedirectView.as_view(url=f"/{settings.LANGUAGE_CODE}/", permanent=False)),
]

# Uploaded files in every environment: each request is checked against the archive's
# privacy rules before a byte is sent (media_archive/serving.py).
urlpatterns += [
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
        media_serving.serve_media_file,
        name="media_file",
    )
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search_view, name="search"),
    path("search/suggest/", search_views.suggest_view, name="search_suggest"),
    path("press/", include("press.urls")),
    # Wagtail's page serving with the site and home page found from the layout cache
    # (cms/routing.py); Wagtail's own pattern below still names the URLs of pages.
    re_path("^(?!_util/)" + serve_pattern.removeprefix("^"), routing.serve),
    # LOGIN_REDIRECT_URL: the admin or the staff section, never a missing profile page.
    path("_util/after-login/", staff_views.after_login, name="after_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Every uncaught exception: 503 with Retry-After while the database is gone, 500 otherwise.
handler500 = "cms.outage.server_error"
