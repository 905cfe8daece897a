"""Engine factory: one place that knows how each database is set up."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import psycopg
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from patient_tracker.settings import DEFAULT_DATABASE_POOL_SIZE, normalize_database_url

__all__ = [
    "PG_CONNECT_TIMEOUT_S",
    "PG_MAX_OVERFLOW",
    "PG_POOL_SIZE",
    "SQLITE_BUSY_TIMEOUT_MS",
    "SqliteBegin",
    "connect_dedicated",
    "create_engine_from_url",
    "create_event_loop_engine",
    "raw_sqlite_connection",
    "set_sqlite_begin",
    "sqlite_begin",
]

# How long a writer waits for another process's write lock before "database is locked".
SQLITE_MMAP_BYTES = 256 * 1024 * 1024
SQLITE_BUSY_TIMEOUT_MS = 5000

# PostgreSQL units of work run on the event loop with psycopg's async connections
# (`create_event_loop_engine`), each on one of the loop's own connections (`LoopConnections`:
# as many as the pool holds, checked out once and kept), so no connection is opened and closed
# under load (one worker once opened 371 new PostgreSQL sessions, a backend process each, in
# 4,814 GETs, when overflow connections came and went). The overflow is for callers outside
# that limit (`/readyz`). Pre-ping is off: it costs a round trip per checkout; a dead connection
# is handled by `Database` (see its module docstring).
#
# Few connections per process: a handful keep PostgreSQL busy, and more only add backends that
# contend for the same cores. Measured here (2 cores, one worker, wrk with 32 connections): GET
# by id 3,032 / 3,671 / 3,499 / 2,655 req/s with pools of 2 / 4 / 8 / 20, p99 16 / 12 / 86 /
# 95 ms; POST 790 / 910 / 999 / 933 req/s. After the GC freeze (app.py), pools of 4 to 12 were
# within noise of each other (docs/design.md, "The PostgreSQL path"). Setting
# `PATIENT_TRACKER_DATABASE_POOL_SIZE` overrides it per process.
PG_POOL_SIZE = DEFAULT_DATABASE_POOL_SIZE
PG_MAX_OVERFLOW = 10
# Fail fast rather than hang a request (and /readyz) when the server is unreachable.
PG_CONNECT_TIMEOUT_S = 5

# Both PostgreSQL engines (threads for the CLI and tools, the event loop for requests).
_POSTGRES_ENGINE_OPTIONS: dict[str, Any] = {
    "max_overflow": PG_MAX_OVERFLOW,
    "pool_pre_ping": False,
    "connect_args": {
        "options": "-c timezone=UTC",
        "application_name": "patient-tracker",
        "connect_timeout": PG_CONNECT_TIMEOUT_S,
    },
}

SqliteBegin = Literal["BEGIN", "BEGIN IMMEDIATE"]

# Our SQLite dialect, registered under a private driver name: "sqlite:///x.db" is turned into
# "sqlite+patient_tracker:///x.db" by create_engine_from_url.
_SQLITE_DRIVERNAME = "sqlite+patient_tracker"


class _SqliteConnection(sqlite3.Connection):
    """A sqlite3 connection that remembers which statement opens its transactions.

    Plain ``BEGIN`` (deferred) for reads; ``BEGIN IMMEDIATE`` for writes: it takes the write
    lock up front, so concurrent writers (in this or another process) queue on the lock
    (busy_timeout) instead of failing half-way through a read-modify-write with SQLITE_BUSY.
    """

    begin_statement: SqliteBegin

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.begin_statement = "BEGIN"


class PatientTrackerSQLiteDialect(SQLiteDialect_pysqlite):
    """pysqlite, except that SQLAlchemy (not the sqlite3 module) emits BEGIN.

    This is SQLAlchemy's "Serializable isolation / Savepoints / Transactional DDL" recipe for
    pysqlite, with BEGIN emitted from ``do_begin`` instead of a ``begin`` event listener: any
    ConnectionEvents listener makes every ``execute()`` on the engine dispatch its (empty)
    execute events, measured here at ~8 us per transaction with one query (36.8 against
    44.9 us). Errors raised here are translated like any statement's (OperationalError
    "database is locked").
    """

    supports_statement_cache = True

    def do_begin(self, dbapi_connection: Any) -> None:
        """Emit the connection's BEGIN statement (``BEGIN`` unless set otherwise)."""
        # SQLAlchemy hands us its pool proxy; the statement lives on the sqlite3 object.
        raw = getattr(dbapi_connection, "dbapi_connection", dbapi_connection)
        # `Database` may have begun on the sqlite3 connection already; SQLAlchemy's transaction
        # then joins that one (and its commit or rollback ends it).
        if not raw.in_transaction:
            raw.execute(getattr(raw, "begin_statement", "BEGIN"))


registry.register(
    _SQLITE_DRIVERNAME.replace("+", "."), __name__, PatientTrackerSQLiteDialect.__name__
)


def create_engine_from_url(url: str) -> Engine:
    """Create an :class:`~sqlalchemy.Engine` for a SQLite file or a PostgreSQL database.

    ``url`` is normalised first (``postgresql://`` means psycopg 3; SQLite must be a file).

    SQLite connections get WAL journaling (readers never block the writer), synchronous=NORMAL
    (durable across process crashes, and safe with WAL), foreign keys on, and a busy timeout.
    pysqlite's own transaction handling is switched off and the dialect emits ``BEGIN`` itself,
    so that a write can begin with ``BEGIN IMMEDIATE`` (:func:`set_sqlite_begin`) and a read is
    one snapshot.

    PostgreSQL uses psycopg 3, a pool of PG_POOL_SIZE connections, and the session time zone
    UTC.
    """
    url = normalize_database_url(url)
    if url.startswith("sqlite"):
        return _create_sqlite_engine(url)
    return create_engine(url, pool_size=PG_POOL_SIZE, **_POSTGRES_ENGINE_OPTIONS)


def create_event_loop_engine(url: URL, pool_size: int = PG_POOL_SIZE) -> AsyncEngine:
    """The same PostgreSQL database, through psycopg's async connections, for the event loop.

    The request path runs its (synchronous) units of work on this engine's ``sync_engine``
    inside a greenlet (`Database`): every round trip then awaits on the event loop instead of
    blocking a worker thread, so a request pays no thread hand-off. Same pool size and session
    settings as :func:`create_engine_from_url`'s engine, but in autocommit with no reset on
    return: `Database` opens each transaction itself and always ends it, so a connection goes
    back to the pool idle and checking it out or in sends nothing.
    """
    return create_async_engine(
        url,
        isolation_level="AUTOCOMMIT",
        pool_reset_on_return=None,
        pool_size=pool_size,
        **_POSTGRES_ENGINE_OPTIONS,
    )


async def connect_dedicated(engine: Engine, application_name: str) -> psycopg.AsyncConnection[Any]:
    """A psycopg async connection of its own to ``engine``'s PostgreSQL database, in autocommit,
    outside any pool: the same host, credentials and session settings as the engines' (time zone,
    connect timeout), named ``application_name`` in ``pg_stat_activity``."""
    _, params = engine.dialect.create_connect_args(engine.url)
    params.pop("context", None)  # SQLAlchemy's type adapters: nothing here needs them
    params.update(_POSTGRES_ENGINE_OPTIONS["connect_args"])
    params["application_name"] = application_name
    return await psycopg.AsyncConnection.connect(autocommit=True, **params)


def _create_sqlite_engine(url: str) -> Engine:
    engine = create_engine(
        make_url(url).set(drivername=_SQLITE_DRIVERNAME),
        connect_args={
            "factory": _SqliteConnection,
            # sqlite3's own busy handler; the PRAGMA below says the same, for clarity.
            "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
        },
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        raw: sqlite3.Connection = dbapi_connection  # type: ignore[assignment]
        # None: sqlite3 never emits BEGIN on its own (the dialect does, see do_begin).
        # commit()/rollback() still work: they act only if a transaction is open.
        raw.isolation_level = None
        # busy_timeout first: journal_mode may need a lock another process holds.
        raw.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _set_wal_mode(raw)
        raw.execute("PRAGMA synchronous = NORMAL")
        raw.execute("PRAGMA foreign_keys = ON")
        # Read the file through a memory map (up to 256 MiB) instead of a read() system call per
        # page that misses SQLite's own cache (2 MiB by default): lookups by random id in a large
        # table otherwise spend more time in the kernel than in SQLite. Pages stay in the OS page
        # cache, shared by every connection and process, so nothing here can go stale.
        raw.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")

    return engine


def _set_wal_mode(raw: sqlite3.Connection) -> None:
    """Switch the file to WAL journaling, waiting out another process's lock.

    Switching needs an exclusive lock, and SQLite reports "database is locked" at once rather
    than through the busy handler when another process holds the write lock on a new file (two
    processes migrating a fresh database at once hit it about one run in five). So: retry, for
    as long as the busy timeout would have waited.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            raw.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def raw_sqlite_connection(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy connection of an engine made here."""
    # Typed as object: SQLAlchemy's DBAPIConnection protocol and sqlite3.Connection do not
    # overlap for mypy, which would call the isinstance check unreachable.
    raw: object = conn.connection.dbapi_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError("not a SQLite connection")
    return raw


def set_sqlite_begin(conn: Connection, statement: SqliteBegin) -> None:
    """Choose the statement that opens ``conn``'s transactions from now on (SQLite only).

    The choice belongs to the DBAPI connection: reset it before the connection goes back to
    a pool (or use :func:`sqlite_begin`).
    """
    raw = raw_sqlite_connection(conn)
    if not isinstance(raw, _SqliteConnection):
        raise TypeError("the connection was not made by create_engine_from_url")
    raw.begin_statement = statement


@contextmanager
def sqlite_begin(conn: Connection, statement: SqliteBegin) -> Iterator[None]:
    """Use ``statement`` to open ``conn``'s transactions inside the ``with`` block."""
    set_sqlite_begin(conn, statement)
    try:
        yield
    finally:
        set_sqlite_begin(conn, "BEGIN")
