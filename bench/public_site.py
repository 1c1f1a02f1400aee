"""Public-site speed and weight, measured under gunicorn on 127.0.0.1.

    .venv/bin/python bench/public_site.py [--seconds 4] [--workers 2] [--clients 4]
        [--wrk-seconds 30] [--wrk-connections 100] [--wrk-workers 3]

Builds a temporary SQLite database with the demo content (migrate, seed_demo,
collectstatic into a temporary folder), starts gunicorn with the production settings plus
one plain Django view (bench/public_site_urls.py), once with the page cache
(cms.page_cache) and once without it, then prints:

- requests per second for the home page, a service page and the service listing, served
  from the page cache and rendered afresh (PAGE_CACHE=false), each beside the plain view
  returning HTML of the same size on the same server in the same run (the ratios are the
  figures to watch: cached at least 0.8, uncached at least 0.2; absolute numbers depend on
  the machine and its load, printed with `uptime`'s load average);
- `wrk -c100 -d30s` against the home page and a service page, gunicorn with 3 workers and the
  page cache: requests, timeouts (wrk's default 2 s) and errors, goal 0 and 0 (skipped with
  a note when wrk is not installed: apt-get install wrk);
- the Georgian home page's weight on a first visit: HTML, CSS, fonts, scripts and images,
  as transferred to a browser that accepts gzip and Brotli, goal at most 60 KB.

Everything lives in a temporary folder that is removed at the end; the whole run is
bounded (each step has a timeout) and touches nothing but 127.0.0.1.
"""

import argparse
import gzip
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WEIGHT_GOAL = 60 * 1024
CACHED_GOAL, UNCACHED_GOAL = 0.8, 0.2
STEP_TIMEOUT = 900  # seconds for any one preparation step (a busy machine is slow)


SKIPPED_DATA_MIGRATIONS = """
import importlib
from django.apps import apps
from wagtail.models import Collection
Collection.add_root(name="Root")
importlib.import_module(
    "wagtail_localize.migrations.0006_create_submit_translation_permission"
).create_submit_translation_permission(apps, None)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(workdir, page_cache=True):
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE="bench.public_site_settings",
        SECRET_KEY=secrets.token_urlsafe(40),
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
        PAGE_CACHE="true" if page_cache else "false",
    )
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)  # the bench measures the embedded defaults only
    return env


def manage(env, *args):
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=STEP_TIMEOUT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def get(port, path, headers=None):
    """(status, response headers, body bytes, bytes on the wire incl. headers)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        header_bytes = sum(len(k) + len(v) + 4 for k, v in response.getheaders()) + 17
        return response.status, dict(response.getheaders()), body, len(body) + header_bytes
    finally:
        connection.close()


def wait_until_up(port, process, deadline=60):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited before it served anything")
        try:
            get(port, "/bench/plain/?bytes=10")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start in time")


def closed_loop(port, path, seconds, clients):
    """Closed-loop load: `clients` threads request `path` back to back for `seconds`;
    (responses, elapsed seconds)."""
    counts = [0] * clients
    errors = []
    stop = time.monotonic() + seconds

    def client(index):
        while time.monotonic() < stop:
            status, _headers, _body, _wire = get(port, path)
            if status != 200:
                errors.append(status)
                return
            counts[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path} answered {errors[0]}")
    return sum(counts), time.monotonic() - started


class AssetParser(HTMLParser):
    """The stylesheets, fonts, scripts and images a first visit downloads."""

    def __init__(self):
        super().__init__()
        self.assets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "preload" in rel or "icon" in rel):
            self.assets.append(attrs.get("href"))
        elif tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])


def first_visit_weight(port, path):
    """[(what, bytes transferred)] for the page, its assets and the fonts its CSS uses."""
    accept = {"Accept-Encoding": "br, gzip"}
    status, headers, html, wire = get(port, path, accept)
    if status != 200:
        raise SystemExit(f"{path} answered {status}")
    rows = [(f"HTML {path} ({headers.get('Content-Encoding', 'identity')})", wire)]
    if headers.get("Content-Encoding") == "gzip":
        html = gzip.decompress(html)
    parser = AssetParser()
    parser.feed(html.decode("utf-8", "replace"))
    queue = [urljoin(path, href) for href in parser.assets if href]
    seen = set()
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if urlsplit(url).netloc not in ("", f"127.0.0.1:{port}"):
            rows.append((f"THIRD PARTY {url}", 0))
            continue
        status, headers, body, wire = get(port, urlsplit(url).path, accept)
        if status != 200:
            rows.append((f"{url} → {status}", 0))
            continue
        encoding = headers.get("Content-Encoding", "identity")
        rows.append((f"{urlsplit(url).path} ({encoding})", wire))
        if urlsplit(url).path.endswith(".css"):
            text = body
            if encoding == "gzip":
                text = gzip.decompress(body)
            elif encoding == "br":
                import brotli  # noqa: PLC0415 - only when WhiteNoise served Brotli

                text = brotli.decompress(body)
            for font in re.findall(rb"url\([\"']?([^\"')]+)[\"']?\)", text):
                queue.append(urljoin(url, font.decode()))
    return rows, len(gzip.compress(html))


def start_server(env, workers, log):
    """gunicorn with the production configuration (gunicorn.conf.py: preloaded app, access
    log, worker recycling), on a free port of 127.0.0.1; its log goes to `log`, not to this
    report (the access log has a line per request)."""
    port = free_port()
    with open(log, "ab") as output:
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "ssa.wsgi:application",
                "--config=gunicorn.conf.py",
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(port, server)
    except SystemExit:
        stop_server(server)
        sys.stderr.write(Path(log).read_text(errors="replace")[-3000:])
        raise
    return port, server


def stop_server(server):
    if server is not None and server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


ROUNDS = 4


def measure_pages(port, pages, options):
    """{label: (bytes, page r/s, plain r/s)} on one server. The page and the plain view
    take turns in short rounds (ROUNDS each, `options.seconds` in all per side), so both
    see the same load from whatever else the machine runs: the ratio is what is compared."""
    results = {}
    for label, path in pages:
        status, _headers, body, _wire = get(port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        plain = f"/bench/plain/?bytes={len(body)}"
        for _ in range(5):  # warm the workers' caches
            get(port, path)
            get(port, plain)
        totals = {path: [0, 0.0], plain: [0, 0.0]}
        for _ in range(ROUNDS):
            for measured in (path, plain):
                count, elapsed = closed_loop(
                    port, measured, options.seconds / ROUNDS, options.clients
                )
                totals[measured][0] += count
                totals[measured][1] += elapsed
        results[label] = (
            len(body),
            totals[path][0] / totals[path][1],
            totals[plain][0] / totals[plain][1],
        )
    return results


WRK_LINE = re.compile(r"(\d+) requests in")
WRK_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
WRK_STATUS = re.compile(r"Non-2xx or 3xx responses: (\d+)")
WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_LATENCY = re.compile(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)")


def run_wrk(port, path, options):
    """(requests, r/s, p50-ish mean latency, max latency, timeouts, errors)."""
    output = subprocess.run(
        [
            "wrk",
            f"-c{options.wrk_connections}",
            f"-d{options.wrk_seconds:g}s",
            "-t2",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        timeout=options.wrk_seconds + 60,
        check=True,
    ).stdout
    requests = int(WRK_LINE.search(output).group(1))
    rate = float(WRK_RATE.search(output).group(1))
    latency = WRK_LATENCY.search(output)
    errors = WRK_ERRORS.search(output)
    connect, read, write, timeouts = (int(n) for n in errors.groups()) if errors else (0,) * 4
    bad_status = WRK_STATUS.search(output)
    failed = connect + read + write + (int(bad_status.group(1)) if bad_status else 0)
    return requests, rate, latency.group(1), latency.group(3), timeouts, failed


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="per measurement")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads")
    parser.add_argument("--wrk-seconds", type=float, default=30.0)
    parser.add_argument("--wrk-connections", type=int, default=100)
    parser.add_argument("--wrk-workers", type=int, default=3, help="gunicorn workers for wrk")
    options = parser.parse_args()

    # In memory where the system has it: SQLite's many small commits while migrating are
    # slow on a disk, and nothing here needs to survive the run.
    shm = Path("/dev/shm")
    scratch = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    workdir = Path(tempfile.mkdtemp(prefix="ssa-bench-", dir=scratch))
    env = environment(workdir)
    log = workdir / "gunicorn.log"
    server = None
    try:
        started = time.monotonic()
        print("Preparing a temporary database with the demo content…", flush=True)
        # The Georgian catalogues as `make run` compiles them: without them every Georgian
        # page would be measured with its English strings.
        manage(env, "compile_translations", "--verbosity", "0")
        manage(env, "migrate", "--run-syncdb", "--noinput")
        # What the skipped data migrations would have made: the root collection and
        # wagtail-localize's "submit translation" permission (the demo's roles grant it).
        manage(env, "shell", "-c", SKIPPED_DATA_MIGRATIONS)
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--noinput")
        print(f"  ready in {time.monotonic() - started:.0f} s", flush=True)
        print(f"  load average before: {load_average()} ({os.cpu_count()} CPUs)")

        results = {}
        for cached in (True, False):
            port, server = start_server(environment(workdir, cached), options.workers, log)
            service_path = find_service_path(port)
            pages = [
                ("home page", "/ka/"),
                ("service page", service_path),
                ("service listing", "/ka/momsakhurebebi/"),
            ]
            results[cached] = measure_pages(port, pages, options)
            if cached:
                weight_rows, html_gzipped = first_visit_weight(port, "/ka/")
            stop_server(server)
            server = None

        print(
            f"\nRequests per second, gunicorn {options.workers} sync workers, "
            f"{options.clients} clients, {options.seconds:g} s each in {ROUNDS} rounds taking "
            "turns with the plain view on the same server, same bytes"
        )
        print(
            f"{'page':<17}{'bytes':>7}{'cached':>9}{'plain':>8}{'ratio':>7}"
            f"{'uncached':>10}{'plain':>8}{'ratio':>7}"
        )
        verdicts = []
        for label in results[True]:
            size, cached_rps, plain_cached = results[True][label]
            _size, uncached_rps, plain_uncached = results[False][label]
            cached_ratio = cached_rps / plain_cached
            uncached_ratio = uncached_rps / plain_uncached
            print(
                f"{label:<17}{size:>7}{cached_rps:>9.1f}{plain_cached:>8.1f}"
                f"{cached_ratio:>7.2f}{uncached_rps:>10.1f}{plain_uncached:>8.1f}"
                f"{uncached_ratio:>7.2f}"
            )
            verdicts.append(cached_ratio >= CACHED_GOAL and uncached_ratio >= UNCACHED_GOAL)
        print(
            f"goal: cached >= {CACHED_GOAL}x, uncached >= {UNCACHED_GOAL}x: "
            + ("met" if all(verdicts) else "NOT MET")
        )

        if shutil.which("wrk"):
            port, server = start_server(environment(workdir, True), options.wrk_workers, log)
            service_path = find_service_path(port)
            print(
                f"\nwrk -c{options.wrk_connections} -d{options.wrk_seconds:g}s -t2, gunicorn "
                f"{options.wrk_workers} sync workers, page cache on"
            )
            print(
                f"{'page':<14}{'requests':>9}{'r/s':>8}{'mean':>9}{'max':>9}"
                f"{'timeouts':>10}{'errors':>8}"
            )
            for label, path in (("home page", "/ka/"), ("service page", service_path)):
                get(port, path)  # the first copy is rendered, the rest come from the cache
                requests, rate, mean, worst, timeouts, failed = run_wrk(port, path, options)
                print(
                    f"{label:<14}{requests:>9}{rate:>8.0f}{mean:>9}{worst:>9}"
                    f"{timeouts:>10}{failed:>8}"
                )
            stop_server(server)
            server = None
        else:
            print("\nwrk is not installed (apt-get install wrk): the load test was skipped")

        total = sum(size for _what, size in weight_rows)
        print("\nGeorgian home page, first visit (bytes transferred, headers included)")
        for what, size in weight_rows:
            print(f"  {size:>8}  {what}")
        verdict = "within" if total <= WEIGHT_GOAL else "OVER"
        print(f"  {total:>8}  total: {total / 1024:.1f} KB, {verdict} the 60 KB goal")
        print(f"  (the HTML alone gzipped: {html_gzipped} bytes)")
        print(f"\nload average after: {load_average()}")
    except subprocess.CalledProcessError as error:
        stderr = error.stderr or b""
        if isinstance(stderr, bytes):
            stderr = stderr.decode(errors="replace")
        sys.stderr.write(stderr[-3000:])
        raise SystemExit(f"{' '.join(error.cmd[2:])} failed") from None
    finally:
        stop_server(server)
        shutil.rmtree(workdir, ignore_errors=True)


def find_service_path(port):
    """The first service linked from the Georgian service listing."""
    status, _headers, body, _wire = get(port, "/ka/momsakhurebebi/")
    if status != 200:
        raise SystemExit(f"the service listing answered {status}")
    match = re.search(rb'class="service-card__title"><a href="([^"]+)"', body)
    if not match:
        raise SystemExit("the service listing shows no service")
    return match.group(1).decode()


if __name__ == "__main__":
    main()
