"""The backup drill: a site with pages, an image and a private file is snapshotted
(backup_site), restored into an empty database and empty folders (restore_site) and compared
with the manifest (verify_site): every row count and SHA-256 matches; a changed file is
caught. On SQLite and on PostgreSQL (the machine's server, databases of our own)."""

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests import migrated_databases

BASE_DIR = Path(__file__).resolve().parent.parent.parent
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
CONTENT = (
    "from tests.utils import make_site_tree; make_site_tree();"
    "from django.core.files.uploadedfile import SimpleUploadedFile as F;"
    "from media_archive.factories import ArchiveImageFactory as I;"
    "from tests.media_archive.files import jpeg_bytes as j;"
    "I(file=F('a.jpg', j(seed=1)), title='ფოტო');"
    "from django.conf import settings; import pathlib;"
    "p = pathlib.Path(settings.PRIVATE_FILES_ROOT); p.mkdir(parents=True, exist_ok=True);"
    "(p / 'letter.txt').write_text('წერილი')"
)


def _manage(env, *args):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _site_env(tmp_path, name, database_url):
    (tmp_path / name).mkdir()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ssa.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / name / "media"),
        "PRIVATE_FILES_ROOT": str(tmp_path / name / "private"),
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "CRITICAL",
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/source.sqlite3", f"sqlite:///{tmp_path}/restored.sqlite3"
        return
    names = [f"ssa_i16_drill_{uuid.uuid4().hex[:8]}_{side}" for side in ("src", "dst")]
    for name in names:
        made = subprocess.run(  # noqa: S603
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", name],  # noqa: S607
            capture_output=True,
            check=False,
        )
        if made.returncode != 0:
            pytest.skip(f"no PostgreSQL server at 127.0.0.1:5432: {made.stderr.decode()}")
    yield POSTGRES + names[0], POSTGRES + names[1]
    for name in names:
        subprocess.run(  # noqa: S603
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name],  # noqa: S607
            capture_output=True,
            check=False,
        )


def test_backup_restore_verify(databases, tmp_path, record_property):
    source_url, restored_url = databases
    source = _site_env(tmp_path, "source", source_url)
    # A migrated copy: the same as `migrate` would leave, without its CPU in every drill.
    if source_url.startswith("sqlite:"):
        migrated_databases.sqlite_file(source_url.removeprefix("sqlite:///"))
    else:
        migrated_databases.postgres_load(source_url)
    made = _manage(source, "shell", "-c", CONTENT)
    assert made.returncode == 0, made.stderr

    backed_up = _manage(source, "backup_site", str(tmp_path / "snapshots"))
    assert backed_up.returncode == 0, backed_up.stderr
    summary = re.search(r"(\d+) tables, (\d+) rows, (\d+) files", backed_up.stdout)
    assert summary and int(summary.group(2)) > 0 and int(summary.group(3)) >= 2
    (snapshot,) = (tmp_path / "snapshots").iterdir()
    assert _manage(source, "verify_site", str(snapshot)).returncode == 0

    restored = _site_env(tmp_path, "restored", restored_url)
    done = _manage(restored, "restore_site", str(snapshot))
    assert done.returncode == 0, done.stderr
    verified = _manage(restored, "verify_site", str(snapshot))
    assert verified.returncode == 0, verified.stderr
    # The figures of the drill (-o junit_family=legacy --junitxml=… shows them).
    record_property("backup", backed_up.stdout.strip())
    record_property("verify", verified.stdout.strip())
    assert f"{summary.group(2)} rows, {summary.group(3)} files match" in verified.stdout
    # A second restore over the restored site is refused: nothing is overwritten.
    assert _manage(restored, "restore_site", str(snapshot)).returncode != 0

    # The drill can fail: a changed file is reported.
    letter = tmp_path / "restored" / "private" / "letter.txt"
    letter.write_text("შეცვლილი")
    changed = _manage(restored, "verify_site", str(snapshot))
    assert changed.returncode != 0
    assert "private/letter.txt" in changed.stderr
