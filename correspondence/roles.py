"""The register's rights (cms.roles): the PR division's specialists and Public Reception
register and work on items, the Director's Office approves replies and keeps the settings."""

from cms.roles import grant

WORK = tuple(
    f"correspondence.{action}_{model}"
    for model in ("correspondenceitem", "attachment")
    for action in ("add", "change", "view")
) + ("correspondence.view_unit",)
UNITS = tuple(f"correspondence.{action}_unit" for action in ("add", "change"))
APPROVE = ("correspondence.approve_reply",)
SETTINGS = ("correspondence.change_correspondencesettings",)

GRANTS = {
    "COMMUNICATIONS_SPECIALISTS": WORK,
    "SENIOR_SPECIALISTS": WORK + UNITS,
    "HEAD_OF_PR": WORK + UNITS,
    "DIRECTORS_OFFICE": WORK + UNITS + APPROVE + SETTINGS,
    "PUBLIC_RECEPTION": WORK,
}


def extend_roles(editorial):
    for key, permissions in GRANTS.items():
        if key in editorial:
            grant(editorial[key], permissions)
    return {}
