import polib
from django.core.management.base import BaseCommand, CommandError

from cms.catalogues import (
    catalogue_paths,
    extract_project_msgids,
    inspect_catalogue,
    markup_mismatches,
    pending_msgids,
    translation_conflicts,
)

# How many missing msgids to list per catalogue unless asked for all (--verbosity 2).
SHOWN_MISSING = 10


class Command(BaseCommand):
    help = (
        "Reports the Georgian coverage of every catalogue under LOCALE_PATHS (translated/total, "
        "against the package's own English msgids, or for the project's catalogue against the "
        "strings its code and templates mark for translation). Fails when any is incomplete, "
        "has a fuzzy entry or a translation whose placeholders or HTML tags differ from its source."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        project_msgids = extract_project_msgids()
        paths = catalogue_paths()
        pending = pending_msgids()
        catalogues = [inspect_catalogue(path, project_msgids) for path in paths]
        failures = []
        if not any(catalogue.name == "project" for catalogue in catalogues):
            failures.append(
                f"project: no locale/ka/LC_MESSAGES/django.po for {len(project_msgids)} strings"
            )

        width = max((len(f"{c.name}/{c.domain}") for c in catalogues), default=10)
        for catalogue in catalogues:
            label = f"{catalogue.name}/{catalogue.domain}"
            mismatches = [
                (entry.msgid, pair)
                for entry in polib.pofile(str(catalogue.path))
                for pair in markup_mismatches(entry)
            ]
            status = "ok" if catalogue.complete and not mismatches else "INCOMPLETE"
            self.stdout.write(
                f"{label:<{width}}  {catalogue.translated:>5}/{catalogue.total:<5} "
                f"{catalogue.percent:6.1f}%  {status}"
            )
            if catalogue.missing:
                failures.append(f"{label}: {len(catalogue.missing)} untranslated")
                shown = catalogue.missing if verbosity > 1 else catalogue.missing[:SHOWN_MISSING]
                for context, msgid in shown:
                    prefix = f"[{context}] " if context else ""
                    self.stdout.write(f"    missing: {prefix}{msgid!r}")
                if len(shown) < len(catalogue.missing):
                    self.stdout.write(
                        f"    … and {len(catalogue.missing) - len(shown)} more (--verbosity 2)"
                    )
                waiting = len(set(catalogue.missing) & pending)
                if catalogue.name == "project" and waiting:
                    self.stdout.write(
                        f"    ({waiting} of them have Georgian in locale/pending/*.json, "
                        "not yet merged into locale/ka/LC_MESSAGES/django.po)"
                    )
            if catalogue.fuzzy:
                failures.append(f"{label}: {len(catalogue.fuzzy)} fuzzy")
                for _context, msgid in catalogue.fuzzy[:SHOWN_MISSING]:
                    self.stdout.write(f"    fuzzy: {msgid!r}")
            if mismatches:
                failures.append(f"{label}: {len(mismatches)} placeholder/tag mismatches")
                for _msgid, (source, text) in mismatches[:SHOWN_MISSING]:
                    self.stdout.write(f"    placeholders differ: {source!r} -> {text!r}")

        conflicts = translation_conflicts(paths)
        if conflicts:
            failures.append(f"{len(conflicts)} msgids translated differently by two catalogues")
            self.stdout.write(
                "Translated differently in two catalogues (the first listed in LOCALE_PATHS "
                "wins everywhere, admin included; give the project's string a context):"
            )
            for domain, msgid, translations in conflicts:
                choices = ", ".join(f"{name}: {text!r}" for name, text in translations.items())
                self.stdout.write(f"    {domain} {msgid!r}: {choices}")

        if failures:
            raise CommandError("Georgian translations incomplete: " + "; ".join(failures))
        self.stdout.write(f"All {len(catalogues)} catalogues are complete.")
