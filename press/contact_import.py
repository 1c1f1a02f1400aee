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
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
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
    for row in reader:
        line = reader.line_num
        errors = _row_errors(row)
        if errors:
            report.errors.append((line, "; ".join(errors)))
        else:
            valid.append(row)
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
