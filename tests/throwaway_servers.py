"""Throwaway Redis and PostgreSQL servers for the failure tests: each on a free port of its
own, in a temporary folder, stopped and started by the test (never the machine's shared
6379/5432 services). Skipped with the reason where the server binaries are missing."""

import glob
import os
import shutil
import socket
import subprocess
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


def _postgres_bin():
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        pytest.skip("PostgreSQL server binaries are missing (apt-get install postgresql)")
    return Path(candidates[-1]).parent


class ThrowawayPostgres:
    """initdb into a temporary folder, pg_ctl on a free port, trust authentication."""

    def __init__(self):
        self.bin = _postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="ssa-throwaway-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        subprocess.run(  # noqa: S603
            [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust"]
            + ["-E", "UTF8", "--no-sync"],
            check=True,
            capture_output=True,
            env=env,
        )

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(  # noqa: S603
            [str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-t", "30"]
            + ["-l", str(self.folder / "log"), "start"],
            check=True,
            capture_output=True,
        )

    def stop(self):
        subprocess.run(  # noqa: S603
            [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
            check=False,
            capture_output=True,
        )

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
