from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NavigationConfig(AppConfig):
    name = "navigation"
    verbose_name = _("Navigation")

    def ready(self):
        from cms import layout_cache
        from navigation.models import Menu, MenuItem

        # The menus are part of the cached layout: an edit shows at once.
        layout_cache.watch(Menu, MenuItem)
