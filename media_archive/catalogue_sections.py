"""The catalogue's edit form in sections, in the order an archivist works through an item:
what it shows, who is in it and whether they agreed, who owns it and under what licence,
and how long the archive keeps it. Used by the image and the audio/video edit pages.

A field not named here (one Wagtail or a later change adds) still appears, in the first
section, so that nothing on the form is ever hidden."""

from django.utils.translation import gettext_lazy as _

DESCRIPTION = "description"
PEOPLE = "people"
RIGHTS = "rights"
ARCHIVE = "archive"

SECTIONS = (
    (
        DESCRIPTION,
        _("Description"),
        (
            "title",
            "description",  # Wagtail's own: the image's text alternative
            "file",
            "thumbnail",
            "caption_ka",
            "caption_en",
            "description_ka",
            "description_en",
            "transcript_ka",
            "transcript_en",
            "date_taken",
            "credit",
            "event_name",
            "event_page",
            "place_name",
            "latitude",
            "longitude",
            "album",
            "album_position",
            "collection",
            "tags",
        ),
    ),
    (
        PEOPLE,
        _("People and consent"),
        ("people_shown", "minors_shown", "consent_status", "consent_expiry", "consent_document"),
    ),
    (
        RIGHTS,
        _("Rights and licence"),
        ("rights_kind", "licence", "rights_expiry", "sensitivity"),
    ),
    (
        ARCHIVE,
        _("Archive and retention"),
        ("file_plan_code", "retention_years", "original_filename", "near_duplicate_of"),
    ),
)


def sections_of(form):
    """[(key, title, [bound fields])] for the visible fields of `form`, every one placed."""
    placed = {name for _key, _title, names in SECTIONS for name in names}
    visible = {field.name: field for field in form.visible_fields()}
    sections = []
    for key, title, names in SECTIONS:
        fields = [visible[name] for name in names if name in visible]
        if key == DESCRIPTION:
            fields += [field for name, field in visible.items() if name not in placed]
        if fields:
            sections.append((key, title, fields))
    return sections
