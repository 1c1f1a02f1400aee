"""Throwaway Redis and PostgreSQL servers for the failure tests: each on a free port of its
own, in a temporary folder, stopped and started by the test (never the machine's shared
6379/5432 services). Skipped with the reason where the server binaries are missing."""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port, up=True, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise RuntimeError(f"port {port} still {'closed' if up else 'open'} after {seconds} s")


class ThrowawayRedis:
    def __init__(self):
        self.binary = shutil.which("redis-server")
        if not self.binary:
            pytest.skip("redis-server is not installed (apt-get install redis-server)")
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - our own binary and arguments
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port)

    def kill(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
            _wait_for_port(self.port, up=False)


@contextlib.contextmanager
def gunicorn(env, workers=1):
    """The site under gunicorn with the repository's gunicorn.conf.py, on a free port, in
    the environment given; yields its base URL and its process, stopped afterwards."""
    base_dir = Path(__file__).resolve().parent.parent
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [str(Path(sys.executable).parent / "gunicorn"), "ssa.wsgi:application"]
        + ["-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=base_dir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, seconds=120)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=30)


def _postgres_bin():
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        pytest.skip("PostgreSQL server binaries are missing (apt-get install postgresql)")
    return Path(candidates[-1]).parent


def _as_server_user():
    """PostgreSQL refuses to run as root (CI containers run as root): run its commands as
    the system's `postgres` user then."""
    if os.geteuid() != 0:
        return []
    import pwd

    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no `postgres` user to run PostgreSQL as")
    return ["runuser", "-u", "postgres", "--"]


class ThrowawayPostgres:
    """initdb into a temporary folder, pg_ctl on a free port, trust authentication."""

    def __init__(self):
        self.bin = _postgres_bin()
        self.prefix = _as_server_user()
        self.folder = Path(tempfile.mkdtemp(prefix="ssa-throwaway-pg-"))
        if self.prefix:
            shutil.chown(self.folder, user="postgres")
        self.data = self.folder / "data"
        self.port = free_port()
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        subprocess.run(  # noqa: S603
            [*self.prefix, str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres"]
            + ["-A", "trust", "-E", "UTF8", "--no-sync"],
            check=True,
            capture_output=True,
            env=env,
            cwd=self.folder,
        )

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(  # noqa: S603
            [*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options]
            + ["-w", "-t", "60", "-l", str(self.folder / "log"), "start"],
            check=True,
            capture_output=True,
            cwd=self.folder,
        )

    def stop(self):
        subprocess.run(  # noqa: S603
            [*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate"]
            + ["-w", "stop"],
            check=False,
            capture_output=True,
            cwd=self.folder,
        )

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
