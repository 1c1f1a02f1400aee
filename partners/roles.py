"""Partner directory rights (cms.roles): the PR division keeps it."""

from cms.roles import grant

EDIT = tuple(f"partners.{action}_partner" for action in ("add", "change", "view"))

GRANTS = {
    "COMMUNICATIONS_SPECIALISTS": ("partners.view_partner",),
    "SENIOR_SPECIALISTS": EDIT,
    "HEAD_OF_PR": EDIT,
    "DIRECTORS_OFFICE": EDIT,
}


def extend_roles(editorial):
    for key, permissions in GRANTS.items():
        if key in editorial:
            grant(editorial[key], permissions)
    return {}
