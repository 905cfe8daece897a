"""Shared fixtures: a fresh SQLite file database, and a fresh PostgreSQL database.

PostgreSQL: one throwaway database (``pt_test_<random>``) is created per test session from the
server named by ``PATIENT_TRACKER_TEST_POSTGRES_URL`` (default: the local ``test`` database)
and dropped at the end; each test that asks for it gets an empty ``public`` schema. When the
server is unreachable those tests are skipped with the reason, unless
``PATIENT_TRACKER_REQUIRE_POSTGRES=1`` (CI), where they fail instead.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from patient_tracker.db.database import Database
from patient_tracker.db.migrate import upgrade
from patient_tracker.settings import normalize_database_url

DEFAULT_TEST_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _admin_conninfo(url: str) -> str:
    """A libpq connection string for a SQLAlchemy URL (psycopg does not take "+psycopg")."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _postgres_required() -> bool:
    return os.environ.get("PATIENT_TRACKER_REQUIRE_POSTGRES", "") == "1"


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """URL of a throwaway PostgreSQL database for this test session (dropped at the end)."""
    base_url = normalize_database_url(
        os.environ.get("PATIENT_TRACKER_TEST_POSTGRES_URL", DEFAULT_TEST_POSTGRES_URL)
    )
    admin = _admin_conninfo(base_url)
    try:
        admin_conn = psycopg.connect(admin, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        reason = f"PostgreSQL unreachable at {make_url(base_url)!r}: {str(exc).strip()}"
        if _postgres_required():
            pytest.fail(f"{reason} (PATIENT_TRACKER_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
    name = f"pt_test_{secrets.token_hex(6)}"
    with admin_conn:
        admin_conn.execute(f'CREATE DATABASE "{name}"')
        try:
            yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
        finally:
            admin_conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres_server_url: str) -> str:
    """The session's PostgreSQL database with an empty ``public`` schema."""
    with psycopg.connect(_admin_conninfo(postgres_server_url), autocommit=True) as conn:
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
    db = Database.from_url(database_url)
    upgrade(db.engine)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def sqlite_database(sqlite_url: str) -> Iterator[Database]:
    """A migrated, empty SQLite database (for SQLite-only behaviour)."""
    db = Database.from_url(sqlite_url)
    upgrade(db.engine)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def postgres_database(postgres_url: str) -> Iterator[Database]:
    """A migrated, empty PostgreSQL database (for PostgreSQL-only behaviour)."""
    db = Database.from_url(postgres_url)
    upgrade(db.engine)
    try:
        yield db
    finally:
        db.dispose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a PostgreSQL fixture ``postgres`` (so ``-m`` can select it)."""
    for item in items:
        if "postgres_server_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
