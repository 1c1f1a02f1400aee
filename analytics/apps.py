from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = _("Site analytics")

    def ready(self):
        from django.core.signals import request_finished

        from analytics.buffer import flush_if_due, install_exit_flush

        # After the response has been handed to the server: the visitor does not wait.
        request_finished.connect(flush_if_due, dispatch_uid="analytics_flush_if_due")
        # And when the process ends: nothing buffered is lost to a restart.
        install_exit_flush()

        from wagtail.documents.models import document_served

        from analytics.goals import count_download

        # Sent by Wagtail's document view once its privacy checks have passed.
        document_served.connect(count_download, dispatch_uid="analytics_count_download")
