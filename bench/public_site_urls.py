"""The site's own URLs plus /bench/plain/?bytes=N: a plain Django view that returns N bytes
of HTML, the baseline that bench/public_site.py measures Wagtail pages against."""

from django.http import HttpResponse
from django.urls import path

from ssa.urls import urlpatterns as site_urlpatterns

_PARAGRAPH = "<p>სოციალური მომსახურების სააგენტო — Social Service Agency.</p>\n"


def plain_html(request):
    try:
        size = max(0, min(int(request.GET.get("bytes", "0")), 2_000_000))
    except ValueError:
        size = 0
    head = '<!DOCTYPE html><html lang="ka"><head><meta charset="utf-8"><title>bench</title>'
    body = head + "</head><body>\n"
    chunk = _PARAGRAPH.encode()
    encoded = body.encode()
    repeats = max(0, (size - len(encoded) - 15) // len(chunk))
    html = encoded + chunk * repeats + b"</body></html>"
    return HttpResponse(html.ljust(size, b" "), content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/plain/", plain_html)] + site_urlpatterns
