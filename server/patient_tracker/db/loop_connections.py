"""`LoopConnections`: the PostgreSQL connections one event loop's units of work run on.

A fixed number of slots, each holding a SQLAlchemy `Connection` (of the event-loop engine, see
`engine.create_event_loop_engine`) that stays checked out of the engine's pool while the process
runs; a unit of work takes a slot, runs on its connection, and gives it back. Taking a slot when
none is free waits, first come first served (an `asyncio.Semaphore`: an `asyncio.Queue` lets a
newcomer take a connection given back to a waiter, which then queues again at the end; p99 of the
POST went from 63 to 314 ms with one), so the slots are also the limit on units of work in flight.

Why not a checkout from SQLAlchemy's pool per unit of work, as before: a checkout and check-in,
the `Connection` object, and (for a lookup awaited on the loop) the greenlet the checkout needs
cost ~15-30 us per unit of work, ~45 us per POST here, on a request whose CPU the PostgreSQL floor
spends ~820 us on in all (docs/design.md, "The PostgreSQL path"). A slot costs a semaphore's
acquire and release and a list's pop and append (~1 us). SQLAlchemy's pool still opens the
connections (its connect arguments, events and session settings), and lends the few that
`/readyz` uses.

A connection that turns out dead is replaced, and so is every other one opened before the loss
was seen (`lost`): they died with it (a restart, a failover). That is what SQLAlchemy's pool does
with its own connections (`Pool._invalidate`), and saves each slot a failed round trip. So is a
connection whose state is unknown: its unit of work was cancelled half-way (`discard`, which
also closes it at once) or its rollback failed (`retire`).

Given a `Tally` (the metrics gauge `patient_tracker_db_connections_in_use`), it counts the
connections lent out: one more when a unit of work takes one, one less when it is given back.
This is the process's pool, so that is "connections in use": at `size`, units of work wait.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.util import greenlet_spawn

__all__ = ["LoopConnections", "Tally"]

# The generation of a discarded connection: never the current one, so it is replaced on use.
_NEVER = -1


class Tally(Protocol):
    """Something that counts up and down (a Prometheus gauge)."""

    def inc(self, amount: float = 1) -> None: ...

    def dec(self, amount: float = 1) -> None: ...


class LoopConnections:
    """``size`` connections of ``engine`` for the event loop this object is first used on."""

    def __init__(self, engine: Engine, size: int, in_use: Tally | None = None) -> None:
        self._engine = engine
        self._in_use = in_use
        self._admitted = asyncio.Semaphore(size)
        # A stack: the connection used last is taken first; an empty slot (None) is opened on use.
        self._idle: list[Connection | None] = [None] * size
        # Each connection's generation: the number of losses seen before it was opened. One of
        # an earlier generation than now was opened before a loss, and is replaced.
        self._generation = 0
        self._opened_in: dict[Connection, int] = {}

    async def take(self) -> Connection:
        """A live-looking connection for one unit of work; waits while every slot is in use.

        Give it back with :meth:`give_back`, whatever happens. Raises what connecting raises
        (the slot is then given back empty).
        """
        await self._admitted.acquire()
        if self._in_use is not None:
            self._in_use.inc()
        conn = self._idle.pop()
        if conn is not None and self._opened_in[conn] == self._generation:
            return conn
        try:
            return await greenlet_spawn(self._reopen, conn)
        except BaseException:
            self.give_back(None)
            raise

    def give_back(self, conn: Connection | None) -> None:
        """Return a connection :meth:`take` gave (also one found dead: it is replaced later)."""
        self._idle.append(conn)
        self._admitted.release()
        if self._in_use is not None:
            self._in_use.dec()

    def discard(self, conn: Connection) -> None:
        """Give back a connection left in an unknown state (its unit of work was cancelled in
        the middle of a transaction): it is closed now, so that PostgreSQL rolls back what it
        had not committed and releases its locks, and its slot opens a new connection on its
        next use.

        By then psycopg has handled the cancellation of a statement in flight itself (it asks
        the server to cancel it and waits for it to end), so the session is idle, inside a
        transaction at most.
        """
        self.retire(conn)
        self.give_back(conn)
        if conn.invalidated:
            return  # SQLAlchemy saw the cancellation and closed the connection itself
        # The socket is closed without a round trip (a cancelled task must not wait for one);
        # the SQLAlchemy side is tidied up when the slot reopens (`_reopen`).
        with contextlib.suppress(Exception):
            conn.connection.driver_connection.pgconn.finish()  # type: ignore[union-attr]

    def retire(self, conn: Connection) -> None:
        """Have ``conn`` (taken, not yet given back) replaced when its slot is next taken: its
        state is unknown (a failed rollback, a cancelled unit of work)."""
        self._opened_in[conn] = _NEVER

    def lost(self) -> None:
        """A connection was found dead: replace it and every connection opened before it."""
        self._generation += 1

    async def aclose(self) -> None:
        """Close the idle connections (at shutdown, when no unit of work runs)."""
        while self._idle:
            conn = self._idle.pop()
            if conn is None:
                continue
            if self._opened_in[conn] == self._generation:
                del self._opened_in[conn]
                await greenlet_spawn(_close, conn)
            else:
                await greenlet_spawn(self._drop, conn)

    def _reopen(self, stale: Connection | None) -> Connection:
        """(In a greenlet.) A new connection instead of ``stale``, which is discarded."""
        if stale is not None:
            self._drop(stale)
        conn = self._engine.connect()
        self._opened_in[conn] = self._generation
        return conn

    def _drop(self, stale: Connection) -> None:
        """(In a greenlet.) Discard a connection that is dead or in an unknown state."""
        del self._opened_in[stale]
        # Invalidated rather than closed: it must not go back into SQLAlchemy's pool.
        with contextlib.suppress(Exception):
            stale.invalidate()
        _close(stale)


def _close(conn: Connection) -> None:
    # Best effort: a connection to a database that is gone may fail to close.
    with contextlib.suppress(Exception):
        conn.close()
