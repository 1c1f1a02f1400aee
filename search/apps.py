from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from django.core.signals import request_finished
        from django.db.backends.signals import connection_created

        from search.database_tuning import configure_sqlite_connection
        from search.querylog import flush_after_response
        from search.ranking import connect_signals

        request_finished.connect(flush_after_response, dispatch_uid="search_query_log_flush")
        connect_signals()
        connection_created.connect(
            configure_sqlite_connection, dispatch_uid="search_sqlite_page_cache"
        )
