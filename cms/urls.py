from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from navigation import views as navigation_views
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("archive-downloads/", include("media_archive.urls")),
    path("sitemap.xml", navigation_views.sitemap_xml, name="sitemap"),
    path("robots.txt", navigation_views.robots_txt, name="robots_txt"),
    # Georgian first: the bare domain always opens the Georgian site, whatever language
    # the browser asks for; the switcher on every page leads to English.
    path("", RedirectView.as_view(url=f"/{settings.LANGUAGE_CODE}/", permanent=False)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search_view, name="search"),
    path("press/", include("press.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
