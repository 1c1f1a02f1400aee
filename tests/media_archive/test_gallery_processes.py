"""The gallery's cache holds across processes without Redis: gunicorn serves the gallery (its
page cache and facet counts in its own memory), another process (the shell, as the
`publish_scheduled` cron or the task worker would) withdraws an item, and the very next
request to gunicorn no longer shows it nor counts it in a facet."""

import os
import sqlite3
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from media_archive.factories import ArchiveImageFactory
from media_archive.models import ArchiveGalleryPage
from tests.throwaway_servers import gunicorn

BASE_DIR = Path(__file__).resolve().parent.parent.parent
WITHDRAWN_EVENT = "გაუქმებული ღონისძიება"
KEPT_EVENT = "დარჩენილი ღონისძიება"


def _database_url_for_other_processes(folder):
    """An address other processes can open the test database at: PostgreSQL's test
    database itself, or a file copy of SQLite's in-memory one."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        )
    connection.ensure_connection()
    path = Path(folder) / "db.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return f"sqlite:///{path}"


def _get(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our own server
        return response.read().decode()


@pytest.mark.django_db(transaction=True)
def test_a_change_made_in_another_process_is_seen_by_the_gallery_at_once(home_pages):
    ArchiveImageFactory(title="kept-photo", event_name=KEPT_EVENT)
    ArchiveImageFactory(title="withdrawn-photo", event_name=WITHDRAWN_EVENT)
    gallery = ArchiveGalleryPage(title="ფოტოარქივი", slug="photo-archive")
    home_pages["ka"].add_child(instance=gallery)

    folder = tempfile.mkdtemp(prefix="ssa-gallery-processes-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ssa.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": _database_url_for_other_processes(folder),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": folder,
        "REDIS_URL": "",  # each process has a memory cache of its own
        "PAGE_CACHE": "true",
        "ELASTICSEARCH_URL": "",
        "ANALYTICS_CAPTURE": "false",
        "LOG_LEVEL": "CRITICAL",
    }
    python = sys.executable
    try:
        with gunicorn(env) as (base, _process):
            url = f"{base}{gallery.url}"
            for _warm in range(2):  # the second answer comes from gunicorn's own caches
                html = _get(url)
                assert "withdrawn-photo" in html and WITHDRAWN_EVENT in html
                assert "kept-photo" in html
                assert "withdrawn-photo" in _get(url + "?type=image")

            subprocess.run(  # noqa: S603
                [python, "manage.py", "shell", "-c"]
                + [
                    "from media_archive.models import ArchiveImage; "
                    "i = ArchiveImage.objects.get(title='withdrawn-photo'); "
                    "i.sensitivity = 'internal'; i.save()"
                ],
                cwd=BASE_DIR,
                env=env,
                check=True,
                capture_output=True,
                timeout=300,
            )

            html = _get(url)
            assert "withdrawn-photo" not in html
            assert WITHDRAWN_EVENT not in html  # its facet is gone too
            assert "kept-photo" in html and KEPT_EVENT in html
            # And the facets of a filtered view, counted before the change, follow as well.
            assert "withdrawn-photo" not in _get(url + "?type=image")
    finally:
        subprocess.run(["rm", "-rf", folder], check=False)  # noqa: S607
