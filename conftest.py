"""Fixtures shared by `server/tests` and `contract_tests`: a real server over a real socket.

`run_live_server` starts `patient-tracker serve` as a subprocess (uvicorn, httptools, uvloop) on
a free loopback port against a freshly migrated database, with an API key holding every scope,
waits until `/readyz` answers, and stops the process by its PID afterwards. Its log is kept in a
file and shown when the server fails to start.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from patient_tracker.auth.keys import create_key
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.db.database import Database
from patient_tracker.db.migrate import upgrade

STARTUP_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class LiveServer:
    """A running server: where it listens, a key for it, and its process."""

    base_url: str
    api_key: str
    database_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def auth_headers(self) -> dict[str, str]:
        """`Authorization` for the all-scopes key."""
        return {"Authorization": f"Bearer {self.api_key}"}

    def log(self) -> str:
        """What the server has logged so far."""
        return self.log_path.read_text(errors="replace")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def prepare_database(database_url: str, *, scopes: tuple[str, ...] = ALL_SCOPES) -> str:
    """Migrate the database and create an API key with `scopes`; returns the key."""
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine)
        _, plaintext = db.write_sync(lambda conn: create_key(conn, "live-server test", scopes))
    finally:
        db.dispose()
    return plaintext


def _wait_until_ready(base_url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"the server did not become ready:\n{log_path.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextmanager
def run_live_server(
    database_url: str,
    log_dir: Path,
    *,
    api_key: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> Iterator[LiveServer]:
    """Run one server process on `database_url` (migrated, with a key, unless `api_key` given)."""
    key = api_key if api_key is not None else prepare_database(database_url)
    port = free_port()
    env = {
        **os.environ,
        "PATIENT_TRACKER_DATABASE_URL": database_url,
        "PATIENT_TRACKER_MIGRATE_ON_START": "false",
        **(extra_env or {}),
    }
    log_path = log_dir / f"server-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "patient_tracker", "serve", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(base_url, process, log_path)
        yield LiveServer(base_url, key, database_url, process, log_path)
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def live_server_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A live server on a fresh SQLite file, shared by the tests of one module."""
    directory = tmp_path_factory.mktemp("live-sqlite")
    with run_live_server(f"sqlite:///{directory / 'live.db'}", directory) as server:
        yield server
