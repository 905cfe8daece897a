"""Fixtures shared by `server/tests`, `contract_tests` and `client/tests`: real databases and a
real server. What they run lives in `live_server.py` (the tools use it too); here are only the
fixtures: a fresh SQLite file per test, a throwaway PostgreSQL database per session (skipped when
unreachable, failed instead when `PATIENT_TRACKER_REQUIRE_POSTGRES=1`), and live servers.
"""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(scope="module")
def live_server_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A live server on a fresh SQLite file, shared by the tests of one module."""
    directory = tmp_path_factory.mktemp("live-sqlite")
    with run_live_server(sqlite_url_in(directory), directory) as server:
        yield server


@pytest.fixture(scope="module")
def live_server_env() -> dict[str, str]:
    """Settings (environment variables) of `live_server`; a folder's conftest may override it."""
    return {}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def live_server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    live_server_env: dict[str, str],
) -> Iterator[LiveServer]:
    """A live server on a fresh database, once on SQLite and once on PostgreSQL."""
    directory = tmp_path_factory.mktemp(f"live-{request.param}")
    env = live_server_env
    if request.param == "sqlite":
        with run_live_server(sqlite_url_in(directory), directory, extra_env=env) as server:
            yield server
    else:
        with (
            throwaway_postgres_database() as url,
            run_live_server(url, directory, extra_env=env) as server,
        ):
            yield server


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
