"""The persistence layer: migrations, engine set-up, UtcDateTime, constraints, Database."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import greenlet  # type: ignore[import-untyped]  # ships no type information
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    Table,
    bindparam,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, InvalidRequestError, StatementError

from patient_tracker.db import tables
from patient_tracker.db.database import Database
from patient_tracker.db.engine import (
    PG_MAX_OVERFLOW,
    PG_POOL_SIZE,
    SQLITE_BUSY_TIMEOUT_MS,
    create_engine_from_url,
)
from patient_tracker.db.errors import violated_constraint
from patient_tracker.db.migrate import current_revision, head_revision, upgrade
from patient_tracker.db.prepared import Prepared
from patient_tracker.db.types import UtcDateTime
from patient_tracker.kit.ids import new_id

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


# -- helpers ------------------------------------------------------------------------------------


def add_patient(conn: Connection, phone: str = "+15550000001") -> str:
    patient_id = new_id()
    conn.execute(
        insert(tables.patients),
        {
            "id": patient_id,
            "given_name": "Ada",
            "family_name": "Lovelace",
            "date_of_birth": date(1990, 12, 10),
            "phone": phone,
            "email": None,
            "version": 1,
            "created_at": T0,
            "updated_at": T0,
        },
    )
    return patient_id


def add_practitioner(conn: Connection) -> str:
    practitioner_id = new_id()
    conn.execute(
        insert(tables.practitioners),
        {
            "id": practitioner_id,
            "display_name": "Dr. Who",
            "specialty": "general",
            "active": True,
            "version": 1,
            "created_at": T0,
            "updated_at": T0,
        },
    )
    return practitioner_id


def add_appointment(
    conn: Connection,
    patient_id: str,
    practitioner_id: str,
    start: datetime,
    minutes: int = 30,
    status: str = "scheduled",
) -> str:
    appointment_id = new_id()
    conn.execute(
        insert(tables.appointments),
        {
            "id": appointment_id,
            "patient_id": patient_id,
            "practitioner_id": practitioner_id,
            "start_at": start,
            "end_at": start + timedelta(minutes=minutes),
            "status": status,
            "reason": None,
            "notes": None,
            "cancellation_reason": None,
            "version": 1,
            "created_at": T0,
            "updated_at": T0,
        },
    )
    return appointment_id


def integrity_error(db: Database, fn: Any) -> IntegrityError:
    with pytest.raises(IntegrityError) as excinfo:
        db.write_sync(fn)
    return excinfo.value


# -- migrations ---------------------------------------------------------------------------------


def test_migration_matches_tables(database: Database) -> None:
    """The migrated schema is exactly tables.py (columns, types, nullability, indexes, FKs)."""
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, tables.metadata) == []


def test_migration_0004_gives_existing_keys_and_endpoints_one_owner(database_url: str) -> None:
    """Keys and endpoints from before integrations move to one integration, `default`: they acted
    as one party (every key saw every endpoint), and keep doing so. An idempotency record that
    names a key, and an endpoint's delivery, survive the rebuild of their tables (SQLite copies
    them)."""
    engine = create_engine_from_url(database_url)
    try:
        upgrade(engine, "0003")
        stamp = T0 if engine.dialect.name == "postgresql" else "2026-03-02T09:00:00.000000"
        with engine.begin() as conn:
            for key_id in ("k1", "k2"):
                conn.execute(
                    text(
                        "INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_at)"
                        " VALUES (:id, :id, 'ptk_x', :hash, 'webhooks:read', :at)"
                    ),
                    {"id": key_id, "hash": key_id * 32, "at": stamp},
                )
            conn.execute(
                text(
                    "INSERT INTO idempotency_keys (api_key_id, key, request_hash, status_code,"
                    " response_body, created_at) VALUES ('k1', 'abc', :hash, 201, '{}', :at)"
                ),
                {"hash": "f" * 64, "at": stamp},
            )
            conn.execute(
                text(
                    "INSERT INTO webhook_endpoints (id, version, url, event_types, enabled,"
                    " secret, created_at, updated_at)"
                    " VALUES ('e1', 1, 'https://x.example/', '', :yes, 's', :at, :at)"
                ),
                {"yes": True, "at": stamp},
            )
            conn.execute(
                text(
                    "INSERT INTO events (id, type, resource_id, created_at, payload)"
                    " VALUES ('v1', 'patient.created', 'p1', :at, '{}')"
                ),
                {"at": stamp},
            )
            conn.execute(
                text(
                    "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, attempts,"
                    " series_started_at) VALUES ('d1', 'e1', 'v1', 'pending', 0, :at)"
                ),
                {"at": stamp},
            )
        upgrade(engine)
        with engine.connect() as conn:
            (default,) = conn.execute(select(tables.integrations.c.id, tables.integrations.c.name))
            assert default.name == "default"
            owners = {
                *conn.execute(select(tables.api_keys.c.integration_id)).scalars(),
                *conn.execute(select(tables.webhook_endpoints.c.integration_id)).scalars(),
            }
            assert owners == {default.id}
            assert conn.execute(select(tables.idempotency_keys.c.api_key_id)).scalar() == "k1"
            # Rebuilding `webhook_endpoints` did not cascade to its deliveries.
            assert conn.execute(select(tables.webhook_deliveries.c.id)).scalar() == "d1"
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, tables.metadata) == []
    finally:
        engine.dispose()


def test_migration_0004_on_an_empty_database_creates_no_integration(database: Database) -> None:
    assert database.read_sync(lambda c: c.execute(select(tables.integrations)).all()) == []


def test_migration_is_at_head_and_idempotent(database: Database) -> None:
    head = head_revision()
    assert head is not None
    assert current_revision(database.engine) == head
    upgrade(database.engine)  # nothing to do, no error
    assert current_revision(database.engine) == head


def test_constraints_beyond_autogenerate(database: Database) -> None:
    """compare_metadata does not look at CHECK constraints: check their names directly."""
    with database.engine.connect() as conn:
        checks = inspect(conn).get_check_constraints("appointments")
    assert [c["name"] for c in checks] == [tables.APPOINTMENTS_END_AFTER_START]


@pytest.mark.postgres
def test_postgres_exclusion_constraints(postgres_database: Database) -> None:
    """Both EXCLUDE constraints exist, named as the service expects, as specified."""

    def definitions(conn: Connection) -> dict[str, str]:
        rows = conn.execute(
            text(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = 'appointments'::regclass AND contype = 'x'"
            )
        )
        return {row[0]: row[1] for row in rows}

    found = postgres_database.read_sync(definitions)
    assert found == {
        tables.APPOINTMENTS_PRACTITIONER_NO_OVERLAP: (
            "EXCLUDE USING gist (practitioner_id WITH =, "
            "tstzrange(start_at, end_at, '[)'::text) WITH &&) "
            "WHERE (((status)::text <> 'cancelled'::text))"
        ),
        tables.APPOINTMENTS_PATIENT_NO_OVERLAP: (
            "EXCLUDE USING gist (patient_id WITH =, "
            "tstzrange(start_at, end_at, '[)'::text) WITH &&) "
            "WHERE (((status)::text <> 'cancelled'::text))"
        ),
    }


@pytest.mark.postgres
def test_tables_metadata_creates_the_same_exclusion_constraints(postgres_url: str) -> None:
    """tables.py's ExcludeConstraint (used by create_all in tools) matches the migration."""
    engine = create_engine_from_url(postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS btree_gist"))
            tables.metadata.create_all(conn)
            rows = conn.execute(
                text(
                    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = 'appointments'::regclass AND contype = 'x' ORDER BY 1"
                )
            ).all()
    finally:
        engine.dispose()
    assert [name for name, _ in rows] == [
        tables.APPOINTMENTS_PATIENT_NO_OVERLAP,
        tables.APPOINTMENTS_PRACTITIONER_NO_OVERLAP,
    ]
    assert all("WHERE (((status)::text <> 'cancelled'::text))" in d for _, d in rows)


def test_sqlite_create_all_skips_postgres_only_constraints(sqlite_url: str) -> None:
    engine = create_engine_from_url(sqlite_url)
    try:
        tables.metadata.create_all(engine)  # no EXCLUDE on SQLite: must not fail
        with engine.connect() as conn:
            context = MigrationContext.configure(conn)
            assert compare_metadata(context, tables.metadata) == []
    finally:
        engine.dispose()


def test_concurrent_migrations(database_url: str) -> None:
    """Two processes migrating at once both succeed; the schema is created once.

    Processes, not threads: Alembic's ``context`` is process-global.
    """
    script = (
        "import sys, time\n"
        "from patient_tracker.db.engine import create_engine_from_url\n"
        "from patient_tracker.db.migrate import upgrade\n"
        "engine = create_engine_from_url(sys.argv[1])\n"
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
        "upgrade(engine)\n"
    )
    start_at = str(time.time() + 1.5)  # both start together, after their imports
    processes = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script, database_url, start_at],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=60) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], "\n".join(e for _, e in outputs)
    engine = create_engine_from_url(database_url)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


# -- engine -------------------------------------------------------------------------------------


def test_sqlite_pragmas(sqlite_database: Database) -> None:
    def pragmas(conn: Connection) -> dict[str, Any]:
        names = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in names}

    expected = {
        "journal_mode": "wal",
        "synchronous": 1,  # NORMAL
        "foreign_keys": 1,
        "busy_timeout": SQLITE_BUSY_TIMEOUT_MS,
    }
    assert sqlite_database.read_sync(pragmas) == expected
    assert sqlite_database.write_sync(pragmas) == expected
    # Pooled connections (migrations, tools) are set up the same way.
    with sqlite_database.engine.connect() as conn:
        assert pragmas(conn) == expected
    assert sqlite_database.dialect_name == "sqlite"


@pytest.mark.postgres
def test_postgres_session(postgres_database: Database) -> None:
    engine = postgres_database.engine
    assert engine.dialect.driver == "psycopg"
    assert postgres_database.dialect_name == "postgresql"
    pool: Any = engine.pool
    assert (pool.size(), pool._max_overflow) == (PG_POOL_SIZE, PG_MAX_OVERFLOW)
    assert postgres_database.read_sync(lambda c: c.exec_driver_sql("SHOW timezone").scalar()) == (
        "UTC"
    )


def test_postgres_url_is_normalised_to_psycopg() -> None:
    engine = create_engine_from_url("postgresql://nobody@127.0.0.1:1/none")
    try:
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()


def test_in_memory_sqlite_is_refused() -> None:
    with pytest.raises(ValueError, match="must name a file"):
        create_engine_from_url("sqlite://")


# -- UtcDateTime --------------------------------------------------------------------------------

_times_metadata = MetaData()
_times = Table(
    "utc_times",
    _times_metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime(), nullable=True),
)


@pytest.fixture
def times_db(database: Database) -> Database:
    with database.engine.begin() as conn:
        _times_metadata.create_all(conn)
    return database


def test_utc_datetime_round_trip(times_db: Database) -> None:
    plus_two = timezone(timedelta(hours=2))
    values = {
        1: datetime(2026, 3, 2, 11, 30, 0, tzinfo=plus_two),  # 09:30Z, zero microseconds
        2: datetime(2026, 3, 2, 9, 30, 0, 123456, tzinfo=UTC),
        3: datetime(999, 1, 1, tzinfo=UTC),  # 3-digit year: still fixed width
        4: None,
    }
    times_db.write_sync(
        lambda c: c.execute(insert(_times), [{"id": k, "at": v} for k, v in values.items()])
    )
    got = times_db.read_sync(
        lambda c: {row[0]: row[1] for row in c.execute(select(_times.c.id, _times.c.at))}
    )
    assert got == values
    for value in got.values():
        if value is not None:
            assert value.tzinfo is UTC


def test_utc_datetime_refuses_naive(times_db: Database) -> None:
    naive = datetime(2026, 3, 2, 9, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(StatementError, match="naive"):
        times_db.write_sync(lambda c: c.execute(insert(_times), {"id": 1, "at": naive}))
    with pytest.raises(StatementError, match="expects a datetime"):
        times_db.write_sync(lambda c: c.execute(insert(_times), {"id": 1, "at": "2026-03-02"}))


def test_utc_datetime_sql_order_is_time_order(times_db: Database) -> None:
    """Comparisons and ORDER BY in SQL follow time, whatever offsets the values came with."""
    minus_five = timezone(timedelta(hours=-5))
    rows = [
        {"id": 1, "at": datetime(2026, 3, 2, 9, 0, 0, 1, tzinfo=UTC)},
        {"id": 2, "at": datetime(2026, 3, 2, 4, 0, tzinfo=minus_five)},  # 09:00Z exactly
        {"id": 3, "at": datetime(2026, 3, 2, 8, 59, 59, 999999, tzinfo=UTC)},
        {"id": 4, "at": datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))},
    ]
    times_db.write_sync(lambda c: c.execute(insert(_times), rows))
    ordered = times_db.read_sync(
        lambda c: list(c.execute(select(_times.c.id).order_by(_times.c.at)).scalars())
    )
    assert ordered == [3, 2, 4, 1]
    cutoff = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    later = times_db.read_sync(
        lambda c: set(c.execute(select(_times.c.id).where(_times.c.at > cutoff)).scalars())
    )
    assert later == {1}


def test_utc_datetime_sqlite_storage(sqlite_database: Database) -> None:
    with sqlite_database.engine.begin() as conn:
        _times_metadata.create_all(conn)
    value = datetime(2026, 3, 2, 11, 30, tzinfo=timezone(timedelta(hours=2)))
    sqlite_database.write_sync(lambda c: c.execute(insert(_times), {"id": 1, "at": value}))
    stored = sqlite_database.read_sync(
        lambda c: c.exec_driver_sql("SELECT at, typeof(at) FROM utc_times").one()
    )
    assert tuple(stored) == ("2026-03-02T09:30:00.000000", "text")


@pytest.mark.postgres
def test_utc_datetime_postgres_storage(postgres_database: Database) -> None:
    def column_type(conn: Connection) -> str:
        return str(
            conn.exec_driver_sql(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'appointments' AND column_name = 'start_at'"
            ).scalar_one()
        )

    assert postgres_database.read_sync(column_type) == "timestamp with time zone"


# -- constraints --------------------------------------------------------------------------------


def test_phone_is_unique(database: Database) -> None:
    database.write_sync(lambda c: add_patient(c, "+15550000001"))
    error = integrity_error(database, lambda c: add_patient(c, "+15550000001"))
    assert violated_constraint(error) == tables.PATIENTS_PHONE_UNIQUE


def test_end_after_start(database: Database) -> None:
    def book_backwards(conn: Connection) -> None:
        add_appointment(conn, add_patient(conn), add_practitioner(conn), T0, minutes=0)

    error = integrity_error(database, book_backwards)
    assert violated_constraint(error) == tables.APPOINTMENTS_END_AFTER_START


def test_foreign_keys(database: Database) -> None:
    error = integrity_error(
        database, lambda c: add_appointment(c, new_id(), add_practitioner(c), T0)
    )
    if database.dialect_name == "postgresql":
        # SQLite does not say which foreign key failed.
        assert violated_constraint(error) == tables.APPOINTMENTS_PATIENT_FK

    def booked(conn: Connection) -> str:
        patient_id = add_patient(conn)
        add_appointment(conn, patient_id, add_practitioner(conn), T0)
        return patient_id

    patient_id = database.write_sync(booked)
    # A patient with appointments cannot be deleted (the API answers 409).
    integrity_error(
        database,
        lambda c: c.execute(tables.patients.delete().where(tables.patients.c.id == patient_id)),
    )


def test_idempotency_primary_key(database: Database) -> None:
    def add_key_and_idempotency_row(conn: Connection) -> str:
        key_id = new_id()
        conn.execute(insert(tables.integrations), {"id": key_id, "name": "party", "created_at": T0})
        conn.execute(
            insert(tables.api_keys),
            {
                "id": key_id,
                "integration_id": key_id,
                "name": "k",
                "prefix": "ptk_x",
                "key_hash": "0" * 64,
                "scopes": "patients:read",
                "created_at": T0,
                "revoked_at": None,
            },
        )
        return key_id

    key_id = database.write_sync(add_key_and_idempotency_row)
    row = {
        "api_key_id": key_id,
        "key": "abc",
        "request_hash": "f" * 64,
        "status_code": 201,
        "response_body": "{}",
        "location": None,
        "etag": None,
        "created_at": T0,
    }
    database.write_sync(lambda c: c.execute(insert(tables.idempotency_keys), row))
    error = integrity_error(database, lambda c: c.execute(insert(tables.idempotency_keys), row))
    assert violated_constraint(error) == "pk_idempotency_keys"


@pytest.mark.postgres
def test_postgres_no_overlap(postgres_database: Database) -> None:
    db = postgres_database

    def setup(conn: Connection) -> tuple[str, str, str, str]:
        return (
            add_patient(conn, "+15550000001"),
            add_patient(conn, "+15550000002"),
            add_practitioner(conn),
            add_practitioner(conn),
        )

    ada, bob, house, who = db.write_sync(setup)
    db.write_sync(lambda c: add_appointment(c, ada, house, T0))  # 09:00-09:30

    # Same practitioner, overlapping, another patient.
    error = integrity_error(
        db, lambda c: add_appointment(c, bob, house, T0 + timedelta(minutes=15))
    )
    assert violated_constraint(error) == tables.APPOINTMENTS_PRACTITIONER_NO_OVERLAP
    # Same patient, overlapping, another practitioner.
    error = integrity_error(db, lambda c: add_appointment(c, ada, who, T0 - timedelta(minutes=15)))
    assert violated_constraint(error) == tables.APPOINTMENTS_PATIENT_NO_OVERLAP
    # Back to back is not an overlap ("[)" ranges).
    db.write_sync(lambda c: add_appointment(c, ada, house, T0 + timedelta(minutes=30)))
    db.write_sync(lambda c: add_appointment(c, bob, house, T0 - timedelta(minutes=30)))
    # Others are unaffected.
    db.write_sync(lambda c: add_appointment(c, bob, who, T0))
    # Cancelled appointments free the slot, in both directions.
    db.write_sync(
        lambda c: c.execute(
            tables.appointments.update()
            .where(tables.appointments.c.practitioner_id == house)
            .where(tables.appointments.c.start_at == T0)
            .values(status="cancelled")
        )
    )
    db.write_sync(lambda c: add_appointment(c, ada, house, T0, status="scheduled"))
    db.write_sync(lambda c: add_appointment(c, ada, house, T0, status="cancelled"))


# -- Database -----------------------------------------------------------------------------------


def count_patients(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(tables.patients)).scalar_one())


def test_write_commits_and_read_sees_it(database: Database) -> None:
    patient_id = asyncio.run(database.write(add_patient))
    assert len(patient_id) == 36
    assert asyncio.run(database.read(count_patients)) == 1
    assert database.read_sync(count_patients) == 1


def test_write_rolls_back_when_fn_raises(database: Database) -> None:
    class BoomError(Exception):
        pass

    def add_then_fail(conn: Connection) -> None:
        add_patient(conn)
        raise BoomError

    with pytest.raises(BoomError):
        asyncio.run(database.write(add_then_fail))
    with pytest.raises(BoomError):
        database.write_sync(add_then_fail)
    assert database.read_sync(count_patients) == 0
    # The connection is still usable afterwards.
    database.write_sync(add_patient)
    assert database.read_sync(count_patients) == 1


_PHONE_OF = Prepared(select(tables.patients.c.phone).where(tables.patients.c.id == bindparam("id")))


def test_read_one_runs_a_single_statement(database: Database) -> None:
    patient_id = database.write_sync(add_patient)

    async def both() -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        found = await database.read_one(_PHONE_OF, {"id": patient_id})
        missing = await database.read_one(_PHONE_OF, {"id": "nobody"})
        return found, missing

    assert asyncio.run(both()) == ({"phone": "+15550000001"}, None)


# Literals the statement carries (the family name, LIMIT 1) and a parameter with a default.
_NAMED_LIKE = Prepared(
    select(tables.patients.c.phone)
    .where(
        tables.patients.c.family_name == "Lovelace",
        tables.patients.c.given_name == bindparam("given", value="Ada"),
    )
    .limit(1)
)


def test_prepared_statement_literals_and_defaults(database: Database) -> None:
    database.write_sync(add_patient)

    async def lookups() -> list[Any]:
        return [
            await database.read_one(_NAMED_LIKE, {}),
            await database.read_one(_NAMED_LIKE, {"given": "Grace"}),  # the caller's value wins
            await database.read(lambda conn: _NAMED_LIKE.all(conn, {"given": "Ada"})),
        ]

    ada = {"phone": "+15550000001"}
    assert asyncio.run(lookups()) == [ada, None, [ada]]
    assert database.read_sync(lambda conn: _NAMED_LIKE.first(conn, {})) == ada


_INSERT_PATIENT = Prepared(
    insert(tables.patients).values({c.name: bindparam(c.name) for c in tables.patients.c})
)


def test_connections_stay_usable_after_a_failed_statement(database: Database) -> None:
    """A violated constraint rolls its unit of work back and leaves its connection as it found
    it. On PostgreSQL each loop connection runs every statement on a psycopg cursor of its own:
    one that a failure spoilt, or that another connection's work shared, would fail here."""

    def insert_patient(conn: Connection, patient_id: str, phone: str) -> int:
        return _INSERT_PATIENT.run(
            conn,
            {
                "id": patient_id, "given_name": "Ada", "family_name": "Lovelace",
                "date_of_birth": date(1990, 12, 10), "phone": phone, "email": None,
                "version": 1, "created_at": T0, "updated_at": T0,
            },
        )  # fmt: skip

    async def attempt(n: int) -> str | None:
        # Every other one takes the phone already taken.
        phone = "+15550000001" if n % 2 else f"+1555100{n:04d}"
        try:
            await database.write(lambda conn: insert_patient(conn, f"p-{n}", phone))
        except IntegrityError as error:
            return violated_constraint(error)
        return None

    async def attempts() -> tuple[list[str | None], dict[str, Any] | None, int]:
        await database.write(lambda conn: insert_patient(conn, "first", "+15550000001"))
        # More at once than the pool has connections: every connection is in use, each by one.
        refused = await asyncio.gather(*(attempt(n) for n in range(2 * PG_POOL_SIZE)))
        found = await database.read_one(_PHONE_OF, {"id": "first"})
        return refused, found, await database.read(count_patients)

    refused, found, count = asyncio.run(attempts())
    assert refused == [None, tables.PATIENTS_PHONE_UNIQUE] * PG_POOL_SIZE
    assert (found, count) == ({"phone": "+15550000001"}, 1 + PG_POOL_SIZE)


def test_read_one_inside_a_unit_of_work_fails_fast(sqlite_database: Database) -> None:
    """On the thread's own connection it would run inside the open transaction: refused."""

    def nested(_conn: Connection) -> object:
        return asyncio.run(sqlite_database.read_one(_PHONE_OF, {"id": "x"}))

    with pytest.raises(InvalidRequestError):
        sqlite_database.write_sync(nested)


def test_read_is_read_only(database: Database) -> None:
    with pytest.raises(DBAPIError):
        database.read_sync(add_patient)
    with pytest.raises(DBAPIError):
        asyncio.run(database.read(add_patient))
    assert database.read_sync(count_patients) == 0
    database.write_sync(add_patient)  # and writes still work afterwards


def test_where_fn_runs(database: Database) -> None:
    """On the event loop's thread, no hand-off: SQLite inline, PostgreSQL in a greenlet of its own
    (its round trips await on the loop)."""

    async def where() -> tuple[tuple[int, object], ...]:
        def here(_conn: Connection | None = None) -> tuple[int, object]:
            return threading.get_ident(), greenlet.getcurrent()

        return here(), await database.read(here), await database.write(here)

    (thread, caller), (read_thread, in_read), (write_thread, in_write) = asyncio.run(where())
    assert read_thread == write_thread == thread
    if database.dialect_name == "sqlite":
        assert in_read is caller
        assert in_write is caller
    else:
        assert in_read is not caller
        assert in_write is not caller


def test_ping(database: Database) -> None:
    assert asyncio.run(database.ping()) is True


def test_ping_false_when_unreachable(tmp_path: Any) -> None:
    postgres = Database.from_url("postgresql://nobody@127.0.0.1:1/none")
    sqlite = Database.from_url(f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}")
    try:
        started = time.perf_counter()
        assert asyncio.run(postgres.ping()) is False
        assert time.perf_counter() - started < 4
        assert asyncio.run(sqlite.ping()) is False
    finally:
        postgres.dispose()
        sqlite.dispose()


def test_dispose_then_reuse(database: Database) -> None:
    database.write_sync(add_patient)
    database.dispose()
    assert database.read_sync(count_patients) == 1


def test_nested_unit_of_work_fails_fast(sqlite_database: Database) -> None:
    """A unit of work that calls back into the Database is a bug; it must not deadlock."""
    with pytest.raises(InvalidRequestError):
        sqlite_database.write_sync(lambda _c: sqlite_database.write_sync(add_patient))


def test_sqlite_write_takes_the_write_lock_up_front(
    sqlite_database: Database, sqlite_url: str
) -> None:
    """write() is BEGIN IMMEDIATE: no other connection can start writing until it commits."""
    path = sqlite_url.removeprefix("sqlite:///")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    locked: list[str] = []
    try:

        def other_can_write() -> bool:
            try:
                other.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                locked.append(str(exc))
                return False
            other.execute("ROLLBACK")
            return True

        # Even before fn has written anything.
        assert sqlite_database.write_sync(lambda _c: other_can_write()) is False
        # A read holds no write lock (WAL: readers and the writer do not block each other).
        assert sqlite_database.read_sync(lambda c: (count_patients(c), other_can_write())) == (
            0,
            True,
        )
        assert other_can_write() is True
        assert locked == ["database is locked"]
    finally:
        other.close()


def test_sqlite_writers_are_serialised(sqlite_url: str) -> None:
    """Read-check-insert units of work from two processes' worth of connections do not interleave.

    Each unit reads the count, waits, then inserts count + 1 as a phone number: with writers
    serialised there are no duplicates (which the unique index would turn into errors).
    """
    databases = [Database.from_url(sqlite_url) for _ in range(2)]
    upgrade(databases[0].engine)
    errors: list[BaseException] = []

    def unit(conn: Connection) -> None:
        n = count_patients(conn)
        time.sleep(0.002)
        add_patient(conn, f"+1555{n:07d}")

    def worker(db: Database) -> None:
        try:
            for _ in range(25):
                db.write_sync(unit)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(db,)) for db in databases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert databases[0].read_sync(count_patients) == 50
    finally:
        for db in databases:
            db.dispose()


def test_sqlite_connections_of_ended_threads_are_closed(sqlite_database: Database) -> None:
    def use_from_thread() -> None:
        sqlite_database.read_sync(count_patients)

    for _ in range(5):
        thread = threading.Thread(target=use_from_thread)
        thread.start()
        thread.join()
    sqlite_database.read_sync(count_patients)
    # Only this thread's connections (and at most the last thread's, until the next open).
    assert len(sqlite_database._threads) <= 2


@pytest.mark.postgres
def test_postgres_survives_many_concurrent_units(postgres_database: Database) -> None:
    """64 units of work in flight at once (more than the pool) all finish, none time out."""

    def slow_read(conn: Connection) -> int:
        conn.exec_driver_sql("SELECT pg_sleep(0.05)")
        return count_patients(conn)

    async def many() -> list[int]:
        return list(await asyncio.gather(*(postgres_database.read(slow_read) for _ in range(64))))

    started = time.perf_counter()
    assert asyncio.run(many()) == [0] * 64
    assert time.perf_counter() - started < 10


def test_sqlite_read_overhead(sqlite_database: Database) -> None:
    """read() of a trivial fn costs microseconds (measured ~7 us; the bound is generous).

    A thread hop per call would cost 60+ us more; this guards against such a regression on a
    loaded CI machine, not against noise.
    """

    def noop(_conn: Connection) -> None:
        return None

    async def measure() -> float:
        for _ in range(200):
            await sqlite_database.read(noop)
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(1000):
                await sqlite_database.read(noop)
            best = min(best, (time.perf_counter() - started) / 1000)
        return best

    per_call = asyncio.run(measure())
    assert per_call < 60e-6, f"read() overhead {per_call * 1e6:.1f} us"
