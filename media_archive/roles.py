"""The archive's vocabularies (people, places, events) are kept by the roles that edit
every archive item (cms.roles); the others see them as names offered in the forms."""

from cms.roles import grant

VOCABULARY_EDITING = tuple(
    f"media_archive.{action}_{model}"
    for model in ("person", "place", "event")
    for action in ("add", "change", "view")
)

GRANTS = {
    "SENIOR_SPECIALISTS": VOCABULARY_EDITING,
    "HEAD_OF_PR": VOCABULARY_EDITING,
    "DIRECTORS_OFFICE": VOCABULARY_EDITING,
    "WEB_EDITORS": VOCABULARY_EDITING,
}


def extend_roles(editorial):
    for key, permissions in GRANTS.items():
        if key in editorial:
            grant(editorial[key], permissions)
    return {}
