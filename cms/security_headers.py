"""The security headers of every response, beside Django's SecurityMiddleware (HSTS, nosniff,
Referrer-Policy, Cross-Origin-Opener-Policy) and XFrameOptionsMiddleware (DENY).

- Content-Security-Policy through django-csp: the public site's policy is
  ``CONTENT_SECURITY_POLICY`` (only this site's own scripts, styles, fonts and images: no
  inline script or style, no eval, no third-party host, never framed). The admin (and Django's
  admin, if enabled) gets ``ADMIN_CONTENT_SECURITY_POLICY``, which Wagtail 8 needs looser:
  its widgets and panels write inline ``<script>`` initialisers and ``style`` attributes, and
  its preview is an iframe of an admin page (README, "Security headers").
- Permissions-Policy: no camera, microphone, geolocation, payment or sensors for any page.
- Cross-Origin-Resource-Policy: same-origin, so no other site embeds our files or pages.

Placed before the page cache: the headers are added to cached copies as they are sent, not
stored with them.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

PERMISSIONS_POLICY = (
    ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "usb",
            "xr-spatial-tracking",
        )
    )
    + ", fullscreen=(self)"
)


def is_admin_path(path):
    return path.startswith(tuple(getattr(settings, "ADMIN_PATH_PREFIXES", ("/admin/",))))


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None or not is_admin_path(request.path_info):
            return parts
        admin = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return PolicyParts(admin, parts.update, parts.replace, parts.nonce)

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
