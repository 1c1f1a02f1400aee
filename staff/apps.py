from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff section")

    def ready(self):
        from staff import signals  # noqa: F401  (connects the receivers)
