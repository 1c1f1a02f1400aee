from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.translation import reloader


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues():
    """The .mo files are build products (not committed): compile the stale ones, then drop
    Django's cached catalogues so the tests read the fresh files."""
    call_command("compile_translations", verbosity=0)
    reloader.translation_file_changed(sender=None, file_path=Path("catalogue.mo"))
