"""Importing media contacts from a spreadsheet export (CSV), reporting bad rows by line."""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from press.models import ContactList, MediaContact

COLUMNS = ["name", "outlet", "email", "language", "topics", "lists"]
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def _column_aliases():
    """Header spellings understood for each column: the code, and the field's name in each
    language (the admin's export writes those), case-insensitive."""
    from django.utils import translation

    aliases = {}
    for column in COLUMNS:
        field = MediaContact._meta.get_field(column)
        names = {column}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.add(str(field.verbose_name))
        for name in names:
            aliases[name.strip().casefold()] = column
    return aliases


def _normalise_header(fieldnames):
    aliases = _column_aliases()
    return [aliases.get((name or "").strip().casefold(), name) for name in fieldnames or []]


def decode_upload(raw):
    """The text of an uploaded CSV: UTF-8 (with or without the BOM spreadsheets write), or
    UTF-16 as Excel's "Unicode text" writes it. None if it is neither."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)


def _row_errors(row):
    errors = []
    if not (row.get("name") or "").strip():
        errors.append(_("the name is missing"))
    email = (row.get("email") or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        errors.append(_("“%(email)s” is not a valid e-mail address") % {"email": email})
    language = (row.get("language") or settings.LANGUAGE_CODE).strip() or settings.LANGUAGE_CODE
    if language not in LANGUAGE_CODES:
        errors.append(_("unknown language “%(language)s” (use ka or en)") % {"language": language})
    return errors


def import_contacts(text):
    """Create or update contacts (matched by e-mail) from CSV text with a header row.

    Valid rows are saved together; every invalid row is reported with its line number and
    nothing of it is saved.
    """
    report = ImportReport()
    text = text.lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        reader.fieldnames = _normalise_header(reader.fieldnames)
    except csv.Error as error:
        report.errors.append(
            (1, _("the file is not a readable CSV table (%(error)s)") % {"error": error})
        )
        return report
    missing = [column for column in ("name", "email") if column not in (reader.fieldnames or [])]
    if missing:
        report.errors.append(
            (
                1,
                _("the header row lacks the columns: %(columns)s")
                % {"columns": ", ".join(missing)},
            )
        )
        return report
    valid = []
    seen = {}
    try:
        for row in reader:
            line = reader.line_num
            errors = _row_errors(row)
            email = (row.get("email") or "").strip().lower()
            if not errors and email in seen:
                errors.append(
                    _("the e-mail address is also on line %(line)s") % {"line": seen[email]}
                )
            if errors:
                report.errors.append((line, "; ".join(errors)))
            else:
                seen[email] = line
                valid.append(row)
    except csv.Error as error:
        report.errors.append(
            (
                reader.line_num,
                _("the file is not a readable CSV table (%(error)s)") % {"error": error},
            )
        )
    with transaction.atomic():
        for row in valid:
            email = row["email"].strip().lower()
            contact, created = MediaContact.objects.update_or_create(
                email=email,
                defaults={
                    "name": row["name"].strip(),
                    "outlet": (row.get("outlet") or "").strip(),
                    "language": (row.get("language") or "").strip() or settings.LANGUAGE_CODE,
                    "topics": (row.get("topics") or "").strip(),
                },
            )
            names = [name.strip() for name in (row.get("lists") or "").split(";") if name.strip()]
            for name in names:
                contact.lists.add(ContactList.objects.get_or_create(name=name)[0])
            contact.save()
            if created:
                report.created += 1
            else:
                report.updated += 1
    return report
