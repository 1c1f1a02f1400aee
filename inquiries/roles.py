"""Public Reception (cms.roles): the only group that sees citizens' requests. The Director's
Office sees the statistics, which hold no personal data."""

from cms.roles import ensure_group, grant

PUBLIC_RECEPTION = "საზოგადოებრივი მისაღები"  # "Public Reception"; shared with tests

REQUESTS = tuple(
    f"inquiries.{action}_{model}"
    for model in ("inquiry", "requesttype")
    for action in ("add", "change", "view")
) + ("inquiries.view_inquiry_statistics", "inquiries.change_inquirysettings")


def extend_roles(editorial):
    reception = ensure_group(PUBLIC_RECEPTION, REQUESTS)
    # Public Reception receives documents too: the register's rights come from
    # correspondence.roles under this key.
    editorial["PUBLIC_RECEPTION"] = reception
    if "DIRECTORS_OFFICE" in editorial:
        grant(editorial["DIRECTORS_OFFICE"], ("inquiries.view_inquiry_statistics",))
    return {PUBLIC_RECEPTION: reception}
