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
    On the event loop, with psycopg's async connections: ``fn`` runs in a greenlet (SQLAlchemy's
    asyncio bridge, the one ``AsyncConnection.run_sync`` uses) on the sync face of an async
    engine (``engine.create_event_loop_engine``), so each round trip awaits on the loop and a
    request pays no thread hand-off (two per request, 60-120 us each, before). ``fn`` is still
    plain synchronous code; like SQLite's, it must not block on anything but the database.
    ``BEGIN`` and ``COMMIT`` are awaited on the loop, outside the greenlet, and ``Prepared``
    statements go to psycopg itself (see prepared.py): each switch into the greenlet and out
    costs ~10 us. The connections are the loop's own (``LoopConnections``): as many as the pool
    holds, opened once and kept, so at most that many units of work run at once per process.
    A call takes a connection for the duration of ``fn`` only, so a slow client never holds one
    (the stall in the field notes came from holding one across response validation). Reads run
    as ``REPEATABLE READ, READ ONLY``: one snapshot for all
    statements of the unit of work, like a deferred SQLite transaction. A unit of work cancelled
    half-way (its task is cancelled) closes its connection, so PostgreSQL rolls it back whole
    and no later unit of work inherits its transaction. ``read_sync``/``write_sync`` (CLI,
    tools) use a plain psycopg engine of their own on the calling thread.

Connection loss (PostgreSQL restarted, failed over, or an idle-connection reaper): every pooled
connection is then dead, and the pool does not know (no pre-ping: it would cost a round trip per
checkout). What a unit of work does when its connection turns out dead:

- **Lost before COMMIT was sent**: PostgreSQL rolls back a transaction whose session ends, so
  nothing of it happened. The connection is invalidated, together with every connection opened
  before it (they died with it: the loop's are replaced on their next use, the pool's on their
  next checkout), and ``fn`` runs once more on a fresh connection. Only
  once: a second loss means the database is going away, and the request gets a 503.
- **Lost during COMMIT** (write only): ambiguous. The COMMIT may have reached the server and been
  applied before the answer was lost. Running ``fn`` again could apply it twice (a patient
  registered twice has two ids), so it is never retried: the request gets a 503
  ``database_unavailable``, whose detail says the change may have been saved. A client retrying
  with the same ``Idempotency-Key`` gets the stored response if it was, and a fresh run if not
  (the key is stored in the same transaction as the effect). A read-only transaction has nothing
  to lose at COMMIT: its result stands.
- **Cannot connect** (the server is down or refuses connections): a 503 at once; a retry would
  wait for another connect timeout.

After a commit: a unit of work may ask, with ``after_commit(conn, topic)``, that the
``Database`` tell the ``on_commit(topic)`` listeners of its process once it has committed (never
if it rolls back). SQLite only: that is how a committed webhook delivery wakes the delivery worker
of the same process at once (the outbox asks it). On PostgreSQL the outbox sends ``NOTIFY`` in the
transaction instead, which every process hears (``db.notifications``).

``read``/``write``/``read_one`` (the request path) turn any failure that means "the database is not
available right now" into `DatabaseUnavailableError` (503 with
``Retry-After``): on PostgreSQL a psycopg ``OperationalError`` (connection failures, shutdowns,
too many clients, statement timeouts, deadlocks) or ``InterfaceError`` (a closed connection),
and a pool checkout timeout; on SQLite "database is locked" / busy, disk I/O errors, a full disk,
or a file that cannot be opened. ``read_sync``/``write_sync`` (CLI, tooling) retry the same way but
raise SQLAlchemy's exceptions, which the CLI reports itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import psycopg
from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, InvalidRequestError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import greenlet_spawn

from patient_tracker.contract.problems import DatabaseUnavailableError
from patient_tracker.db.engine import (
    PG_POOL_SIZE,
    connect_dedicated,
    create_engine_from_url,
    create_event_loop_engine,
    raw_sqlite_connection,
)
from patient_tracker.db.loop_connections import LoopConnections, Tally
from patient_tracker.db.prepared import Prepared, statement_cursor

__all__ = ["PING_TIMEOUT_SECONDS", "Database", "after_commit"]

T = TypeVar("T")
R = TypeVar("R")

# /readyz must answer quickly even when PostgreSQL is unreachable.
PING_TIMEOUT_SECONDS = 3.0

_PING = select(1)

logger = logging.getLogger(__name__)

# SQLite's primary result codes that mean "not now" rather than "wrong": the busy timeout ran out
# (BUSY, LOCKED), the file or disk failed (IOERR, FULL, CANTOPEN, PROTOCOL), memory ran out.
_SQLITE_UNAVAILABLE = frozenset({5, 6, 7, 10, 13, 14, 15})
# psycopg errors that end the session: the server is shutting down or restarting, or an
# administrator (or a reaper) terminated the backend.
_PG_SESSION_ENDED = (
    psycopg.errors.AdminShutdown,
    psycopg.errors.CrashShutdown,
    psycopg.errors.CannotConnectNow,
    psycopg.errors.IdleSessionTimeout,
)


# The key, in a SQLite connection's `info`, of the topics its unit of work announces at commit.
_AFTER_COMMIT = "patient_tracker.after_commit"


def after_commit(conn: Connection, topic: str) -> None:
    """Have `topic` announced to this process's `Database.on_commit` listeners once the unit of
    work running on `conn` commits; nothing is announced if it rolls back. SQLite only (on
    PostgreSQL, send ``NOTIFY`` in the transaction: every process hears it)."""
    if conn.dialect.name != "sqlite":
        raise ValueError("after_commit is for SQLite; PostgreSQL announces with NOTIFY")
    topics: set[str] = conn.info.setdefault(_AFTER_COMMIT, set())
    topics.add(topic)


class _CommitOutcomeUnknownError(Exception):
    """The connection was lost while COMMIT was in flight: the write may or may not be saved."""


class _LostBeforeCommitError(Exception):
    """The connection was lost before COMMIT was sent: nothing was saved; safe to run again."""

    def __init__(self, error: Exception) -> None:
        super().__init__(_error_name(error))
        self.error = error
        self.name = _error_name(error)


@dataclass(slots=True)
class _ThreadConnection:
    """The SQLite connection owned by one thread, and the sqlite3 object under it."""

    conn: Connection
    raw: sqlite3.Connection
    # `conn.info` (a detached connection's own dict, fixed from then on): where `after_commit`
    # leaves its topics.
    info: dict[Any, Any]

    def close(self) -> None:
        # Best effort: this runs at shutdown or for a thread that has ended.
        with contextlib.suppress(Exception):
            self.conn.close()


# PostgreSQL units of work run on autocommit connections and open their transaction themselves,
# so the pool's connections never switch isolation level or read-only mode (SQLAlchemy does that
# on every checkout and check-in otherwise, ~25 us a time measured here), and a lone statement
# (`read_one`) needs no BEGIN/COMMIT round trips. psycopg's commit()/rollback() act on the
# server's transaction status, so SQLAlchemy's commit and rollback end these transactions.
_BEGIN_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
_BEGIN_WRITE = "BEGIN"


def _ping_fn(conn: Connection) -> bool:
    return bool(conn.execute(_PING).scalar_one() == 1)


class Database:
    """The unit-of-work runner over one engine. Create one per process (per app).

    ``read``/``write`` are for async code (route handlers); ``read_sync``/``write_sync`` do the
    same for synchronous callers (CLI, tests, migrations helpers). ``fn`` must be synchronous,
    must not commit or roll back itself, and must not call back into this ``Database``.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        pool_size: int = PG_POOL_SIZE,
        connections_in_use: Tally | None = None,
    ) -> None:
        """Wrap ``engine`` (made by :func:`~patient_tracker.db.engine.create_engine_from_url`).

        ``pool_size``: on PostgreSQL, the connections kept for requests, and so the units of
        work run at once by this process. ``connections_in_use``: on PostgreSQL, counts those
        lent to a unit of work (`LoopConnections`; the metrics gauge).
        """
        self._pool_size = pool_size
        self._connections_in_use = connections_in_use
        self._engine = engine
        self._dialect_name: str = engine.dialect.name
        self._is_sqlite = self._dialect_name == "sqlite"
        # PostgreSQL: the calling thread's engine (read_sync, write_sync) and the event loop's
        # (read, write, read_one, ping), each over a pool of its own, opened on first use; both
        # in autocommit (see _BEGIN_READ).
        self._thread_engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._event_loop_engine: AsyncEngine | None = None
        self._loop_engine: Engine = self._thread_engine
        if not self._is_sqlite:
            self._event_loop_engine = create_event_loop_engine(engine.url, pool_size)
            self._loop_engine = self._event_loop_engine.sync_engine
        self._threads: dict[int, _ThreadConnection] = {}
        self._threads_lock = threading.Lock()
        # PostgreSQL: the connections units of work take on the event loop they were made for
        # (asyncio objects belong to the loop they wait on; tests run several loops in turn).
        self._connections: tuple[asyncio.AbstractEventLoop, LoopConnections] | None = None
        # Topic -> what to call when a unit of work that announced it commits (`after_commit`).
        self._on_commit: dict[str, list[Callable[[], None]]] = {}

    def on_commit(self, topic: str, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback()`` after each commit of a unit of work that announced ``topic``
        (`after_commit`; SQLite), on the thread that ran it. Returns what unsubscribes it.

        ``callback`` must be quick and must not raise (an exception is logged and ignored: the
        commit has happened).
        """
        self._on_commit.setdefault(topic, []).append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._on_commit.get(topic, []).remove(callback)

        return unsubscribe

    async def dedicated_connection(self, application_name: str) -> psycopg.AsyncConnection[Any]:
        """PostgreSQL: a new psycopg async connection of its own, in autocommit, to this
        database, with the engines' session settings and ``application_name``. For what cannot
        share the units of work's connections (``LISTEN``, `db.notifications`); the caller
        closes it."""
        if self._is_sqlite:
            raise ValueError("a dedicated connection is for PostgreSQL")
        return await connect_dedicated(self._engine, application_name)

    @classmethod
    def from_url(cls, url: str, *, pool_size: int = PG_POOL_SIZE) -> Database:
        """Create the engine for ``url`` and wrap it."""
        return cls(create_engine_from_url(url), pool_size=pool_size)

    @property
    def engine(self) -> Engine:
        """The underlying engine (for migrations and tooling; request code uses read/write)."""
        return self._engine

    @property
    def engines(self) -> tuple[Engine, ...]:
        """Every engine statements run on: the one given, and on PostgreSQL the event loop's
        (for hooks on their events, such as tracing's)."""
        if self._event_loop_engine is None:
            return (self._engine,)
        return (self._engine, self._event_loop_engine.sync_engine)

    @property
    def dialect_name(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._dialect_name

    async def read(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` in one read-only transaction and return its result.

        Raises `DatabaseUnavailableError` when the database
        cannot be reached (after one retry on a fresh connection if the connection was lost).
        """
        try:
            if self._is_sqlite:
                return self._run_sqlite(fn, write=False)
            return await self._run_on_loop(fn, write=False)
        except Exception as error:
            if _unavailable(error):
                raise _unavailable_problem(error) from error
            raise

    async def read_one(
        self, statement: Prepared, params: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        """The first row of one read-only ``statement``, run outside any transaction.

        A single statement is atomic and sees one snapshot on its own, so a ``BEGIN``/``COMMIT``
        around it is pure cost (on PostgreSQL, two more round trips). For the lookups every
        request makes, such as the API key's.
        """
        try:
            if self._is_sqlite:
                owned = self._owned_connection()
                if owned.raw.in_transaction:
                    raise InvalidRequestError("read_one() inside a unit of work on this thread")
                # isolation_level None: sqlite3 runs the statement in autocommit.
                return statement.first(owned.conn, params)
            return await self._retried_once(self._first_on_loop_once, statement, params)
        except Exception as error:
            if _unavailable(error):
                raise _unavailable_problem(error) from error
            raise

    async def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` in one read-write transaction: commit if it returns, roll back if it raises.

        On SQLite the transaction starts with ``BEGIN IMMEDIATE`` (writers are serialised).
        Raises `DatabaseUnavailableError` as :meth:`read` does,
        and never runs ``fn`` again once its COMMIT was sent (see the module docstring).
        """
        try:
            if self._is_sqlite:
                return self._run_sqlite(fn, write=True)
            return await self._run_on_loop(fn, write=True)
        except Exception as error:
            if _unavailable(error):
                raise _unavailable_problem(error) from error
            raise

    def read_sync(self, fn: Callable[[Connection], T]) -> T:
        """Synchronous :meth:`read`, run on the calling thread."""
        if self._is_sqlite:
            return self._run_sqlite(fn, write=False)
        return self._run_pooled(self._thread_engine, fn, False)

    def write_sync(self, fn: Callable[[Connection], T]) -> T:
        """Synchronous :meth:`write`, run on the calling thread."""
        if self._is_sqlite:
            return self._run_sqlite(fn, write=True)
        return self._run_pooled(self._thread_engine, fn, True)

    async def ping(self) -> bool:
        """Return True if the database answers ``SELECT 1``. Never raises (for ``/readyz``)."""
        try:
            if self._is_sqlite:
                return self._run_sqlite(_ping_fn, write=False)
            with anyio.move_on_after(PING_TIMEOUT_SECONDS):
                # Outside the loop's slots: on timeout, stop waiting for a connect that hangs
                # (or for a busy pool's overflow).
                return await greenlet_spawn(self._run_pooled, self._loop_engine, _ping_fn, False)
            return False
        except Exception:  # noqa: BLE001 - any failure means "not ready"
            return False

    def dispose(self) -> None:
        """Close every connection this object opened, and its pools.

        Call once at shutdown, from synchronous code (the CLI, tests); the app's lifespan calls
        :meth:`aclose`. The object stays usable: connections reopen on demand.
        """
        self._dispose_threads_and_engine()
        if self._event_loop_engine is not None:
            # The event loop's connections close through the loop; none runs here (or the one
            # that opened them has ended), so a short-lived one does it.
            asyncio.run(self._close_event_loop_engine())

    async def aclose(self) -> None:
        """:meth:`dispose`, from the event loop the requests ran on."""
        self._dispose_threads_and_engine()
        if self._event_loop_engine is not None:
            await self._close_event_loop_engine()

    # -- internals ---------------------------------------------------------------------------

    def _dispose_threads_and_engine(self) -> None:
        with self._threads_lock:
            threads, self._threads = self._threads, {}
        for owned in threads.values():
            owned.close()
        self._engine.dispose()

    async def _close_event_loop_engine(self) -> None:
        assert self._event_loop_engine is not None
        connections, self._connections = self._connections, None
        if connections is not None:
            await connections[1].aclose()
        await self._event_loop_engine.dispose()

    async def _loop_connections(self) -> LoopConnections:
        """This event loop's PostgreSQL connections (those of a loop that has ended are closed)."""
        loop = asyncio.get_running_loop()
        current = self._connections
        if current is not None and current[0] is loop:
            return current[1]
        self._connections = (
            loop,
            LoopConnections(self._loop_engine, self._pool_size, self._connections_in_use),
        )
        if current is not None:
            await current[1].aclose()
        return self._connections[1]

    async def _retried_once(self, run: Callable[..., Awaitable[R]], *args: Any) -> R:
        """``run(*args)``, and once more if it lost its connection before anything was
        committed (see the module docstring)."""
        try:
            return await run(*args)
        except _LostBeforeCommitError as lost:
            logger.warning(
                "database connection lost (%s); retrying the unit of work once", lost.name
            )
        try:
            return await run(*args)
        except _LostBeforeCommitError as lost:
            raise lost.error from None

    async def _run_on_loop(self, fn: Callable[[Connection], T], *, write: bool) -> T:
        """PostgreSQL: ``fn`` in a transaction on one of the loop's connections."""
        return await self._retried_once(self._run_on_loop_once, fn, write)

    async def _run_on_loop_once(self, fn: Callable[[Connection], T], write: bool) -> T:
        """One attempt: BEGIN and COMMIT awaited on the loop, ``fn`` in a greenlet between."""
        return await self._on_loop_connection(
            lambda conn: self._transaction_on_loop(conn, fn, write)
        )

    async def _on_loop_connection(self, work: Callable[[Connection], Awaitable[R]]) -> R:
        """``work`` on one of the loop's connections, given back whatever happens.

        If ``work`` is cancelled half-way (the task awaiting it is cancelled: at shutdown, or
        by a timeout around the call), its connection may be inside a transaction. Given back
        as it is, the next unit of work on it would fail, or commit the cancelled one's writes
        with its own; so it is closed instead (PostgreSQL rolls back what was not committed)
        and its slot opens a new one. A shield would not prevent it: anyio's protects from
        anyio's cancel scopes only, not from ``Task.cancel()``.
        """
        connections = await self._loop_connections()
        conn = await connections.take()
        try:
            result = await work(conn)
        except Exception:
            connections.give_back(conn)
            raise
        except BaseException:
            connections.discard(conn)
            raise
        connections.give_back(conn)
        return result

    async def _transaction_on_loop(
        self, conn: Connection, fn: Callable[[Connection], T], write: bool
    ) -> T:
        # BEGIN and COMMIT go to psycopg on the loop, not through the greenlet: each switch
        # into and out of it costs ~10 us (it copies the C stack of the request's coroutine).
        driver: psycopg.AsyncConnection[Any] = conn.connection.driver_connection  # type: ignore[assignment]
        try:
            await statement_cursor(driver).execute(_BEGIN_WRITE if write else _BEGIN_READ)
            result = await greenlet_spawn(fn, conn)
        except Exception as error:
            await self._after_failure_on_loop(conn, driver, error)
            raise
        try:
            await _end_on_loop(conn, driver, commit=True)
        except Exception as error:
            if not _session_lost(error, conn):
                raise
            await self._discard(conn, error)
            if not write:
                # A read-only transaction saved nothing; what it read is one snapshot.
                return result
            raise _CommitOutcomeUnknownError(_error_name(error)) from error
        return result

    async def _after_failure_on_loop(
        self, conn: Connection, driver: psycopg.AsyncConnection[Any], error: Exception
    ) -> None:
        """`_after_failure`, for `_transaction_on_loop`."""
        if _session_lost(error, conn):
            await self._discard(conn, error)
            raise _LostBeforeCommitError(error) from error
        # `Prepared` statements run on the driver, so SQLAlchemy has not seen a failure of
        # theirs; roll back here so that the original error is the one raised.
        try:
            await _end_on_loop(conn, driver, commit=False)
        except Exception:  # noqa: BLE001 - whatever failed, the state is unknown
            # The rollback failed too: the connection's state is unknown, so it is replaced
            # rather than lent to the next unit of work.
            if self._connections is not None:
                self._connections[1].retire(conn)

    async def _discard(self, conn: Connection, error: Exception) -> None:
        """Drop ``conn``, found dead, and the loop's connections opened before it."""
        if self._connections is not None:
            self._connections[1].lost()
        await greenlet_spawn(self._invalidate, conn, error)

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
                owned.info.pop(_AFTER_COMMIT, None)
                _end_sqlite(conn, raw, commit=False)
                raise
            # What the unit of work announces, once it has committed (a read announces nothing).
            topics = owned.info.pop(_AFTER_COMMIT, None)
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
            if topics and write:
                self._announce(topics)
            return result
        except DBAPIError as exc:
            if exc.connection_invalidated or conn.invalidated:
                # The connection is broken (e.g. disk I/O error); open a fresh one next time.
                self._forget_thread(threading.get_ident(), owned)
            raise

    def _announce(self, topics: set[str]) -> None:
        """Call the `on_commit` listeners of ``topics`` (a unit of work has just committed)."""
        for topic in topics:
            for callback in tuple(self._on_commit.get(topic, ())):
                try:
                    callback()
                except Exception:  # the commit stands whatever a listener does
                    logger.exception("on_commit listener failed (topic %s)", topic)

    def _run_pooled(self, engine: Engine, fn: Callable[[Connection], T], write: bool) -> T:
        try:
            return self._run_pooled_once(engine, fn, write)
        except _LostBeforeCommitError as lost:
            # Nothing was committed (see the module docstring): run it again, once, on a fresh
            # connection (the dead ones were invalidated).
            logger.warning(
                "database connection lost (%s); retrying the unit of work once", lost.name
            )
        try:
            return self._run_pooled_once(engine, fn, write)
        except _LostBeforeCommitError as lost:
            raise lost.error from None

    def _run_pooled_once(self, engine: Engine, fn: Callable[[Connection], T], write: bool) -> T:
        # A failure to connect (or to check out) propagates as it is: nothing was sent.
        with engine.connect() as conn:
            # Explicit begin/commit rather than `with conn.begin()`: a loss must be told apart
            # by where it happened (in `fn`, or at COMMIT). SQLAlchemy's begin() sends nothing
            # on an autocommit connection; the BEGIN statement opens the transaction.
            transaction = conn.begin()
            try:
                _execute_on_cursor(conn, _BEGIN_WRITE if write else _BEGIN_READ)
                result = fn(conn)
            except Exception as error:
                self._after_failure(conn, error)
                raise
            try:
                transaction.commit()
            except Exception as error:
                if not _session_lost(error, conn):
                    raise
                self._invalidate(conn, error)
                if not write:
                    # A read-only transaction saved nothing; what it read is one snapshot.
                    return result
                raise _CommitOutcomeUnknownError(_error_name(error)) from error
            return result

    async def _first_on_loop_once(
        self, statement: Prepared, params: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        """One statement on one of the loop's connections, awaited on the loop.

        No transaction, and no greenlet: a key lookup or a read by id costs ~60 us of CPU this
        way, against ~100 us through SQLAlchemy's bridge (measured here).
        """

        async def first(conn: Connection) -> dict[str, Any] | None:
            driver: psycopg.AsyncConnection[Any] = conn.connection.driver_connection  # type: ignore[assignment]
            try:
                return await statement.first_async(driver, self._loop_engine.dialect, params)
            except Exception as error:
                if _driver_session_lost(error, driver):
                    await self._discard(conn, error)
                    raise _LostBeforeCommitError(error) from error
                raise

        return await self._on_loop_connection(first)

    def _after_failure(self, conn: Connection, error: Exception) -> None:
        """Clean up after ``fn`` raised: drop a dead connection (raising
        :class:`_LostBeforeCommitError`), or roll back a live one (the caller re-raises)."""
        if _session_lost(error, conn):
            self._invalidate(conn, error)
            raise _LostBeforeCommitError(error) from error
        if conn.in_transaction():
            # `Prepared` statements run on the DBAPI cursor, so SQLAlchemy has not seen a
            # failure of theirs; roll back here so that the original error is the one raised.
            with contextlib.suppress(Exception):
                conn.rollback()

    def _invalidate(self, conn: Connection, error: Exception) -> None:
        """Discard ``conn`` and every connection its pool opened before it: they died with it.

        SQLAlchemy does this itself for errors it sees (``Connection.execute``), but statements
        run through ``Prepared`` bypass it. This is the same call it makes (the pool's
        generation mark: connections older than now are reconnected on their next checkout);
        ``Engine.dispose`` would also throw away the connections opened after the loss.
        """
        if conn.invalidated:
            return
        with contextlib.suppress(Exception):
            conn.engine.pool._invalidate(conn.connection, error, _checkin=False)
        conn.connection.invalidate(error)

    def _open_thread_connection(self, ident: int) -> _ThreadConnection:
        # Registers a dummy Thread for threads not started by `threading`, so that they show in
        # threading.enumerate() and their connections are not mistaken for a dead thread's.
        threading.current_thread()
        conn = self._engine.connect()
        # Out of the pool: it lives as long as the thread (or until dispose).
        conn.detach()
        owned = _ThreadConnection(conn=conn, raw=raw_sqlite_connection(conn), info=conn.info)
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


def _error_name(error: BaseException) -> str:
    """The class of the DBAPI error under ``error``, for logs (messages may quote data)."""
    orig = error.orig if isinstance(error, DBAPIError) else error
    return type(orig).__name__


def _session_lost(error: BaseException, conn: Connection) -> bool:
    """Whether ``error``, raised on ``conn``, means the PostgreSQL session is gone."""
    if isinstance(error, DBAPIError):
        if error.connection_invalidated:
            return True
        error = error.orig  # type: ignore[assignment]
    if conn.invalidated:
        # SQLAlchemy has seen it die already (and its `connection` would reconnect).
        return isinstance(
            error, (*_PG_SESSION_ENDED, psycopg.OperationalError, psycopg.InterfaceError)
        )
    return _driver_session_lost(error, conn.connection.dbapi_connection)


def _driver_session_lost(error: BaseException, raw: object) -> bool:
    """Whether psycopg's ``error``, raised on connection ``raw`` (psycopg's own or SQLAlchemy's
    adapter of it), means the PostgreSQL session is gone."""
    if isinstance(error, _PG_SESSION_ENDED):
        return True
    if not isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError)):
        return False
    return bool(getattr(raw, "closed", False) or getattr(raw, "broken", False))


async def _end_on_loop(
    conn: Connection, driver: psycopg.AsyncConnection[Any], *, commit: bool
) -> None:
    """End the transaction `_transaction_on_loop` began, through SQLAlchemy if it joined in."""
    if conn.in_transaction():
        # `fn` used `conn.execute`, so SQLAlchemy keeps a transaction of its own: ending it
        # ends ours (psycopg's commit and rollback act on the server's transaction).
        await greenlet_spawn(conn.commit if commit else conn.rollback)
    elif commit:
        await driver.commit()
    else:
        await driver.rollback()


def _execute_on_cursor(conn: Connection, statement: str) -> None:
    """Run one parameterless ``statement`` on ``conn``'s DBAPI cursor (BEGIN: no SQLAlchemy
    execution context for a statement that returns nothing)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(statement)
    finally:
        cursor.close()


def _unavailable(error: BaseException) -> bool:
    """Whether ``error`` means "the database cannot serve this now" rather than a bug."""
    if isinstance(error, (_CommitOutcomeUnknownError, PoolTimeoutError)):
        return True
    if isinstance(error, DBAPIError):
        if error.connection_invalidated:
            return True
        error = error.orig  # type: ignore[assignment]
    if isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError)):
        return True
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return code is not None and code & 0xFF in _SQLITE_UNAVAILABLE
    return False


def _unavailable_problem(error: Exception) -> DatabaseUnavailableError:
    """The 503 problem a request gets for ``error`` (one :func:`_unavailable` accepts)."""
    logger.warning("database unavailable: %s", _error_name(error))
    if isinstance(error, _CommitOutcomeUnknownError):
        return DatabaseUnavailableError(
            "The connection to the database was lost while the change was being committed: it "
            "may or may not have been saved. Retry with the same Idempotency-Key to find out."
        )
    return DatabaseUnavailableError("The database is not available. Retry later.")


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
