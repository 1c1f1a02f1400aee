"""Requests no page can answer sensibly are refused with 400 before any view runs.

A NUL character (``%00``) in the path or a query parameter is never part of a real address,
and PostgreSQL refuses it in any string ("cannot contain NUL (0x00) characters"): left to the
views, it reached the database through the gallery's tag and event filters and answered 500.
One check here rather than one in each view that reads a parameter.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext as _


def _has_nul(request):
    if "\x00" in request.path_info:
        return True
    return any("\x00" in key or "\x00" in value for key, value in _pairs(request.GET))


def _pairs(querydict):
    for key, values in querydict.lists():
        for value in values:
            yield key, value


class RejectMalformedRequestsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            # Before LocaleMiddleware: the language of the URL prefix, Georgian otherwise.
            language = translation.get_language_from_path(request.path_info)
            with translation.override(language or settings.LANGUAGE_CODE):
                message = _("This address contains a character that is not allowed.")
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
