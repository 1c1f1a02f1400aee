from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from navigation.sitemaps import sitemap_entries

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
    """Every live public page of both languages, each with its translations as reciprocal
    hreflang alternates (and x-default: the Georgian page), on the public address."""
    entries = sitemap_entries(request)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in entries:
        lines.append("<url>")
        lines.append(f"<loc>{escape(entry.location)}</loc>")
        if entry.lastmod:
            lines.append(f"<lastmod>{entry.lastmod.date().isoformat()}</lastmod>")
        for code, location in entry.alternates:
            lines.append(
                f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(location)}"/>'
            )
        lines.append("</url>")
    lines.append("</urlset>")
    return HttpResponse("\n".join(lines) + "\n", content_type="application/xml; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says (feeds, files): the agency's
    icon, from the static files."""
    return redirect(static("img/favicon.ico"), permanent=True)


@require_GET
@cache_page(ONE_HOUR)
def web_manifest(request):
    """What a phone shows when the site is added to its home screen."""
    manifest = {
        "name": str(_("Social Service Agency")),
        "short_name": "SSA",
        "lang": request.LANGUAGE_CODE or settings.LANGUAGE_CODE,
        "start_url": f"/{settings.LANGUAGE_CODE}/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b3d6b",
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response
