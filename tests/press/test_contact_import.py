from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from press.contact_import import import_contacts
from press.models import ContactList, MediaContact

CSV = """name,outlet,email,language,topics,lists
ნინო ბერიძე,საზოგადოებრივი მაუწყებელი,nino@example.ge,ka,პენსიები,ქართული მედია
,Rustavi 2,nobody@example.ge,ka,,
Anna Müller,DW,anna(at)example.org,en,,International
Giorgi K,Imedi,giorgi@example.ge,de,,
John Smith,BBC,JOHN@example.org,en,children,International;ქართული მედია
"""


@pytest.mark.django_db
def test_invalid_rows_are_reported_by_line_and_valid_rows_imported():
    with translation.override("en"):
        report = import_contacts(CSV)
    assert (report.created, report.updated) == (2, 0)
    lines = dict(report.errors)
    assert set(lines) == {3, 4, 5}
    assert "name is missing" in lines[3]
    assert "anna(at)example.org" in lines[4]
    assert "unknown language" in lines[5]
    john = MediaContact.objects.get(email="john@example.org")
    assert set(john.lists.values_list("name", flat=True)) == {"International", "ქართული მედია"}
    assert not MediaContact.objects.filter(email="nobody@example.ge").exists()


@pytest.mark.django_db
def test_reimport_updates_instead_of_duplicating():
    import_contacts(CSV)
    report = import_contacts(CSV)
    assert (report.created, report.updated) == (0, 2)
    assert MediaContact.objects.count() == 2
    assert ContactList.objects.count() == 2


@pytest.mark.django_db
def test_command_reports_lines_and_fails(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text(CSV, encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="3 line"):
        call_command("import_media_contacts", str(path), stdout=out, stderr=err)
    assert "line 4:" in err.getvalue()
    assert "სწორი ელფოსტის მისამართი არ არის" in err.getvalue()  # in the staff's language
    assert "Created 2" in out.getvalue()
