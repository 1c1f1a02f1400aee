"""The catalogue of a selection as a CSV file that Excel opens correctly: UTF-8 with a
byte-order mark (without it Excel reads Georgian as mojibake), headers in the admin's
language (Georgian for the archive's staff), dates as ISO 8601 so that they sort.

Coordinates are left out: they stay in the catalogue for staff and a spreadsheet travels
further than the admin does."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from media_archive.models import ArchiveImage

BYTE_ORDER_MARK = "\ufeff"
# Excel runs a cell starting with these as a formula: a caption "=HYPERLINK(…)" must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value):
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _iso(value):
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return value.isoformat()


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def columns():
    """(header, value of an item) in the order of the edit form's sections."""
    yes, no = pgettext("CSV", "yes"), pgettext("CSV", "no")
    return [
        (gettext("ID"), lambda item: item.pk),
        (gettext("Title"), lambda item: item.title),
        (gettext("original file name"), lambda item: item.original_filename),
        (gettext("Type"), lambda item: item.archive_kind),
        (gettext("Collection"), lambda item: item.collection.name),
        (gettext("caption in Georgian"), lambda item: item.caption_ka),
        (gettext("caption in English"), lambda item: item.caption_en),
        (gettext("description in Georgian"), lambda item: item.description_ka),
        (gettext("description in English"), lambda item: item.description_en),
        (gettext("date taken"), lambda item: _iso(item.date_taken)),
        (gettext("Photographer / credit"), lambda item: item.credit),
        (gettext("Event"), lambda item: item.event_name),
        (gettext("place"), lambda item: item.place_name),
        (gettext("Album"), lambda item: item.album.title_ka if item.album else ""),
        (gettext("people shown"), lambda item: "; ".join(_lines(item.people_shown))),
        (gettext("minors shown"), lambda item: yes if item.minors_shown else no),
        (gettext("Consent"), lambda item: item.get_consent_status_display()),
        (gettext("Consent expires on"), lambda item: _iso(item.consent_expiry)),
        (gettext("Rights"), lambda item: item.get_rights_kind_display()),
        (gettext("Licence"), lambda item: item.licence),
        (gettext("Rights expire on"), lambda item: _iso(item.rights_expiry)),
        (gettext("Sensitivity"), lambda item: item.get_sensitivity_display()),
        (gettext("File-plan code"), lambda item: item.file_plan_code),
        (gettext("retention period (years)"), lambda item: item.retention_years),
        (gettext("Retention ends on"), lambda item: _iso(item.retention_ends_on)),
        (gettext("Tags"), lambda item: ", ".join(sorted(tag.name for tag in item.tags.all()))),
    ]


def rows(model, items):
    """The CSV rows (header first) of `items`, read again in a fixed number of queries."""
    selected = (
        model.objects.filter(pk__in=[item.pk for item in items])
        .select_related("album", "collection")
        .prefetch_related("tags")
        .order_by("pk")
    )
    chosen = columns()
    yield [header for header, _value in chosen]
    for item in selected:
        yield [_text(value(item)) for _header, value in chosen]


def csv_text(model, items):
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out)
    writer.writerows(rows(model, items))
    return out.getvalue()


def csv_response(model, items):
    kind = "photos" if model is ArchiveImage else "media"
    name = f"catalogue-{kind}-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(csv_text(model, items), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
