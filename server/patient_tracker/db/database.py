"""``Database``: runs one unit of work (a sync function of a Connection) in one transaction.

Routes are ``async def``; all their SQL for one request goes into one synchronous function
``fn(conn) -> T`` that ``Database.read`` or ``Database.write`` runs in a transaction (see
docs/design.md, "Data access: one unit of work per request"). Services never commit: ``write``
commits when ``fn`` returns and rolls back when it raises.

How each dialect runs ``fn``:

SQLite
    Inline, on the calling thread (the event loop): a query costs microseconds, less than a
    thread hand-off, and because ``fn`` cannot yield, one process never has two transactions
    in flight on a thread. Each thread gets one long-lived connection, opened on first use:

    - ``write()`` begins with ``BEGIN IMMEDIATE``: the write lock is taken up front, so writers
      from all processes queue on it (busy_timeout) and a read-modify-write (overlap check +
      insert) cannot interleave with another;
    - ``read()`` begins with a deferred ``BEGIN`` (one snapshot). A write inside ``read()`` is
      rolled back and raises, on SQLite (the connection's change counter moved) as on
      PostgreSQL (a read-only transaction there).

    Why one connection for both, not a reader and a writer: in WAL mode a connection that sees
    that *another* connection changed the database drops its page cache and its whole memory
    map (``munmap`` of the file, then page faults on every page it reads again). With two
    connections, every POST's authentication (a read) paid that for the previous POST's write:
    one ``mmap``/``munmap`` pair of the 88 MB file per request in ``strace``. A connection's own
    writes do not invalidate its cache. (Other processes' writes still do; that is SQLite.)

    Why not a pool checkout per call: measured on this machine (2 cores, SQLAlchemy 2.1.9,
    Python 3.11, SQLite 3.40, uvloop, best of 3 x 20,000 calls on a quiet machine):

    ====================================  ==========================  ==================
    per call                              thread-owned connection     pool checkout
    ====================================  ==========================  ==================
    ``read(fn)``, ``fn`` does nothing     ~7 us  (write: ~9 us)       ~19 us
    ``read(authenticate)`` (one SELECT)   ~39 us                      ~79 us
    ====================================  ==========================  ==================

    (A thread hop, as on PostgreSQL, costs 60-120 us on its own.) The numbers also depend on
    BEGIN being emitted by the dialect rather than an event listener, see engine.py.
    tests/test_db.py::test_sqlite_read_overhead guards against a regression.

    Why this is safe: a connection is only ever used by the thread that opened it (the map is
    keyed by thread id), every transaction finishes before ``read``/``write`` returns, and the
    connection is detached from the pool, so its pragmas never leak to other users of the
    engine. Connections of threads that have ended are closed when another thread opens its own.

PostgreSQL
    In a worker thread (``anyio.to_thread.run_sync``, one hand-off per call), because network
    round trips must not block the event loop. Each call checks a connection out of the pool
    for the duration of ``fn`` only, so a slow client never holds a connection (the stall in
    the field notes came from holding one across response validation). Reads run as
    ``REPEATABLE READ, READ ONLY``: one snapshot for all statements of the unit of work, like a
    deferred SQLite transaction. Cancellation of the awaiting task waits for the thread to
    finish, so a transaction is never abandoned half-way.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, InvalidRequestError

from patient_tracker.db.engine import (
    create_engine_from_url,
    raw_sqlite_connection,
)
from patient_tracker.db.prepared import Prepared

__all__ = ["PING_TIMEOUT_SECONDS", "Database"]

T = TypeVar("T")

# /readyz must answer quickly even when PostgreSQL is unreachable.
PING_TIMEOUT_SECONDS = 3.0

_PING = select(1)


@dataclass(slots=True)
class _ThreadConnection:
    """The SQLite connection owned by one thread, and the sqlite3 object under it."""

    conn: Connection
    raw: sqlite3.Connection

    def close(self) -> None:
        # Best effort: this runs at shutdown or for a thread that has ended.
        with contextlib.suppress(Exception):
            self.conn.close()


def _ping_fn(conn: Connection) -> bool:
    return bool(conn.execute(_PING).scalar_one() == 1)


class Database:
    """The unit-of-work runner over one engine. Create one per process (per app).

    ``read``/``write`` are for async code (route handlers); ``read_sync``/``write_sync`` do the
    same for synchronous callers (CLI, tests, migrations helpers). ``fn`` must be synchronous,
    must not commit or roll back itself, and must not call back into this ``Database``.
    """

    def __init__(self, engine: Engine) -> None:
        """Wrap ``engine`` (made by :func:`~patient_tracker.db.engine.create_engine_from_url`)."""
        self._engine = engine
        self._dialect_name: str = engine.dialect.name
        self._is_sqlite = self._dialect_name == "sqlite"
        # PostgreSQL reads: one snapshot, and writes refused by the server.
        self._read_engine = engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
        # PostgreSQL single-statement reads (read_one): no BEGIN/COMMIT round trips.
        self._autocommit_engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._threads: dict[int, _ThreadConnection] = {}
        self._threads_lock = threading.Lock()

    @classmethod
    def from_url(cls, url: str) -> Database:
        """Create the engine for ``url`` and wrap it."""
        return cls(create_engine_from_url(url))

    @property
    def engine(self) -> Engine:
        """The underlying engine (for migrations and tooling; request code uses read/write)."""
        return self._engine

    @property
    def dialect_name(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._dialect_name

    async def read(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` in one read-only transaction and return its result."""
        if self._is_sqlite:
            return self._run_sqlite(fn, write=False)
        return await anyio.to_thread.run_sync(self._run_pooled, fn, False)

    async def read_one(
        self, statement: Prepared, params: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        """The first row of one read-only ``statement``, run outside any transaction.

        A single statement is atomic and sees one snapshot on its own, so a ``BEGIN``/``COMMIT``
        around it is pure cost (on PostgreSQL, two more round trips). For the lookups every
        request makes, such as the API key's.
        """
        if self._is_sqlite:
            owned = self._owned_connection()
            if owned.raw.in_transaction:
                raise InvalidRequestError("read_one() inside a unit of work on this thread")
            # isolation_level None: sqlite3 runs the statement in autocommit.
            return statement.first(owned.conn, params)
        return await anyio.to_thread.run_sync(self._first_pooled, statement, params)

    async def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` in one read-write transaction: commit if it returns, roll back if it raises.

        On SQLite the transaction starts with ``BEGIN IMMEDIATE`` (writers are serialised).
        """
        if self._is_sqlite:
            return self._run_sqlite(fn, write=True)
        return await anyio.to_thread.run_sync(self._run_pooled, fn, True)

    def read_sync(self, fn: Callable[[Connection], T]) -> T:
        """Synchronous :meth:`read`, run on the calling thread."""
        if self._is_sqlite:
            return self._run_sqlite(fn, write=False)
        return self._run_pooled(fn, False)

    def write_sync(self, fn: Callable[[Connection], T]) -> T:
        """Synchronous :meth:`write`, run on the calling thread."""
        if self._is_sqlite:
            return self._run_sqlite(fn, write=True)
        return self._run_pooled(fn, True)

    async def ping(self) -> bool:
        """Return True if the database answers ``SELECT 1``. Never raises (for ``/readyz``)."""
        try:
            if self._is_sqlite:
                return self._run_sqlite(_ping_fn, write=False)
            with anyio.move_on_after(PING_TIMEOUT_SECONDS):
                # abandon_on_cancel: on timeout, stop waiting for a connect that hangs; the
                # thread finishes (or times out) on its own.
                return await anyio.to_thread.run_sync(
                    self._run_pooled, _ping_fn, False, abandon_on_cancel=True
                )
            return False
        except Exception:  # noqa: BLE001 - any failure means "not ready"
            return False

    def dispose(self) -> None:
        """Close every connection this object opened and the engine's pool.

        Call once at shutdown. The object stays usable: connections reopen on demand.
        """
        with self._threads_lock:
            threads, self._threads = self._threads, {}
        for owned in threads.values():
            owned.close()
        self._engine.dispose()

    # -- internals ---------------------------------------------------------------------------

    def _owned_connection(self) -> _ThreadConnection:
        owned = self._threads.get(threading.get_ident())
        if owned is None:
            owned = self._open_thread_connection(threading.get_ident())
        return owned

    def _run_sqlite(self, fn: Callable[[Connection], T], *, write: bool) -> T:
        owned = self._owned_connection()
        conn, raw = owned.conn, owned.raw
        try:
            if raw.in_transaction:
                raise InvalidRequestError(
                    "A unit of work is already open on this thread: fn must not call back "
                    "into the Database."
                )
            # BEGIN and COMMIT go straight to sqlite3: SQLAlchemy's transaction objects and
            # events cost ~10 us per unit of work, more than the hot path's queries (measured
            # in-process, a GET of one patient). If `fn` uses `conn.execute`, SQLAlchemy
            # autobegins a transaction of its own on top of this one (the dialect's do_begin
            # sees the open transaction and emits nothing), and ending it ends ours.
            begin = "BEGIN IMMEDIATE" if write else "BEGIN"
            try:
                raw.execute(begin)
            except sqlite3.Error as error:
                raise DBAPIError.instance(begin, None, error, sqlite3.Error) from error
            changes_before = raw.total_changes
            try:
                result = fn(conn)
            except BaseException:
                _end_sqlite(conn, raw, commit=False)
                raise
            if not write and raw.total_changes != changes_before:
                # A write inside read() fails loudly, as in PostgreSQL's read-only transaction,
                # and is undone. (Not PRAGMA query_only: switching it expires the connection's
                # prepared statements, measured at ~90 us more per POST.)
                _end_sqlite(conn, raw, commit=False)
                raise DBAPIError.instance(
                    "read()",
                    None,
                    sqlite3.OperationalError("attempt to write a readonly database"),
                    sqlite3.Error,
                )
            _end_sqlite(conn, raw, commit=write)
            return result
        except DBAPIError as exc:
            if exc.connection_invalidated or conn.invalidated:
                # The connection is broken (e.g. disk I/O error); open a fresh one next time.
                self._forget_thread(threading.get_ident(), owned)
            raise

    def _run_pooled(self, fn: Callable[[Connection], T], write: bool) -> T:
        engine = self._engine if write else self._read_engine
        with engine.connect() as conn, conn.begin():
            return fn(conn)

    def _first_pooled(
        self, statement: Prepared, params: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        with self._autocommit_engine.connect() as conn:
            return statement.first(conn, params)

    def _open_thread_connection(self, ident: int) -> _ThreadConnection:
        # Registers a dummy Thread for threads not started by `threading`, so that they show in
        # threading.enumerate() and their connections are not mistaken for a dead thread's.
        threading.current_thread()
        conn = self._engine.connect()
        # Out of the pool: it lives as long as the thread (or until dispose).
        conn.detach()
        owned = _ThreadConnection(conn=conn, raw=raw_sqlite_connection(conn))
        alive = {thread.ident for thread in threading.enumerate()}
        with self._threads_lock:
            dead = [i for i in self._threads if i not in alive]
            stale = [self._threads.pop(i) for i in dead]
            self._threads[ident] = owned
        for old in stale:
            old.close()
        return owned

    def _forget_thread(self, ident: int, owned: _ThreadConnection) -> None:
        with self._threads_lock:
            if self._threads.get(ident) is owned:
                del self._threads[ident]
        owned.close()


def _end_sqlite(conn: Connection, raw: sqlite3.Connection, *, commit: bool) -> None:
    """End the transaction `_run_sqlite` began, through SQLAlchemy if it joined in."""
    if conn.in_transaction():
        if commit:
            conn.commit()
        else:
            conn.rollback()
        return
    try:
        if commit:
            raw.commit()
        else:
            raw.rollback()
    except sqlite3.Error as error:
        statement = "COMMIT" if commit else "ROLLBACK"
        raise DBAPIError.instance(statement, None, error, sqlite3.Error) from error
