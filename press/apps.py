from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press office")

    def ready(self):
        from press import signal_handlers  # noqa: F401  (connects the workflow and publish handlers)
