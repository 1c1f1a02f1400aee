"""Access-log import beside GoAccess on the same file.

    nice -n 10 .venv/bin/python bench/analytics_import.py [path/to/access.log]

Default log: ../shared/corpora/access-logs/apache_logs. Imports the log into a throwaway
SQLite file (only the analytics tables) with the command's own code
(analytics.accesslog.import_lines + buffer.write_new_rows), then runs `goaccess --log-
format=COMBINED --ignore-crawlers` on the same file (when it is installed: apt-get install
goaccess) and prints both times, their ratio and both sets of figures. Each is the best of
three runs; the import's runs after the first find every line imported already, so the first
run is timed on its own as well.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_LOG = ROOT.parent / "shared" / "corpora" / "access-logs" / "apache_logs"
LOG = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_LOG
WORKDIR = tempfile.mkdtemp(prefix="ssa-import-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ssa.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from analytics.accesslog import import_lines, open_log  # noqa: E402
from analytics.buffer import write_new_rows  # noqa: E402
from analytics.models import PageView  # noqa: E402


def run_import():
    started = time.perf_counter()
    with open_log(LOG) as lines:
        summary = import_lines(lines, ["semicomplete.com", "www.semicomplete.com"], write_new_rows)
    return time.perf_counter() - started, summary


def run_goaccess(binary):
    output = Path(WORKDIR) / "goaccess.json"
    started = time.perf_counter()
    subprocess.run(
        [binary, str(LOG), "--log-format=COMBINED", "--ignore-crawlers", "-o", str(output)],
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    report = json.loads(output.read_text())
    return elapsed, report


def main():
    if not LOG.is_file():
        sys.exit(f"No log at {LOG}")
    with connection.schema_editor() as editor:
        editor.create_model(PageView)
    try:
        first, summary = run_import()
        views = PageView.objects.filter(status=200)
        visitors = views.exclude(visitor_hash=None).values("visitor_hash").distinct().count()
        print(
            f"import: {first:.2f} s for {summary.read} lines; {views.count()} page views, "
            f"{visitors} visitors; skipped {dict(summary.rejected)}"
        )
        again = min(run_import()[0] for _ in range(2))
        print(f"import again (every line already there): {again:.2f} s")
        binary = shutil.which("goaccess")
        if binary is None:
            print("goaccess is not installed (apt-get install goaccess): no comparison")
            return
        timings = [run_goaccess(binary) for _ in range(3)]
        best, report = min(timings, key=lambda item: item[0])
        requests = report["requests"]["metadata"]["hits"]["total"]["value"]
        print(
            f"goaccess --ignore-crawlers: {best:.2f} s; {requests} non-static requests (any "
            f"status), {report['general']['unique_visitors']} visitors (any request)"
        )
        print(f"ratio import / goaccess: {first / best:.1f}×")
    finally:
        connection.close()
        shutil.rmtree(WORKDIR)


if __name__ == "__main__":
    main()
