"""Media monitoring rights (cms.roles): the PR division logs mentions and keeps the outlet
and topic lists; the Director's Office reads the reports."""

from cms.roles import grant

LOG = tuple(
    f"monitoring.{action}_{model}"
    for model in ("mention", "outlet", "topic")
    for action in ("add", "change", "view")
) + ("monitoring.view_monitoring_reports",)

GRANTS = {
    "COMMUNICATIONS_SPECIALISTS": LOG,
    "SENIOR_SPECIALISTS": LOG + ("monitoring.delete_mention",),
    "HEAD_OF_PR": LOG + ("monitoring.delete_mention", "monitoring.change_monitoringsettings"),
    "DIRECTORS_OFFICE": ("monitoring.view_mention", "monitoring.view_monitoring_reports"),
}


def extend_roles(editorial):
    for key, permissions in GRANTS.items():
        if key in editorial:
            grant(editorial[key], permissions)
    return {}
