"""The database is gone: every request that needed it answers 503 with Retry-After and a
stand-alone page in the language of the URL prefix, with the hotline number from the
settings (the site settings live in the database). Installed as handler500 (ssa/urls.py):
Django hands it every uncaught exception, whichever middleware or view raised it. Django
closes a connection that failed at the end of the request, and CONN_HEALTH_CHECKS makes the
next request open a new one, so the site comes back by itself when the database does.
Any other error still gets the plain 500 page."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation

logger = logging.getLogger(__name__)

UNAVAILABLE_TEMPLATE = "database_unavailable.html"


def is_database_outage(error):
    """A lost or refused connection (Django wraps the driver's errors), not a bad query:
    those stay 500s."""
    return isinstance(error, OperationalError | InterfaceError)


def unavailable_response(request):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        html = loader.render_to_string(
            UNAVAILABLE_TEMPLATE,
            {"hotline": settings.HOTLINE_PHONE, "language": language},
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response


def server_error(request):
    error = sys.exception()
    if error is not None and is_database_outage(error):
        logger.error("Database unreachable: answered 503 (%s)", type(error).__name__)
        return unavailable_response(request)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())
