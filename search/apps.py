from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from django.core.signals import request_finished

        from search.querylog import flush_after_response

        request_finished.connect(flush_after_response, dispatch_uid="search_query_log_flush")
