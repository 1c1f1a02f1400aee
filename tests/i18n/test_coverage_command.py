"""`manage.py translation_coverage` (make translations-check) on a small project tree of its
own: it measures the project's catalogue against the strings the code marks for translation
and a vendor catalogue against its package's English msgids."""

import tempfile
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib import settings as wagtail_settings

HEADER = {
    "Language": "ka",
    "Content-Type": "text/plain; charset=UTF-8",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}


def write_catalogue(path, translations):
    po = polib.POFile()
    po.metadata = HEADER
    for msgid, msgstr in translations.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return po


@pytest.fixture
def project_tree(settings):
    """A project with one translatable string in Python and one in a template, a complete
    project catalogue and a complete catalogue for wagtail.contrib.settings (9 msgids)."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "app").mkdir()
        (base / "app" / "views.py").write_text(
            'from django.utils.translation import gettext as _\nTITLE = _("Opening hours")\n'
        )
        (base / "app" / "templates").mkdir()
        (base / "app" / "templates" / "page.html").write_text(
            '{% load i18n %}<p>{% translate "Contact us" %}</p>'
        )
        project_po = base / "locale/ka/LC_MESSAGES/django.po"
        write_catalogue(project_po, {"Opening hours": "სამუშაო საათები", "Contact us": "კონტაქტი"})
        english = Path(wagtail_settings.__file__).parent / "locale/en/LC_MESSAGES/django.po"
        source = polib.pofile(str(english))
        vendor_po = base / "locale/vendor/wagtail_contrib_settings/ka/LC_MESSAGES/django.po"
        # Standing in for Georgian: the English itself keeps every placeholder.
        write_catalogue(vendor_po, {entry.msgid: entry.msgid for entry in source if entry.msgid})
        settings.BASE_DIR = base
        settings.LOCALE_PATHS = [base / "locale", base / "locale/vendor/wagtail_contrib_settings"]
        yield {"project": project_po, "vendor": vendor_po, "english": source}


def run_coverage():
    out = StringIO()
    call_command("translation_coverage", stdout=out)
    return out.getvalue()


def test_complete_catalogues_pass(project_tree):
    report = run_coverage()
    assert "project/django" in report
    assert "2/2" in report
    assert "wagtail_contrib_settings/django" in report
    assert "All 2 catalogues are complete." in report


def test_a_project_string_without_georgian_fails(project_tree):
    views = project_tree["project"].parents[3] / "app" / "views.py"
    views.write_text(views.read_text() + 'ADDRESS = _("Head office address")\n')
    with pytest.raises(CommandError, match="project/django: 1 untranslated"):
        run_coverage()


def test_a_fuzzy_project_entry_fails(project_tree):
    po = polib.pofile(str(project_tree["project"]))
    po.find("Contact us").flags.append("fuzzy")
    po.save()
    with pytest.raises(CommandError, match="project/django"):
        run_coverage()


def test_a_vendor_catalogue_below_100_percent_fails(project_tree):
    po = polib.pofile(str(project_tree["vendor"]))
    po.remove(po[0])
    po.save()
    with pytest.raises(CommandError, match="wagtail_contrib_settings/django: 1 untranslated"):
        run_coverage()


def test_a_broken_placeholder_fails(project_tree):
    po = polib.pofile(str(project_tree["project"]))
    po.append(polib.POEntry(msgid="%(count)s offices", msgstr="ოფისები"))
    po.save()
    with pytest.raises(CommandError, match="placeholder/tag mismatches"):
        run_coverage()


def test_a_project_string_that_changes_the_admins_wording_fails(project_tree):
    vendor = polib.pofile(str(project_tree["vendor"]))
    shared_msgid = vendor[0].msgid
    po = polib.pofile(str(project_tree["project"]))
    po.append(polib.POEntry(msgid=shared_msgid, msgstr="სხვა სიტყვა"))
    po.save()
    with pytest.raises(CommandError, match="1 msgids translated differently"):
        run_coverage()
