from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from navigation.sitemaps import BilingualSitemap

ONE_HOUR = 60 * 60


@require_GET
@cache_page(ONE_HOUR)
def robots_txt(request):
    # Private sections are not named here: listing their addresses would advertise them.
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/authenticate_with_password/",
        "Disallow: /ka/_util/",
        "Disallow: /en/_util/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def sitemap_xml(request):
    return wagtail_sitemap(request, sitemaps={"pages": BilingualSitemap})
