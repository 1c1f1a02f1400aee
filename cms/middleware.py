from django.conf import settings
from django.urls import reverse
from django.utils import translation


class AdminLanguageMiddleware:
    """The admin speaks the agency's language (LANGUAGE_CODE, Georgian) by default, whatever
    the browser's Accept-Language says; the language a user picks in their Wagtail profile
    still wins, because Wagtail activates it around every admin view. Place it right after
    LocaleMiddleware, which keeps choosing the language of the public site."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    @property
    def admin_prefix(self):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
