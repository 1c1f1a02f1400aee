from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Website")

    def ready(self):
        from cms.layout_cache import connect_signals
        from cms.text_case import install_georgian_capfirst

        install_georgian_capfirst()
        connect_signals()
