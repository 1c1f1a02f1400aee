"""Every Georgian catalogue under locale/ (the project's and the vendor ones) is well formed:
placeholders and HTML tags kept exactly, no fuzzy entries, compiles cleanly, and every vendor
catalogue covers all of its package's msgids."""

import gettext
import io
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from cms.catalogues import (
    inspect_catalogue,
    is_translated,
    markup_mismatches,
    markup_tokens,
    package_for_vendor_name,
    translation_conflicts,
)

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
CATALOGUES = sorted(LOCALE_DIR.glob("**/ka/LC_MESSAGES/*.po"))
VENDOR_CATALOGUES = [path for path in CATALOGUES if "vendor" in path.parts]


def catalogue_id(path):
    return str(path.relative_to(LOCALE_DIR))


def test_catalogues_are_discovered():
    assert LOCALE_DIR / "vendor/wagtail_admin/ka/LC_MESSAGES/django.po" in CATALOGUES
    assert LOCALE_DIR / "vendor/wagtail_admin/ka/LC_MESSAGES/djangojs.po" in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_translations_keep_placeholders_and_tags(path):
    broken = [
        f"{source!r} -> {text!r}"
        for entry in polib.pofile(str(path))
        for source, text in markup_mismatches(entry)
    ]
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_catalogue_compiles_cleanly(path):
    po = polib.pofile(str(path), check_for_duplicates=True)
    assert po.metadata.get("Language") == "ka"
    assert po.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=2;plural=(n!=1);"
    assert not [entry.msgid for entry in po if "fuzzy" in entry.flags and entry.msgid]

    compiled = gettext.GNUTranslations(io.BytesIO(po.to_binary()))
    translated = [entry for entry in po if entry.msgid and not entry.msgid_plural]
    translated = [entry for entry in translated if is_translated(entry)]
    for entry in translated[:50]:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        assert compiled._catalog[key] == entry.msgstr

    msgfmt = shutil.which("msgfmt")
    if msgfmt:  # GNU gettext's own format checks, where it is installed (CI installs it)
        result = subprocess.run(  # noqa: S603 - our own file, fixed arguments
            [msgfmt, "--check-format", "--check-domain", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", VENDOR_CATALOGUES, ids=catalogue_id)
def test_vendor_catalogue_covers_its_package(path):
    catalogue = inspect_catalogue(path)
    assert catalogue.source_path is not None, f"no English source catalogue for {path}"
    assert catalogue.missing == [], f"{len(catalogue.missing)} untranslated: {catalogue.missing}"


@pytest.mark.parametrize(
    ("name", "package"),
    [
        ("wagtail_admin", "wagtail.admin"),
        ("wagtail_core", "wagtail"),
        ("wagtail_contrib_forms", "wagtail.contrib.forms"),
        ("wagtail_localize", "wagtail_localize"),
        ("wagtail_localize_locales", "wagtail_localize.locales"),
        ("wagtailmedia", "wagtailmedia"),
        ("no_such_package", None),
    ],
)
def test_vendor_directory_names_map_to_packages(name, package):
    assert package_for_vendor_name(name) == package


def test_markup_tokens_see_placeholders_and_tags():
    source = "Delete <b>%(count)s</b> of {total} items (%s, 100%%)"
    assert markup_tokens(source) == sorted(["<b>", "</b>", "%(count)s", "{total}", "%s", "%%"])
    entry = polib.POEntry(msgid=source, msgstr="წაშლა: %(count)s, {total} (%s, 100%%)")
    assert markup_mismatches(entry) == [(source, entry.msgstr)]


def test_plural_forms_are_checked_against_their_own_source():
    entry = polib.POEntry(
        msgid="Delete 1 page",
        msgid_plural="Delete %(counter)s pages",
        msgstr_plural={0: "1 გვერდის წაშლა", 1: "გვერდების წაშლა"},
    )
    assert markup_mismatches(entry) == [("Delete %(counter)s pages", "გვერდების წაშლა")]
    entry.msgstr_plural[1] = "%(counter)s გვერდის წაშლა"
    assert markup_mismatches(entry) == []


def test_vendor_catalogues_agree_with_each_other():
    """Django merges the catalogues into one, so a msgid two packages share must read the
    same (the glossary's term) wherever it appears."""
    conflicts = translation_conflicts(VENDOR_CATALOGUES)
    assert conflicts == []
