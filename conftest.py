"""Fixtures shared by `server/tests`, `contract_tests` and `client/tests`: real databases and a
real server. What they run lives in `live_server.py` (the tools use it too); here are only the
fixtures: a fresh SQLite file per test, a throwaway PostgreSQL database per session (skipped when
unreachable, failed instead when `PATIENT_TRACKER_REQUIRE_POSTGRES=1`), and live servers, shared
by the test session where their settings agree (`ServerPool`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import psycopg
import pytest

from live_server import (
    LiveServer,
    libpq_conninfo,
    migrated_database,
    run_live_server,
    sqlite_url_in,
    throwaway_postgres_database,
)
from patient_tracker.db.database import Database


class ServerPool:
    """Live servers shared by the test session: one per (database kind, settings).

    Starting a server (a process, its imports, a fresh database and its migrations) costs 3-4 s;
    the modules that talk to one with the same settings share it rather than each starting its
    own. Tests that share a server make their own data and never assume an empty database
    (unique names and phones, filters on what they made). A module that needs a server of its own
    (a fault, a restart, a log it reads from its start) starts one itself (`run_live_server`).
    """

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        self._stack = ExitStack()
        self._servers: dict[tuple[str, tuple[tuple[str, str], ...]], LiveServer] = {}

    def get(self, kind: str, env: dict[str, str]) -> LiveServer:
        """The session's server on a fresh `kind` database ("sqlite" or "postgresql") with `env`."""
        key = (kind, tuple(sorted(env.items())))
        if key not in self._servers:
            directory = self._factory.mktemp(f"live-{kind}")
            url = (
                sqlite_url_in(directory)
                if kind == "sqlite"
                else self._stack.enter_context(throwaway_postgres_database())
            )
            self._servers[key] = self._stack.enter_context(
                run_live_server(url, directory, extra_env=env)
            )
        return self._servers[key]

    def close(self) -> None:
        self._stack.close()


@pytest.fixture(scope="session", autouse=True)
def _metrics_on_free_ports() -> Iterator[None]:
    """Every server a test starts (`serve` as a process, or in-process with uvicorn replaced)
    serves its metrics on a port the OS picks: the default, 9464, is one port for all the servers
    that run at once. (`run_live_server` says so itself, for the tools that use it.)"""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATIENT_TRACKER_METRICS_PORT", "0")
        yield


@pytest.fixture(scope="session")
def server_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    """The session's shared live servers (see `ServerPool`)."""
    pool = ServerPool(tmp_path_factory)
    try:
        yield pool
    finally:
        pool.close()


@pytest.fixture(scope="module")
def live_server_sqlite(server_pool: ServerPool) -> LiveServer:
    """A live server on SQLite with default settings, shared by the modules that use it."""
    return server_pool.get("sqlite", {})


@pytest.fixture(scope="module")
def live_server_env() -> dict[str, str]:
    """Settings (environment variables) of `live_server`; a folder's conftest may override it."""
    return {}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def live_server(
    request: pytest.FixtureRequest, server_pool: ServerPool, live_server_env: dict[str, str]
) -> LiveServer:
    """A live server on SQLite and one on PostgreSQL, each shared by the modules that use it
    with the same settings (`live_server_env`)."""
    return server_pool.get(request.param, live_server_env)


# ---------------------------------------------------------------- database fixtures


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """URL of a throwaway PostgreSQL database for this test session (dropped at the end)."""
    with throwaway_postgres_database() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server_url: str) -> str:
    """The session's PostgreSQL database with an empty ``public`` schema."""
    with psycopg.connect(libpq_conninfo(postgres_server_url), autocommit=True) as conn:
        # Dropping the schema also drops btree_gist (it lives in public); migrations recreate it.
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return postgres_server_url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a new SQLite file database in the test's temporary directory."""
    return f"sqlite:///{tmp_path / 'patient-tracker.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs twice: on a fresh SQLite file and on a fresh PostgreSQL DB."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated, empty database on each dialect."""
    with migrated_database(database_url) as db:
        yield db


@pytest.fixture
def sqlite_database(sqlite_url: str) -> Iterator[Database]:
    """A migrated, empty SQLite database (for SQLite-only behaviour)."""
    with migrated_database(sqlite_url) as db:
        yield db


@pytest.fixture
def postgres_database(postgres_url: str) -> Iterator[Database]:
    """A migrated, empty PostgreSQL database (for PostgreSQL-only behaviour)."""
    with migrated_database(postgres_url) as db:
        yield db


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a PostgreSQL fixture ``postgres`` (so ``-m`` can select it)."""
    for item in items:
        if "postgres_server_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
