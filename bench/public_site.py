"""Public-site speed and weight, measured under gunicorn on 127.0.0.1.

    .venv/bin/python bench/public_site.py [--seconds 4] [--workers 2] [--clients 4]

Builds a temporary SQLite database with the demo content (migrate, seed_demo,
collectstatic into a temporary folder), starts gunicorn with the production settings plus
one plain Django view (bench/public_site_urls.py), then prints:

- requests per second for the home page, a service page and the service listing, each
  beside the plain view returning HTML of the same size, measured in the same run (the
  ratio is the figure to watch; absolute numbers depend on the machine);
- the home page's weight on a first visit: HTML, CSS, fonts, scripts and images, as
  transferred (static files compressed as WhiteNoise serves them), goal < 150 KB.

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
WEIGHT_GOAL = 150 * 1024
STEP_TIMEOUT = 240  # seconds for any one preparation step (a busy machine is slow)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(workdir):
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


def requests_per_second(port, path, seconds, clients):
    """Closed-loop load: `clients` threads request `path` back to back for `seconds`."""
    for _ in range(5):
        get(port, path)  # warm the workers' caches
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
    return sum(counts) / (time.monotonic() - started)


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
    status, _headers, html, wire = get(port, path, accept)
    if status != 200:
        raise SystemExit(f"{path} answered {status}")
    rows = [(f"HTML {path} (as served)", wire)]
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="per measurement")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads")
    options = parser.parse_args()

    # In memory where the system has it: SQLite's many small commits while migrating are
    # slow on a disk, and nothing here needs to survive the run.
    shm = Path("/dev/shm")
    scratch = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    workdir = Path(tempfile.mkdtemp(prefix="ssa-bench-", dir=scratch))
    env = environment(workdir)
    server = None
    try:
        started = time.monotonic()
        print("Preparing a temporary database with the demo content…", flush=True)
        manage(env, "migrate", "--run-syncdb", "--noinput")
        # What the skipped data migrations would have made: the root collection.
        manage(
            env,
            "shell",
            "-c",
            "from wagtail.models import Collection; Collection.add_root(name='Root')",
        )
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--noinput")
        print(f"  ready in {time.monotonic() - started:.0f} s", flush=True)

        port = free_port()
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "ssa.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={options.workers}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        wait_until_up(port, server)

        service_path = find_service_path(port)
        pages = [
            ("home page", "/ka/"),
            ("service page", service_path),
            ("service listing", "/ka/momsakhurebebi/"),
        ]
        print(
            f"\nRequests per second, gunicorn {options.workers} sync workers, "
            f"{options.clients} clients, {options.seconds:g} s each"
        )
        print(f"{'page':<18}{'bytes':>8}{'page r/s':>10}{'plain r/s':>11}{'ratio':>8}")
        for label, path in pages:
            status, _headers, body, _wire = get(port, path)
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
            plain = f"/bench/plain/?bytes={len(body)}"
            page_rps = requests_per_second(port, path, options.seconds, options.clients)
            plain_rps = requests_per_second(port, plain, options.seconds, options.clients)
            print(
                f"{label:<18}{len(body):>8}{page_rps:>10.1f}{plain_rps:>11.1f}"
                f"{page_rps / plain_rps:>8.2f}"
            )

        rows, html_gzipped = first_visit_weight(port, "/ka/")
        total = sum(size for _what, size in rows)
        print("\nHome page, first visit (bytes transferred, headers included)")
        for what, size in rows:
            print(f"  {size:>8}  {what}")
        verdict = "within" if total < WEIGHT_GOAL else "OVER"
        print(f"  {total:>8}  total: {total / 1024:.1f} KB, {verdict} the 150 KB goal")
        print(f"  (HTML gzipped by a front proxy would be {html_gzipped} bytes)")
    except subprocess.CalledProcessError as error:
        sys.stderr.write(error.stderr.decode(errors="replace")[-3000:])
        raise SystemExit(f"{' '.join(error.cmd[2:])} failed") from None
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
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
