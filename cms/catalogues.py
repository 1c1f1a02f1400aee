"""The project's Georgian gettext catalogues: where they are, what they must cover, how complete
they are. Used by the `translation_coverage` command (make translations-check) and the tests.

Two kinds of catalogue live under LOCALE_PATHS:
- the project's own, `locale/ka/LC_MESSAGES/django.po`, which must translate every string the
  project's code and templates mark for translation;
- vendor catalogues, `locale/vendor/<package_path_with_underscores>/ka/LC_MESSAGES/<domain>.po`
  (e.g. `wagtail_admin` for `wagtail.admin`), which must translate every msgid of the package's
  own English catalogue, `<package>/locale/en/LC_MESSAGES/<domain>.po`.
"""

import importlib.util
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings

LANGUAGE = "ka"

# Packages whose Python path is not their directory name under locale/vendor/.
VENDOR_ALIASES = {"wagtail_core": "wagtail"}

# Directories of the project tree that hold no translatable application code.
NOT_PROJECT_CODE = {"locale", "tests", "bench", "var", "node_modules", "static"}

# Django's gettext keywords (as makemessages passes them to xgettext).
XGETTEXT_KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]

PRINTF_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcbo%]")
BRACE_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*\}|\{\d*\}")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def entry_key(entry):
    return (entry.msgctxt or "", entry.msgid)


def is_translated(entry):
    """Every msgstr (every plural form) filled and the entry not marked fuzzy."""
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def markup_tokens(text):
    """Placeholders and HTML tags of a string, as a sorted list (word order may change in
    translation, the tokens themselves may not)."""
    return sorted(
        PRINTF_PLACEHOLDER.findall(text) + BRACE_PLACEHOLDER.findall(text) + HTML_TAG.findall(text)
    )


def markup_mismatches(entry):
    """(source, translation) pairs whose placeholders or tags differ. For Georgian
    (plural=(n != 1)) form 0 translates msgid and form 1 translates msgid_plural."""
    if entry.msgid_plural:
        pairs = [
            (entry.msgid if index == 0 else entry.msgid_plural, text)
            for index, text in sorted(entry.msgstr_plural.items())
        ]
    else:
        pairs = [(entry.msgid, entry.msgstr)]
    return [
        (source, text)
        for source, text in pairs
        if text and markup_tokens(source) != markup_tokens(text)
    ]


@dataclass
class Catalogue:
    path: Path
    name: str  # "project" or the locale/vendor/ directory name
    domain: str
    source_path: Path | None = None  # the package's English catalogue
    source_keys: set = field(default_factory=set)
    missing: list = field(default_factory=list)  # source msgids with no Georgian
    fuzzy: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.source_keys)

    @property
    def translated(self):
        return self.total - len(self.missing)

    @property
    def percent(self):
        return 100.0 if not self.total else 100.0 * self.translated / self.total

    @property
    def complete(self):
        return not self.missing and not self.fuzzy


def catalogue_paths():
    """Every Georgian .po file under LOCALE_PATHS, project catalogue first."""
    paths = []
    for locale_dir in settings.LOCALE_PATHS:
        paths.extend(sorted(Path(locale_dir).glob(f"{LANGUAGE}/LC_MESSAGES/*.po")))
    return paths


def package_for_vendor_name(name):
    """The importable package a locale/vendor/<name> directory translates, e.g.
    'wagtail_contrib_forms' -> 'wagtail.contrib.forms', 'wagtail_localize' -> 'wagtail_localize'
    (a package that exists with its own locale/ directory wins over other readings)."""
    if name in VENDOR_ALIASES:
        return VENDOR_ALIASES[name]
    parts = name.split("_")
    candidates = []
    for separators in itertools.product(["_", "."], repeat=len(parts) - 1):
        candidate = parts[0] + "".join(
            sep + part for sep, part in zip(separators, parts[1:], strict=True)
        )
        candidates.append(candidate)
    # Prefer readings that keep more of the name as a single package (fewer dots).
    for candidate in sorted(candidates, key=lambda dotted: dotted.count(".")):
        try:
            spec = importlib.util.find_spec(candidate)
        except (ImportError, ValueError):
            continue
        if spec and spec.submodule_search_locations:
            package_dir = Path(next(iter(spec.submodule_search_locations)))
            if (package_dir / "locale").is_dir():
                return candidate
    return None


def source_catalogue(vendor_name, domain):
    package = package_for_vendor_name(vendor_name)
    if package is None:
        return None
    spec = importlib.util.find_spec(package)
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    path = package_dir / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    return path if path.exists() else None


def project_code_dir():
    return Path(settings.BASE_DIR)


def _project_files(suffixes):
    for dirpath, dirnames, filenames in os.walk(project_code_dir()):
        # Prune in place so os.walk never descends into .venv, .git, var/ and the like.
        dirnames[:] = sorted(
            name for name in dirnames if not name.startswith(".") and name not in NOT_PROJECT_CODE
        )
        for filename in sorted(filenames):
            if Path(filename).suffix in suffixes:
                yield Path(dirpath) / filename


def extract_project_msgids():
    """(msgctxt, msgid) of every string the project's Python code and templates mark for
    translation, extracted the way makemessages does (xgettext; templates via templatize)."""
    from django.utils.translation.template import templatize

    xgettext = shutil.which("xgettext")
    if not xgettext:
        raise RuntimeError("xgettext (GNU gettext) is needed to extract the project's strings")
    keys = set()
    with tempfile.TemporaryDirectory() as tmp:
        sources = [str(path) for path in _project_files({".py"})]
        for index, template in enumerate(_project_files({".html", ".txt"})):
            converted = Path(tmp) / f"template_{index}.py"
            text = template.read_text(encoding="utf-8")
            converted.write_text(templatize(text, origin=str(template)), encoding="utf-8")
            sources.append(str(converted))
        if not sources:
            return keys
        list_file = Path(tmp) / "files.txt"
        list_file.write_text("\n".join(sources), encoding="utf-8")
        # The arguments are our own constants and file names, never user input.
        result = subprocess.run(  # noqa: S603
            [
                xgettext,
                "--language=Python",
                "--from-code=UTF-8",
                *XGETTEXT_KEYWORDS,
                "--output=-",
                f"--files-from={list_file}",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    if result.stdout.strip():
        keys = {entry_key(entry) for entry in polib.pofile(result.stdout) if entry.msgid}
    return keys


def pending_msgids():
    """msgids that have Georgian waiting in locale/pending/*.json, not yet merged into the
    project's catalogue."""
    keys = set()
    for path in sorted((Path(settings.BASE_DIR) / "locale" / "pending").glob("*.json")):
        try:
            keys.update(("", msgid) for msgid in json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, AttributeError):
            continue
    return keys


def catalogue_name(path):
    vendor_root = Path(settings.BASE_DIR) / "locale" / "vendor"
    path = Path(path)
    return path.relative_to(vendor_root).parts[0] if vendor_root in path.parents else "project"


def translation_conflicts(paths):
    """msgids that several catalogues of one domain translate differently. Django merges all
    of them into one catalogue where the first in LOCALE_PATHS wins, so a project string
    that shares its msgid with a Wagtail one changes the admin's wording too (give it a
    pgettext context instead). Returns [(domain, msgid, {catalogue name: msgstr})]."""
    seen = {}
    for path in paths:
        path = Path(path)
        for entry in polib.pofile(str(path)):
            if entry.msgid and not entry.msgid_plural and is_translated(entry):
                key = (path.stem, entry.msgctxt or "", entry.msgid)
                seen.setdefault(key, {})[catalogue_name(path)] = entry.msgstr
    return [
        (domain, msgid, translations)
        for (domain, _context, msgid), translations in sorted(seen.items())
        if len(set(translations.values())) > 1
    ]


def inspect_catalogue(path, project_msgids=None):
    """A Catalogue with its coverage measured. The project catalogue is measured against the
    project's extracted msgids (and its own entries); a vendor catalogue against the package's
    English catalogue, or its own entries when the package ships none."""
    path = Path(path)
    domain = path.stem
    name = catalogue_name(path)
    catalogue = Catalogue(path=path, name=name, domain=domain)
    po = polib.pofile(str(path))
    entries = {entry_key(entry): entry for entry in po if not entry.obsolete}

    if name == "project":
        catalogue.source_keys = set(entries)
        if domain == "django" and project_msgids is not None:
            catalogue.source_keys |= project_msgids
    else:
        catalogue.source_path = source_catalogue(name, domain)
        if catalogue.source_path:
            source = polib.pofile(str(catalogue.source_path))
            catalogue.source_keys = {entry_key(e) for e in source if e.msgid and not e.obsolete}
        else:
            catalogue.source_keys = set(entries)
    catalogue.source_keys.discard(("", ""))

    for key in sorted(catalogue.source_keys):
        entry = entries.get(key)
        if entry is None or not is_translated(entry):
            catalogue.missing.append(key)
    catalogue.fuzzy = [key for key, entry in entries.items() if "fuzzy" in entry.flags and key[1]]
    return catalogue
