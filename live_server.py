"""Running the server for tests and tools: one copy, imported by the pytest fixtures
(`conftest.py`), the contract runner and the broken variants (`contract_tests/`).

- `free_port`, `serving` (start a server command, wait until `/readyz` answers, stop it by PID)
  and `run_live_server` (`patient-tracker serve` as a subprocess, with uvicorn, httptools and
  uvloop, on a freshly migrated database with an API key holding every scope; its log is kept in
  a file and shown when it fails to start);
- the test databases: `throwaway_postgres_database` (a `pt_test_<random>` database on the server
  at `PATIENT_TRACKER_TEST_POSTGRES_URL`, dropped afterwards; skipped when unreachable, failed
  instead when `PATIENT_TRACKER_REQUIRE_POSTGRES=1`), `sqlite_url_in`, `migrated_database`;
- the test Redis: `reachable_redis_url` (`PATIENT_TRACKER_TEST_REDIS_URL`, skipped when unreachable,
  failed instead when `PATIENT_TRACKER_REQUIRE_REDIS=1`);
- `TEST_RATE_LIMIT_ENV`: the rate limits of every test server (`serving` sets them);
- `schemathesis_command`: the Schemathesis CLI of this environment with the CI configuration.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import httpx
import psycopg
import redis
from sqlalchemy.engine import make_url

from patient_tracker.auth.keys import create_key
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.db.database import Database
from patient_tracker.db.migrate import upgrade
from patient_tracker.settings import normalize_database_url

ROOT = Path(__file__).resolve().parent
SPEC = ROOT / "spec" / "openapi.yaml"
SCHEMATHESIS_CONFIG = ROOT / "contract_tests" / "schemathesis-ci.toml"

STARTUP_TIMEOUT_SECONDS = 30.0
DEFAULT_TEST_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379/0"

# The rate limits of every server `serving` starts, unless its caller's environment sets them:
# on, so that every test runs through them, but far above what any test sends (the contract runs
# hammer one key from one address at hundreds of requests a second); production's defaults
# (100/s, bursts of 200) would answer them 429. The rate-limit tests set small ones of their own.
TEST_RATE_LIMIT_ENV = {
    "PATIENT_TRACKER_RATE_LIMIT_PER_SECOND": "100000",
    "PATIENT_TRACKER_RATE_LIMIT_BURST": "100000",
    "PATIENT_TRACKER_ADDRESS_RATE_LIMIT_PER_SECOND": "100000",
    "PATIENT_TRACKER_ADDRESS_RATE_LIMIT_BURST": "100000",
}


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


def wait_until_ready(
    base_url: str,
    process: subprocess.Popen[bytes],
    log_path: Path,
    *,
    ready_path: str = "/readyz",
    timeout: float = STARTUP_TIMEOUT_SECONDS,
) -> None:
    """Poll `ready_path` until 200; raise with the server's log if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the server exited with {process.returncode}:\n{log_path.read_text()}"
            )
        try:
            if httpx.get(f"{base_url}{ready_path}", timeout=1.0).status_code == 200:
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
def serving(
    command: list[str],
    port: int,
    log_path: Path,
    env: dict[str, str],
    cwd: Path | None = None,
    *,
    ready_path: str = "/readyz",
    timeout: float = STARTUP_TIMEOUT_SECONDS,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run a server `command` listening on `port` until the block ends; its output goes to
    `log_path`. Yields its base URL once `ready_path` answers 200 (within `timeout` seconds), and
    the process; stops it by PID. The rate limits are `TEST_RATE_LIMIT_ENV`'s where `env` does not
    set them."""
    env = {**TEST_RATE_LIMIT_ENV, **env}
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 - callers pass our interpreter and modules
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base_url, process, log_path, ready_path=ready_path, timeout=timeout)
        yield base_url, process
    finally:
        _stop(process)


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
        # Hermetic: no DNS lookup of a (fuzzed) webhook host name, and no delivery attempts
        # unless a test asks for them (its receivers are on loopback; a fuzzed endpoint URL could
        # name any address).
        "PATIENT_TRACKER_WEBHOOK_RESOLVE_NAMES": "false",
        "PATIENT_TRACKER_WEBHOOK_WORKER": "false",
        # Metrics on, as in production, on a port the OS picks: the default (9464) is one port
        # for all the servers that run at once.
        "PATIENT_TRACKER_METRICS_PORT": "0",
        **(extra_env or {}),
    }
    log_path = log_dir / f"server-{port}.log"
    command = [sys.executable, "-m", "patient_tracker", "serve", "--port", str(port)]
    with serving(command, port, log_path, env) as (base_url, process):
        yield LiveServer(base_url, key, database_url, process, log_path)


def postgres_required() -> bool:
    """CI sets this: PostgreSQL tests then fail, instead of skipping, when it is unreachable."""
    return os.environ.get("PATIENT_TRACKER_REQUIRE_POSTGRES", "") == "1"


def libpq_conninfo(url: str) -> str:
    """A libpq connection string for a SQLAlchemy URL (psycopg does not take "+psycopg")."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def throwaway_postgres_database() -> Iterator[str]:
    """Create an empty database on the test PostgreSQL server, yield its URL, drop it after.

    Skips the calling test with the reason when the server is unreachable, or fails it when
    `PATIENT_TRACKER_REQUIRE_POSTGRES=1` (CI).
    """
    base_url = normalize_database_url(
        os.environ.get("PATIENT_TRACKER_TEST_POSTGRES_URL", DEFAULT_TEST_POSTGRES_URL)
    )
    try:
        admin = psycopg.connect(libpq_conninfo(base_url), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        reason = f"PostgreSQL unreachable at {make_url(base_url)!r}: {str(exc).strip()}"
        if postgres_required():
            _pytest().fail(f"{reason} (PATIENT_TRACKER_REQUIRE_POSTGRES=1)")
        _pytest().skip(reason)
    name = f"pt_test_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_required() -> bool:
    """CI sets this: Redis tests then fail, instead of skipping, when it is unreachable."""
    return os.environ.get("PATIENT_TRACKER_REQUIRE_REDIS", "") == "1"


def reachable_redis_url() -> str:
    """The URL of the test Redis (`PATIENT_TRACKER_TEST_REDIS_URL`, default the local one) once it
    answers a PING. Skips the calling test with the reason when it does not, or fails it when
    `PATIENT_TRACKER_REQUIRE_REDIS=1` (CI). Tests share it: each names its keys with a prefix of
    its own (`PATIENT_TRACKER_RATE_LIMIT_KEY_PREFIX`)."""
    url = os.environ.get("PATIENT_TRACKER_TEST_REDIS_URL", DEFAULT_TEST_REDIS_URL)
    client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
    try:
        client.ping()
    except redis.RedisError as exc:
        reason = f"Redis unreachable at PATIENT_TRACKER_TEST_REDIS_URL: {type(exc).__name__}"
        if redis_required():
            _pytest().fail(f"{reason} (PATIENT_TRACKER_REQUIRE_REDIS=1)")
        _pytest().skip(reason)
    finally:
        client.close()
    return url


@contextmanager
def migrated_database(url: str) -> Iterator[Database]:
    """A `Database` on `url`, migrated to the latest revision, disposed of afterwards."""
    db = Database.from_url(url)
    upgrade(db.engine)
    try:
        yield db
    finally:
        db.dispose()


def sqlite_url_in(directory: Path, name: str = "live.db") -> str:
    """The URL of a SQLite file `name` in `directory`."""
    return f"sqlite:///{directory / name}"


def schemathesis_command(
    base_url: str, *options: str, config: Path = SCHEMATHESIS_CONFIG
) -> list[str]:
    """The Schemathesis CLI of this interpreter's environment, with a configuration (the tuned CI
    one by default), over the whole spec against `base_url`. Run it from `ROOT`: the tuned
    configuration's hooks (`contract_tests.cli_hooks`) are imported from the working directory."""
    executable = Path(sys.executable).parent / "schemathesis"
    return [
        str(executable),
        "--config-file",
        str(config),
        "run",
        str(SPEC),
        "--url",
        base_url,
        *options,
    ]


def _pytest() -> ModuleType:
    """pytest, imported only where a test is skipped or failed: the benchmark and the contract
    runner import this module in environments without it."""
    import pytest

    return pytest
